import type { Serializable } from 'azle';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Plain JSON for values with no bigint/Principal inside: cheaper than Azle's default `stableJson`,
 * whose replacer/reviver visit every node.
 */
export const plainJson: Serializable = {
    toBytes: (value: unknown) => encoder.encode(JSON.stringify(value)),
    fromBytes: (bytes: Uint8Array) => JSON.parse(decoder.decode(bytes))
};

/** UTF-8 string keys: byte order equals code point order, so keys sort as strings do. */
export const utf8Key: Serializable = {
    toBytes: (value: string) => encoder.encode(value),
    fromBytes: (bytes: Uint8Array) => decoder.decode(bytes)
};

/** JSON with bigint support (`{"$n":"123"}`), for records that carry nanosecond timestamps. */
export const bigintJson: Serializable = {
    toBytes: (value: unknown) => encoder.encode(JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? { $n: v.toString() } : v))),
    fromBytes: (bytes: Uint8Array) =>
        JSON.parse(decoder.decode(bytes), (_k, v) => (v !== null && typeof v === 'object' && typeof v.$n === 'string' && Object.keys(v).length === 1 ? BigInt(v.$n) : v))
};
