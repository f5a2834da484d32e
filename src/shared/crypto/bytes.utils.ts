/** Byte helpers for the key-derivation code; pure, no Node APIs. */

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let offset = 0;
    for (const p of parts) {
        out.set(p, offset);
        offset += p.length;
    }
    return out;
}

/** Big-endian bytes → non-negative bigint. */
export function bytesToBigIntBE(bytes: Uint8Array): bigint {
    let n = 0n;
    for (const b of bytes) n = (n << 8n) | BigInt(b);
    return n;
}

/** Non-negative bigint → `length` big-endian bytes (throws if it does not fit). */
export function bigIntToBytesBE(n: bigint, length: number): Uint8Array {
    if (n < 0n) throw new RangeError('negative integer');
    const out = new Uint8Array(length);
    let v = n;
    for (let i = length - 1; i >= 0; i--) {
        out[i] = Number(v & 0xffn);
        v >>= 8n;
    }
    if (v !== 0n) throw new RangeError(`integer does not fit in ${length} bytes`);
    return out;
}

/** Little-endian bytes → bigint (Ed25519 scalars are little-endian). */
export function bytesToBigIntLE(bytes: Uint8Array): bigint {
    return bytesToBigIntBE(Uint8Array.from(bytes).reverse());
}

export function bigIntToBytesLE(n: bigint, length: number): Uint8Array {
    return bigIntToBytesBE(n, length).reverse();
}

export function bytesToHex(bytes: Uint8Array): string {
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function hexToBytes(hex: string): Uint8Array {
    if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) throw new TypeError(`invalid hex string of length ${hex.length}`);
    const out = new Uint8Array(hex.length / 2);
    for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
    return out;
}

export function mod(a: bigint, m: bigint): bigint {
    const r = a % m;
    return r < 0n ? r + m : r;
}
