/**
 * Text ⇄ bytes without per-byte JavaScript loops (each costs ~2,800 instructions in QuickJS): pure-ASCII text
 * becomes the payload of a Candid `text` encoded by Azle's native candidEncode (~40 instructions per byte),
 * and bytes become a string through String.fromCharCode over chunks (storage/json-serializable.ts).
 */
import { candidEncode } from 'azle';

import { fromUtf8Binary } from '../../../src/shared/router/utf8-native';
import { asciiString } from '../storage/json-serializable';

/** Bytes of text whose characters are all below 0x80 (callers escape JSON to ASCII first). */
export function asciiToBytes(text: string): Uint8Array {
    const didl = candidEncode(`("${text.replace(/[\\"]/g, '\\$&')}")`);
    let i = 7; // DIDL magic (4), 0 types, 1 arg, 0x71 text; then the LEB128 length
    while ((didl[i] as number) & 0x80) i++;
    return didl.subarray(i + 1);
}

/** UTF-8 bytes to text; null when they are not valid UTF-8. */
export function bytesToText(bytes: Uint8Array): string | null {
    return fromUtf8Binary(asciiString(bytes));
}
