/**
 * A small, strict CBOR (RFC 8949) codec for the IC HTTP interface (requests.cddl, certificates.cddl).
 *
 * Why not cbor-x: the interface needs byte strings to be major type 2 (never tagged typed arrays), u64 values
 * above 2^53 as bigint (ingress_expiry feeds the request id), and bounded decoding of untrusted bodies.
 * Only definite lengths, integers, byte/text strings, arrays, text-keyed maps, tags and simple values are used
 * on the wire, so that is all this codec accepts.
 */

/** Maximum nesting depth of a decoded value (read_state paths are 3 deep; hash trees get deeper). */
export const CBOR_MAX_DEPTH = 128;
/** Self-describe tag (RFC 8949 §3.4.6) that IC messages are usually wrapped in. */
export const CBOR_SELF_DESCRIBE_TAG = 55799;

export type CborValue =
    | number
    | bigint
    | string
    | boolean
    | null
    | undefined
    | Uint8Array
    | readonly CborValue[]
    | CborMap
    | CborTagged;
export interface CborMap {
    [key: string]: CborValue;
}
/** A tagged value other than the self-describe tag (which the decoder strips). */
export class CborTagged {
    constructor(
        readonly tag: number,
        readonly value: CborValue
    ) {}
}

export class CborDecodeError extends Error {
    override name = 'CborDecodeError';
}

/** Encodes `value`; `selfDescribe` prefixes tag 55799 as the IC's clients do. */
export function cborEncode(value: CborValue, { selfDescribe = true }: { selfDescribe?: boolean } = {}): Uint8Array {
    const out: number[] = [];
    if (selfDescribe) writeHead(out, 6, CBOR_SELF_DESCRIBE_TAG);
    writeValue(out, value);
    return Uint8Array.from(out);
}

function writeHead(out: number[], major: number, n: number | bigint): void {
    const v = BigInt(n);
    const m = major << 5;
    if (v < 24n) out.push(m | Number(v));
    else if (v < 0x100n) out.push(m | 24, Number(v));
    else if (v < 0x10000n) out.push(m | 25, Number(v >> 8n), Number(v & 0xffn));
    else if (v < 0x100000000n) {
        out.push(m | 26);
        for (let s = 24n; s >= 0n; s -= 8n) out.push(Number((v >> s) & 0xffn));
    } else if (v < 1n << 64n) {
        out.push(m | 27);
        for (let s = 56n; s >= 0n; s -= 8n) out.push(Number((v >> s) & 0xffn));
    } else throw new RangeError(`CBOR integer out of range: ${v}`);
}

function writeValue(out: number[], value: CborValue): void {
    if (value === null) out.push(0xf6);
    else if (value === undefined) out.push(0xf7);
    else if (value === false) out.push(0xf4);
    else if (value === true) out.push(0xf5);
    else if (typeof value === 'number' || typeof value === 'bigint') {
        if (typeof value === 'number' && !Number.isSafeInteger(value)) throw new RangeError(`not an integer: ${value}`);
        const v = BigInt(value);
        if (v >= 0n) writeHead(out, 0, v);
        else writeHead(out, 1, -1n - v);
    } else if (typeof value === 'string') {
        const bytes = new TextEncoder().encode(value);
        writeHead(out, 3, bytes.length);
        for (const b of bytes) out.push(b);
    } else if (value instanceof Uint8Array) {
        writeHead(out, 2, value.length);
        for (const b of value) out.push(b);
    } else if (Array.isArray(value)) {
        writeHead(out, 4, value.length);
        for (const item of value) writeValue(out, item);
    } else if (value instanceof CborTagged) {
        writeHead(out, 6, value.tag);
        writeValue(out, value.value);
    } else {
        const entries = Object.entries(value).filter(([, v]) => v !== undefined);
        writeHead(out, 5, entries.length);
        for (const [k, v] of entries) {
            writeValue(out, k);
            writeValue(out, v);
        }
    }
}

/** Decodes exactly one CBOR item filling `bytes`; strips tag 55799 wherever it occurs. Throws CborDecodeError. */
export function cborDecode(bytes: Uint8Array): CborValue {
    const reader = { bytes, pos: 0 };
    const value = readValue(reader, 0);
    if (reader.pos !== bytes.length) throw new CborDecodeError(`trailing bytes after CBOR item at offset ${reader.pos}`);
    return value;
}

interface Reader {
    bytes: Uint8Array;
    pos: number;
}

function take(r: Reader, n: number): Uint8Array {
    if (r.pos + n > r.bytes.length) throw new CborDecodeError('unexpected end of CBOR input');
    const slice = r.bytes.subarray(r.pos, r.pos + n);
    r.pos += n;
    return slice;
}

function readArgument(r: Reader, info: number): bigint {
    if (info < 24) return BigInt(info);
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
    if (size === 0) throw new CborDecodeError(`unsupported CBOR additional info ${info} (indefinite lengths are not accepted)`);
    let v = 0n;
    for (const b of take(r, size)) v = (v << 8n) | BigInt(b);
    return v;
}

function toLength(r: Reader, v: bigint): number {
    if (v > BigInt(r.bytes.length - r.pos)) throw new CborDecodeError('CBOR length exceeds the input');
    return Number(v);
}

function toInteger(v: bigint): number | bigint {
    return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(v) : v;
}

function readValue(r: Reader, depth: number): CborValue {
    if (depth > CBOR_MAX_DEPTH) throw new CborDecodeError(`CBOR nesting deeper than ${CBOR_MAX_DEPTH}`);
    const [initial] = take(r, 1);
    const major = initial! >> 5;
    const info = initial! & 0x1f;
    if (major === 7) return readSimple(r, info);
    const arg = readArgument(r, info);
    switch (major) {
        case 0:
            return toInteger(arg);
        case 1:
            return toInteger(-1n - arg);
        case 2:
            return take(r, toLength(r, arg)).slice();
        case 3:
            try {
                return new TextDecoder('utf-8', { fatal: true }).decode(take(r, toLength(r, arg)));
            } catch {
                throw new CborDecodeError('invalid UTF-8 in CBOR text string');
            }
        case 4: {
            const n = toLength(r, arg);
            const items: CborValue[] = [];
            for (let i = 0; i < n; i++) items.push(readValue(r, depth + 1));
            return items;
        }
        case 5: {
            const n = toLength(r, arg);
            const map: CborMap = Object.create(null) as CborMap;
            for (let i = 0; i < n; i++) {
                const key = readValue(r, depth + 1);
                if (typeof key !== 'string') throw new CborDecodeError('CBOR map keys must be text');
                if (key in map) throw new CborDecodeError(`duplicate CBOR map key '${key}'`);
                map[key] = readValue(r, depth + 1);
            }
            return map;
        }
        default: {
            const inner = readValue(r, depth + 1);
            return arg === BigInt(CBOR_SELF_DESCRIBE_TAG) ? inner : new CborTagged(Number(arg), inner);
        }
    }
}

function readSimple(r: Reader, info: number): CborValue {
    if (info === 20) return false;
    if (info === 21) return true;
    if (info === 22) return null;
    if (info === 23) return undefined;
    if (info === 27) return new DataView(take(r, 8).slice().buffer).getFloat64(0);
    if (info === 26) return new DataView(take(r, 4).slice().buffer).getFloat32(0);
    throw new CborDecodeError(`unsupported CBOR simple value ${info}`);
}

/** True for a decoded CBOR map. */
export function isCborMap(v: CborValue): v is CborMap {
    return typeof v === 'object' && v !== null && !(v instanceof Uint8Array) && !Array.isArray(v) && !(v instanceof CborTagged);
}
