/**
 * Idempotency keys (outcalls.md §1.7): every replica must send the same key for one logical request, and
 * each logical request needs its own. Derived only from replicated state: the canister id and a counter kept
 * in stable memory, hashed so the key reveals neither.
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';

import { utf8Binary } from './utf8-native';

/** Lower-case hex SHA-256 of the UTF-8 bytes of `text`. */
export function sha256HexOfText(text: string): string {
    return bytesToHex(sha256(binaryToBytes(utf8Binary(text))));
}

export function sha256Hex(bytes: Uint8Array): string {
    return bytesToHex(sha256(bytes));
}

/** `idk` of a worker token: hex SHA-256 of "deai-router/v1" ‖ canister id ‖ counter ‖ attempt. */
export function idempotencyKey(canisterId: string, counter: bigint, attempt: number): string {
    return sha256HexOfText(`deai-router/v1\u0000${canisterId}\u0000${counter.toString()}\u0000${attempt}`);
}

export function binaryToBytes(binary: string): Uint8Array {
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
}
