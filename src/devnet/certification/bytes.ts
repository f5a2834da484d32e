/** Byte helpers shared by the certification code (pure). */
import { sha224, sha256 } from '@noble/hashes/sha2.js';

export { sha224, sha256 };

import { concatBytes } from '../../shared/crypto/bytes.utils.js';

export { concatBytes };

/** Bytewise lexicographic order, as the spec orders labels and hash-of-map entries. */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return a.length - b.length;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
    return a.length === b.length && compareBytes(a, b) === 0;
}

export function toHex(bytes: Uint8Array): string {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('hex');
}

export function fromHex(hex: string): Uint8Array {
    if (!/^([0-9a-fA-F]{2})*$/.test(hex)) throw new TypeError('invalid hex string');
    return Uint8Array.from(Buffer.from(hex, 'hex'));
}

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Unsigned LEB128, shortest form (spec §"Representation-independent hashing", certificate nat values). */
export function leb128(n: bigint | number): Uint8Array {
    let v = BigInt(n);
    if (v < 0n) throw new RangeError('leb128 of a negative number');
    const out: number[] = [];
    do {
        let byte = Number(v & 0x7fn);
        v >>= 7n;
        if (v !== 0n) byte |= 0x80;
        out.push(byte);
    } while (v !== 0n);
    return Uint8Array.from(out);
}

/** Signed LEB128 (used for `int` values in hash_of_map). */
export function sleb128(n: bigint | number): Uint8Array {
    let v = BigInt(n);
    const out: number[] = [];
    for (;;) {
        const byte = Number(v & 0x7fn);
        v >>= 7n;
        const done = (v === 0n && (byte & 0x40) === 0) || (v === -1n && (byte & 0x40) !== 0);
        out.push(done ? byte : byte | 0x80);
        if (done) return Uint8Array.from(out);
    }
}

export function decodeLeb128(bytes: Uint8Array): bigint {
    let v = 0n;
    let shift = 0n;
    for (const b of bytes) {
        v |= BigInt(b & 0x7f) << shift;
        shift += 7n;
        if ((b & 0x80) === 0) return v;
    }
    throw new RangeError('truncated LEB128');
}

/** Domain separator: one length byte followed by the text (spec §"Domain separation"). */
export function domainSeparator(text: string): Uint8Array {
    const t = utf8(text);
    return concatBytes(Uint8Array.of(t.length), t);
}
