/** LEB128 reading over a wasm binary (core spec §5.2.2 "Integers"); positions are byte offsets into `bytes`. */
import { PrepareError, PrepareErrorCode } from '../prepare-error.js';

/** Longest LEB128 encoding of a 64-bit integer. */
const MAX_LEB_BYTES = 10;

export function truncated(at: number): PrepareError {
    return new PrepareError(PrepareErrorCode.InvalidWasm, `wasm binary ends inside an item at byte ${at}`);
}

/** Reads an unsigned LEB128 that fits in 32 bits; returns the value and the position after it. */
export function readU32(bytes: Uint8Array, pos: number): [value: number, next: number] {
    let result = 0;
    let shift = 0;
    for (let i = 0; i < 5; i++) {
        if (pos >= bytes.length) throw truncated(pos);
        const byte = bytes[pos++]!;
        result += (byte & 0x7f) * 2 ** shift;
        if ((byte & 0x80) === 0) return [result, pos];
        shift += 7;
    }
    throw new PrepareError(PrepareErrorCode.InvalidWasm, `u32 LEB128 longer than 5 bytes at byte ${pos}`);
}

/** Skips one LEB128 (signed or unsigned, up to 64 bits); returns the position after it. */
export function skipLeb(bytes: Uint8Array, pos: number): number {
    const end = Math.min(bytes.length, pos + MAX_LEB_BYTES);
    while (pos < end) {
        if ((bytes[pos++]! & 0x80) === 0) return pos;
    }
    throw truncated(pos);
}
