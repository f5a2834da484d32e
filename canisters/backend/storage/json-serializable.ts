import { candidEncode, type Serializable } from 'azle';

import { decodeNode, encodeNode } from '../../../src/shared/storage/node-codec';
import type { IndexNode } from '../../../src/shared/storage/ordered-index';

/**
 * Codecs for StableBTreeMap keys and values.
 *
 * Why not TextEncoder: in Azle's QuickJS it is a pure-JS polyfill that costs ~14,000 instructions per byte
 * (a charCodeAt loop ~2,800), which made every index write cost tens of millions of instructions. Values go
 * through Azle's native candidEncode instead (~50 per byte) and come back through the native
 * String.fromCharCode; measured per operation in tests/backend (DEBUG_DEVNET) and bench/registry.
 */

const NON_ASCII = /[\u0080-\uffff]/g;
const DECODE_CHUNK = 8192;

function escapeNonAscii(text: string): string {
    return text.replace(NON_ASCII, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/** Bytes of a string whose characters are all < 0x80. */
export function asciiBytes(text: string): Uint8Array {
    const out = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
    return out;
}

export function asciiString(bytes: Uint8Array): string {
    let out = '';
    for (let i = 0; i < bytes.length; i += DECODE_CHUNK) {
        out += String.fromCharCode.apply(null, bytes.subarray(i, i + DECODE_CHUNK) as unknown as number[]);
    }
    return out;
}

/**
 * JSON → bytes: non-ASCII escaped as \uXXXX (JSON.parse reads it back), then handed to Azle's native
 * candidEncode as a Candid text literal (quotes and backslashes escaped with native replaceAll). The bytes
 * are a DIDL text whose payload is pure-ASCII JSON, which decodes with the native String.fromCharCode.
 */
function jsonBytes(value: unknown, replacer?: (key: string, value: unknown) => unknown): Uint8Array {
    const json = escapeNonAscii(JSON.stringify(value, replacer));
    return candidEncode(`("${json.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}")`);
}

function jsonText(bytes: Uint8Array): string {
    return asciiString(bytes.subarray(didlTextOffset(bytes)));
}

/** Plain JSON values (no bigint). */
export const plainJson: Serializable = {
    toBytes: (value: unknown) => jsonBytes(value),
    fromBytes: (bytes: Uint8Array) => JSON.parse(jsonText(bytes))
};

/**
 * String keys. Ids and node keys are ASCII; quotes, backslashes, control and non-ASCII characters are
 * escaped as \uXXXX, so the order of keys containing them is the order of the escaped text.
 */
const KEY_ESCAPE = /[\u0000-\u001f"\\\u0080-\uffff]/g;

export const utf8Key: Serializable = {
    toBytes: (value: string) => asciiBytes(value.replace(KEY_ESCAPE, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'))),
    fromBytes: (bytes: Uint8Array) => JSON.parse(`"${asciiString(bytes)}"`)
};

/** JSON with bigint support (`{"$n":"123"}`), for records that carry nanosecond timestamps. */
export const bigintJson: Serializable = {
    toBytes: (value: unknown) => jsonBytes(value, (_k, v) => (typeof v === 'bigint' ? { $n: v.toString() } : v)),
    fromBytes: (bytes: Uint8Array) =>
        JSON.parse(jsonText(bytes), (_k, v) => (v !== null && typeof v === 'object' && typeof v.$n === 'string' && Object.keys(v).length === 1 ? BigInt(v.$n) : v))
};

/** Offset of the text payload in the DIDL bytes of a single `text` argument: magic, 0 types, 1 arg, 0x71, LEB length. */
function didlTextOffset(bytes: Uint8Array): number {
    let i = 7;
    while ((bytes[i] as number) & 0x80) i++;
    return i + 1;
}

/**
 * Index nodes in their quote-free text form (node-codec.ts), converted to bytes by Azle's native
 * candidEncode — about 40 instructions per byte against ~2,800 for a QuickJS loop. The stored bytes are a
 * DIDL-encoded text; the decoder skips its header.
 */
export const nodeSerializable: Serializable = {
    toBytes: (node: IndexNode) => {
        // Keys are storable by construction (sort-keys.ts sanitizes text, ids are slugs); see isStorableKey.
        return candidEncode(`("${encodeNode(node)}")`);
    },
    fromBytes: (bytes: Uint8Array) => decodeNode(asciiString(bytes.subarray(didlTextOffset(bytes))))
};
