/**
 * A Candid argument decoder compiled once per IDL type, for messages whose prefix (magic, type table,
 * argument types) is exactly the one IDL.encode writes for the declared types, as agents built from the
 * .did do. It yields the domain form that `fromWire` (wire-mapping.ts) makes of IDL.decode's output:
 * `null` for an empty opt (absent for OMITTED_WHEN_ABSENT fields), the tag string of a unit variant,
 * records with their fields in the IDL's order; a variant with payloads stays in its wire form, as fromWire
 * leaves it.
 *
 * Why: IDL.decode runs in interpreted JS with a pure-JS TextDecoder; measured on import_records, decoding
 * took ~15.6 M instructions per benchmark result (3.1 B of a 4.5 B call). Here text goes through native
 * `String.fromCharCode.apply` and, only when it has non-ASCII bytes, native `decodeURIComponent(escape(…))`.
 *
 * Anything unusual (another type table, invalid UTF-8, a leading BOM, a bad opt or bool byte, an
 * out-of-range variant index, truncation, left-over bytes) returns `undefined`, and the caller decodes the
 * message with IDL.decode as before, so such messages behave exactly as they did.
 */
const OMITTED_WHEN_ABSENT = new Set(['notes', 'note', 'source_refs']);
const DECODE_CHUNK = 8_192;
const NON_ASCII = /[\u0080-\u00ff]/;
const BOM_UTF8 = '\u00ef\u00bb\u00bf';

type AnyType = { typeName?: string; _type?: AnyType; _fields?: [string, AnyType][]; _bits?: number; display(): string };

/** Thrown inside the decoder only; never escapes `decodeWith`. */
class Unusual extends Error {}
const UNUSUAL = new Unusual('unusual message');

/** Bytes as a string of the same char codes (native, in chunks). */
export function latin1(bytes: Uint8Array): string {
    let out = '';
    for (let i = 0; i < bytes.length; i += DECODE_CHUNK) out += String.fromCharCode.apply(null, bytes.subarray(i, i + DECODE_CHUNK) as unknown as number[]);
    return out;
}

export class Reader {
    readonly view: DataView;
    pos: number;

    constructor(
        readonly bytes: Uint8Array,
        start: number
    ) {
        this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        this.pos = start;
    }

    need(n: number): number {
        const at = this.pos;
        if (at + n > this.bytes.length) throw UNUSUAL;
        this.pos = at + n;
        return at;
    }

    byte(): number {
        return this.bytes[this.need(1)] as number;
    }

    leb(): number {
        let value = 0;
        let scale = 1;
        for (;;) {
            const b = this.byte();
            value += (b & 0x7f) * scale;
            if (b < 0x80) return value;
            scale *= 128;
            if (scale > 2 ** 49) throw UNUSUAL; // beyond any length or index a message can hold
        }
    }

    text(): string {
        const len = this.leb();
        const at = this.need(len);
        const raw = latin1(this.bytes.subarray(at, at + len));
        if (!NON_ASCII.test(raw)) return raw;
        if (raw.startsWith(BOM_UTF8)) throw UNUSUAL; // TextDecoder would drop it
        try {
            return decodeURIComponent(escape(raw)); // rejects invalid UTF-8, overlongs and surrogates
        } catch {
            throw UNUSUAL;
        }
    }
}

export type ValueDecoder = (r: Reader) => unknown;

const is = (t: AnyType, name: string): boolean => t.typeName === `__IDL_${name}Class__`;

function unsupported(t: AnyType): never {
    throw new Error(`value-decoder: ${t.display()} is not supported`);
}

function record(t: AnyType): ValueDecoder {
    const fields = (t._fields ?? []).map(([name, ft]) => ({ name, decode: compileValueDecoder(ft, OMITTED_WHEN_ABSENT.has(name)) }));
    return (r) => {
        const out: Record<string, unknown> = {};
        for (let i = 0; i < fields.length; i++) {
            const f = fields[i] as (typeof fields)[number];
            const v = f.decode(r);
            if (v !== undefined) out[f.name] = v;
        }
        return out;
    };
}

function unitVariant(t: AnyType): ValueDecoder {
    const tags = (t._fields ?? []).map(([name]) => name);
    return (r) => {
        const tag = tags[r.leb()];
        if (tag === undefined) throw UNUSUAL;
        return tag;
    };
}

/**
 * The wire form IDL.decode gives (`[] | [T]` opts, `{ tag: value }` variants), for variants with payloads:
 * fromWire passes those through unchanged, so their domain form is their wire form.
 */
