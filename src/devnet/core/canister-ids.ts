/**
 * Canister id allocation. Ids are 10 bytes: a u64 (big endian) followed by 0x01 0x01 (opaque principal class),
 * as on the IC; the devnet's range starts where dfx-era local replicas started.
 */
import { Principal } from '@dfinity/principal';

/** First id: 0x80000000_00100001 ‖ 0101 (`bkyz2-fmaaa-aaaaa-qaaaq-cai`, the first dfx local id). */
export const FIRST_CANISTER_INDEX = 0x80000000_00100001n;
export const CANISTER_RANGE_START = new Uint8Array([0, 0, 0, 0, 0, 0, 0, 0, 1, 1]);
export const CANISTER_RANGE_END = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 1, 1]);

export function canisterIdFromIndex(index: bigint): Principal {
    const bytes = new Uint8Array(10);
    new DataView(bytes.buffer).setBigUint64(0, index);
    bytes[8] = 1;
    bytes[9] = 1;
    return Principal.fromUint8Array(bytes);
}

export class CanisterIdAllocator {
    constructor(private next: bigint = FIRST_CANISTER_INDEX) {}

    allocate(taken: (id: string) => boolean): Principal {
        for (;;) {
            const id = canisterIdFromIndex(this.next++);
            if (!taken(id.toText())) return id;
        }
    }

    get nextIndex(): bigint {
        return this.next;
    }
}
