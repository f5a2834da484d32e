/**
 * Candid value encoders compiled once per IDL type (Candid spec, "Binary Format", M(v : T)), writing into a
 * CandidWriter. Two input forms:
 * - 'wire': the values the JS IDL encoder takes (`[] | [T]` opts, `{ tag: value }` variants);
 * - 'domain': what `toWire` (wire-mapping.ts) takes, so the reply skips that copy: `T | null | undefined`
 *   opts and unit variants as their tag string. Other variants are wire values, as toWire passes them on.
 * Records and variants follow the IDL's own field order (sorted by label hash), as IDL.encode does. A value
 * that does not fit its type throws, as IDL.encode would.
 */
import type { CandidWriter } from './candid-writer';

export type ValueEncoder = (v: unknown, w: CandidWriter) => void;
export type InputForm = 'wire' | 'domain';

type AnyType = { typeName?: string; _type?: AnyType; _fields?: [string, AnyType][]; _bits?: number; getType?: () => AnyType; display(): string };

const is = (t: AnyType, name: string): boolean => t.typeName === `__IDL_${name}Class__`;

function mismatch(t: AnyType, v: unknown): never {
    throw new Error(`Invalid ${t.display()} argument: ${typeof v === 'object' ? JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x)) : String(v)}`);
}

function isUnitVariant(t: AnyType): boolean {
    return is(t, 'Variant') && (t._fields ?? []).every(([, ft]) => is(ft, 'Null'));
}

const NAT64_END = 1n << 64n;
const NAT32_END = 2 ** 32;

/** nat64 takes a bigint or an integral number (a count), as IDL.encode does; out of range throws. */
function fixedNat(t: AnyType): ValueEncoder {
    const bits = t._bits as number;
    if (bits === 64) {
        return (v, w) => {
            const n = typeof v === 'bigint' ? v : Number.isInteger(v) ? BigInt(v as number) : mismatch(t, v);
            if (n < 0n || n >= NAT64_END) mismatch(t, v);
            w.u64(n);
        };
    }
    if (bits === 32) {
        return (v, w) => {
            const n = typeof v === 'bigint' ? Number(v) : (v as number);
            if (!Number.isInteger(n) || n < 0 || n >= NAT32_END) mismatch(t, v);
            w.u32(n);
        };
    }
    throw new Error(`value-encoder: nat${bits} is not supported`);
}

function record(t: AnyType, form: InputForm): ValueEncoder {
    const fields = (t._fields ?? []).map(([name, ft]) => [name, compileValueEncoder(ft, form)] as const);
    return (v, w) => {
        if (v === null || typeof v !== 'object') mismatch(t, v);
        const r = v as Record<string, unknown>;
        for (const [name, enc] of fields) enc(r[name], w);
    };
}

function variant(t: AnyType, form: InputForm): ValueEncoder {
    const arms = (t._fields ?? []).map(([name, ft], i) => [name, i, compileValueEncoder(ft, form)] as const);
    return (v, w) => {
        if (v === null || typeof v !== 'object') mismatch(t, v);
        for (const [name, i, enc] of arms) {
            if (Object.prototype.hasOwnProperty.call(v, name)) {
                w.leb(i);
                return enc((v as Record<string, unknown>)[name], w);
            }
        }
        mismatch(t, v);
    };
}

function unitVariantFromTag(t: AnyType): ValueEncoder {
    const index = new Map((t._fields ?? []).map(([name], i) => [name, i]));
    return (v, w) => {
        const i = index.get(v as string);
        if (i === undefined) mismatch(t, v);
        w.leb(i);
    };
}

function opt(t: AnyType, form: InputForm): ValueEncoder {
    const inner = compileValueEncoder(t._type as AnyType, form);
    if (form === 'domain') {
        return (v, w) => {
            if (v === null || v === undefined) return w.byte(0);
            w.byte(1);
            inner(v, w);
        };
    }
    return (v, w) => {
        if (!Array.isArray(v) || v.length > 1) mismatch(t, v);
        if (v.length === 0) return w.byte(0);
        w.byte(1);
        inner(v[0], w);
    };
}

function vec(t: AnyType, form: InputForm): ValueEncoder {
    const inner = compileValueEncoder(t._type as AnyType, form);
    return (v, w) => {
        if (!Array.isArray(v)) mismatch(t, v);
        w.leb(v.length);
        for (const item of v) inner(item, w);
    };
}

const cache = { wire: new Map<object, ValueEncoder>(), domain: new Map<object, ValueEncoder>() };

export function compileValueEncoder(type: object, form: InputForm): ValueEncoder {
    const hit = cache[form].get(type);
    if (hit !== undefined) return hit;
    const t = type as AnyType;
    let enc: ValueEncoder;
    if (is(t, 'Text')) enc = (v, w) => (typeof v === 'string' ? w.text(v) : mismatch(t, v));
    else if (is(t, 'Float') && t._bits === 64) enc = (v, w) => (typeof v === 'number' ? w.f64(v) : mismatch(t, v));
    else if (is(t, 'Bool')) enc = (v, w) => (typeof v === 'boolean' ? w.byte(v ? 1 : 0) : mismatch(t, v));
    else if (is(t, 'Null')) enc = (v) => (v === null || v === undefined ? undefined : mismatch(t, v));
    else if (is(t, 'FixedNat')) enc = fixedNat(t);
    else if (is(t, 'Opt')) enc = opt(t, form);
    else if (is(t, 'Vec')) enc = vec(t, form);
    else if (is(t, 'Record')) enc = record(t, form);
    else if (is(t, 'Variant')) enc = form === 'domain' && isUnitVariant(t) ? unitVariantFromTag(t) : variant(t, form === 'domain' ? 'wire' : form);
    else if (is(t, 'Rec')) enc = compileValueEncoder((t.getType as () => AnyType)(), form);
    else throw new Error(`value-encoder: ${t.display()} is not supported`);
    cache[form].set(type, enc);
    return enc;
}
