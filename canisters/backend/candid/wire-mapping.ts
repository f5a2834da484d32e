/**
 * Generic conversion between domain values (src/shared types: `T | null`, string enums) and Candid wire
 * values (`[] | [T]`, `{ tag: null }`), driven by the IDL type so every record follows the same rules:
 * - opt T      ↔ T | null   (fields listed in OMITTED_WHEN_ABSENT become `undefined` instead: `notes?:`)
 * - variant of unit tags ↔ the tag as a string
 * - record, vec ↔ recursively; everything else passes through.
 *
 * Types are recognised by candid's `typeName` rather than `instanceof`, so IDL values from any copy of
 * @dfinity/candid or @icp-sdk/core work (the canister uses azle's, tests and benches the bindgen ones).
 */

const OMITTED_WHEN_ABSENT = new Set(['notes', 'note', 'source_refs']);

/** Any candid IDL type object (from azle's @dfinity/candid or @icp-sdk/core). */
export type WireType = object;
type AnyType = { typeName?: string; _type?: WireType; _fields?: [string, WireType][] };

const is = (type: WireType, name: 'Opt' | 'Record' | 'Tuple' | 'Variant' | 'Null' | 'Vec' | 'FixedNat' | 'FixedInt'): boolean =>
    (type as { typeName?: string }).typeName === `__IDL_${name}Class__`;

function isUnitVariant(type: AnyType): boolean {
    return is(type, 'Variant') && (type._fields ?? []).every(([, t]) => is(t, 'Null'));
}

/** vec nat8 and other numeric vectors stay typed arrays. */
function isNumericVec(type: AnyType): boolean {
    const inner = type._type as WireType;
    return is(inner, 'FixedNat') || is(inner, 'FixedInt');
}

export function toWire(type: WireType, value: unknown): unknown {
    const t = type as AnyType;
    if (is(t, 'Opt')) return value === null || value === undefined ? [] : [toWire(t._type as WireType, value)];
    if (isUnitVariant(t)) return { [value as string]: null };
    if (is(t, 'Record')) {
        const record = value as Record<string, unknown>;
        return Object.fromEntries((t._fields ?? []).map(([name, ft]) => [name, toWire(ft, record[name])]));
    }
    if (is(t, 'Vec') && !isNumericVec(t)) return (value as unknown[]).map((v) => toWire(t._type as WireType, v));
    return value;
}

export function fromWire(type: WireType, value: unknown, field?: string): unknown {
    const t = type as AnyType;
    if (is(t, 'Opt')) {
        const opt = value as unknown[];
        if (opt.length === 0) return field !== undefined && OMITTED_WHEN_ABSENT.has(field) ? undefined : null;
        return fromWire(t._type as WireType, opt[0]);
    }
    if (isUnitVariant(t)) return Object.keys(value as object)[0];
    if (is(t, 'Record')) {
        const record = value as Record<string, unknown>;
        const out: Record<string, unknown> = {};
        for (const [name, ft] of t._fields ?? []) {
            const v = fromWire(ft, record[name], name);
            if (v !== undefined) out[name] = v;
        }
        return out;
    }
    if (is(t, 'Vec') && !isNumericVec(t)) return Array.from(value as unknown[], (v) => fromWire(t._type as WireType, v));
    return value;
}