function wire(type: AnyType): ValueDecoder {
    const t = type;
    if (is(t, 'Opt')) {
        const inner = wire(t._type as AnyType);
        return (r) => {
            const flag = r.byte();
            if (flag === 0) return [];
            if (flag !== 1) throw UNUSUAL;
            return [inner(r)];
        };
    }
    if (is(t, 'Variant')) {
        const arms = (t._fields ?? []).map(([name, ft]) => ({ name, decode: wire(ft) }));
        return (r) => {
            const arm = arms[r.leb()];
            if (arm === undefined) throw UNUSUAL;
            return { [arm.name]: arm.decode(r) };
        };
    }
    if (is(t, 'Record')) {
        const fields = (t._fields ?? []).map(([name, ft]) => ({ name, decode: wire(ft) }));
        return (r) => {
            const out: Record<string, unknown> = {};
            for (const f of fields) out[f.name] = f.decode(r);
            return out;
        };
    }
    if (is(t, 'Vec')) {
        const inner = wire(t._type as AnyType);
        return (r) => {
            const n = r.leb();
            if (n > r.bytes.length - r.pos) throw UNUSUAL;
            const out = new Array<unknown>(n);
            for (let i = 0; i < n; i++) out[i] = inner(r);
            return out;
        };
    }
    if (is(t, 'Null')) return () => null;
    return compileValueDecoder(t);
}

const isUnitVariant = (t: AnyType): boolean => (t._fields ?? []).every(([, ft]) => is(ft, 'Null'));

function opt(t: AnyType, omittedWhenAbsent: boolean): ValueDecoder {
    const inner = compileValueDecoder(t._type as AnyType, false);
    const absent = omittedWhenAbsent ? undefined : null;
    return (r) => {
        const flag = r.byte();
        if (flag === 0) return absent;
        if (flag !== 1) throw UNUSUAL;
        return inner(r);
    };
}

function vec(t: AnyType): ValueDecoder {
    const itemType = t._type as AnyType;
    if (is(itemType, 'FixedNat') || is(itemType, 'FixedInt')) unsupported(t); // fromWire keeps those typed arrays
    const inner = compileValueDecoder(itemType, false);
    return (r) => {
        const n = r.leb();
        if (n > r.bytes.length - r.pos) throw UNUSUAL; // every element takes at least one byte here
        const out = new Array<unknown>(n);
        for (let i = 0; i < n; i++) out[i] = inner(r);
        return out;
    };
}

const decoders = new Map<object, ValueDecoder>();

/** `omittedWhenAbsent`: the record field's name is in OMITTED_WHEN_ABSENT (an empty opt is left out). */
export function compileValueDecoder(type: object, omittedWhenAbsent = false): ValueDecoder {
    const t = type as AnyType;
    const cacheable = !omittedWhenAbsent;
    const hit = cacheable ? decoders.get(type) : undefined;
    if (hit !== undefined) return hit;
    let dec: ValueDecoder;
    if (is(t, 'Text')) dec = (r) => r.text();
    else if (is(t, 'Float') && t._bits === 64) dec = (r) => r.view.getFloat64(r.need(8), true);
    else if (is(t, 'FixedNat') && t._bits === 64) dec = (r) => r.view.getBigUint64(r.need(8), true);
    else if (is(t, 'FixedNat') && t._bits === 32) dec = (r) => r.view.getUint32(r.need(4), true);
    else if (is(t, 'Bool')) {
        dec = (r) => {
            const b = r.byte();
            if (b > 1) throw UNUSUAL;
            return b === 1;
        };
    } else if (is(t, 'Opt')) dec = opt(t, omittedWhenAbsent);
    else if (is(t, 'Vec')) dec = vec(t);
    else if (is(t, 'Record')) dec = record(t);
    else if (is(t, 'Variant')) dec = isUnitVariant(t) ? unitVariant(t) : wire(t);
    else if (is(t, 'Null')) dec = () => null;
    else unsupported(t);
    if (cacheable) decoders.set(type, dec);
    return dec;
}

/**
 * The single argument of `bytes` decoded by `decode` if the message starts with `prefix` (bytes as a latin1
 * string, compared natively) and holds nothing
 * after the value; `undefined` when it does not (the caller then uses IDL.decode).
 */
export function decodeWith(prefix: string, decode: ValueDecoder, bytes: Uint8Array): { value: unknown } | undefined {
    if (bytes.length < prefix.length || latin1(bytes.subarray(0, prefix.length)) !== prefix) return undefined;
    const r = new Reader(bytes, prefix.length);
    try {
        const value = decode(r);
        return r.pos === bytes.length ? { value } : undefined;
    } catch (e) {
        if (e instanceof Unusual) return undefined;
        throw e;
    }
}

/** Like `decodeWith`, for a message of several arguments, one decoder each. */
export function decodeAllWith(prefix: string, decoders: readonly ValueDecoder[], bytes: Uint8Array): unknown[] | undefined {
    if (bytes.length < prefix.length || latin1(bytes.subarray(0, prefix.length)) !== prefix) return undefined;
    const r = new Reader(bytes, prefix.length);
    try {
        const values = decoders.map((decode) => decode(r));
        return r.pos === bytes.length ? values : undefined;
    } catch (e) {
        if (e instanceof Unusual) return undefined;
        throw e;
    }
}
