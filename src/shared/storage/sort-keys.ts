/**
 * Order-preserving string encodings for index keys: comparing the encoded strings (code unit order, which
 * is also the UTF-8 byte order for the characters used here) gives the order of the values.
 * Keys are `<value part>\u0001<id>` so equal values are ordered by id and every key is unique.
 */

export const KEY_SEPARATOR = '\u0001';
/** Values sort before unknowns in both directions: listings scan `v:` first, then `z:` (nulls) ascending. */
export const VALUE_PREFIX = 'v:';
export const NULL_PREFIX = 'z:';
const MAX_TEXT_KEY_CHARS = 64;

/** 16 hex digits whose order is the numeric order of any finite float64 (IEEE-754 sign/bit flip). */
export function encodeNumber(value: number): string {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, value === 0 ? 0 : value); // -0 and 0 sort together
    const negative = (view.getUint8(0) & 0x80) !== 0;
    let hex = '';
    for (let i = 0; i < 8; i++) {
        let byte = view.getUint8(i);
        byte = negative ? ~byte & 0xff : i === 0 ? byte ^ 0x80 : byte;
        hex += byte.toString(16).padStart(2, '0');
    }
    return hex;
}

/**
 * Case-insensitive text key part, bounded length. Characters outside printable ASCII, quotes and
 * backslashes become `_` so keys fit the node codec (node-codec.ts); such names sort approximately.
 */
export function encodeText(value: string): string {
    return value.toLowerCase().slice(0, MAX_TEXT_KEY_CHARS).replace(/[^\u0020\u0021\u0023-\u005b\u005d-\u007e]/g, '_');
}

export function indexKey(value: string | number | null, id: string): string {
    if (value === null || (typeof value === 'number' && !Number.isFinite(value))) return `${NULL_PREFIX}${KEY_SEPARATOR}${id}`;
    const part = typeof value === 'number' ? encodeNumber(value) : encodeText(value);
    return `${VALUE_PREFIX}${part}${KEY_SEPARATOR}${id}`;
}

/** The record id at the end of an index key. */
export function idOfKey(key: string): string {
    return key.slice(key.lastIndexOf(KEY_SEPARATOR) + 1);
}
