/**
 * Module bytes as uploaded → raw wasm (canister-interface.md §"WebAssembly module requirements": a module may be
 * gzip-compressed) and its hash.
 */
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { MAX_WASM_MODULE_BYTES } from './limits.constants.js';

export function isGzip(bytes: Uint8Array): boolean {
    return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Raw wasm from the uploaded module; throws a readable error for anything that is neither wasm nor gzip. */
export function decodeModule(uploaded: Uint8Array): Uint8Array {
    const raw = isGzip(uploaded) ? new Uint8Array(gunzipSync(uploaded, { maxOutputLength: MAX_WASM_MODULE_BYTES })) : uploaded;
    if (raw.length < 4 || raw[0] !== 0x00 || raw[1] !== 0x61 || raw[2] !== 0x73 || raw[3] !== 0x6d) {
        throw new Error('Wasm module is not a valid wasm binary (missing \\0asm magic)');
    }
    return raw;
}

export function sha256(bytes: Uint8Array): Uint8Array {
    return new Uint8Array(createHash('sha256').update(bytes).digest());
}

export function toHex(bytes: Uint8Array): string {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}
