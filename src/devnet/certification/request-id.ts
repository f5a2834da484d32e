/**
 * Representation-independent hashing, spec https-interface.md §"Request ids" / §"Representation-independent hashing
 * of structured data". The request id is hash_of_map(content) over the content map as received.
 */
import { CborTagged, isCborMap, type CborMap, type CborValue } from './cbor.js';
import { compareBytes, concatBytes, leb128, sha256, sleb128, utf8 } from './bytes.js';

/** H(value) for one field value. */
export function hashValue(value: CborValue): Uint8Array {
    if (value instanceof Uint8Array) return sha256(value);
    if (typeof value === 'string') return sha256(utf8(value));
    if (typeof value === 'number' || typeof value === 'bigint') {
        if (typeof value === 'number' && !Number.isInteger(value)) throw new TypeError('hash_of_map: floats are not hashable');
        return sha256(value >= 0 ? leb128(value) : sleb128(value));
    }
    if (Array.isArray(value)) return sha256(concatBytes(...value.map(hashValue)));
    if (value instanceof CborTagged) return hashValue(value.value);
    if (isCborMap(value)) return hashOfMap(value);
    throw new TypeError(`hash_of_map: unhashable value ${String(value)}`);
}

/** hash_of_map(m): absent (undefined) fields are omitted, as the spec requires for optional fields. */
export function hashOfMap(map: CborMap): Uint8Array {
    const pairs = Object.entries(map)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => concatBytes(sha256(utf8(k)), hashValue(v)));
    pairs.sort(compareBytes);
    return sha256(concatBytes(...pairs));
}

export const requestId = hashOfMap;
