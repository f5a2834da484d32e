/**
 * Generic conversion between domain values (src/shared types: `T | null`, string enums) and Candid wire
 * values (`[] | [T]`, `{ tag: null }`), driven by the IDL type so every record follows the same rules:
 * - opt T      ↔ T | null   (fields listed in OMITTED_WHEN_ABSENT become `undefined` instead: `notes?:`)
 * - variant of unit tags ↔ the tag as a string
 * - record, vec ↔ recursively; everything else passes through.
 */
import { IDL } from 'azle';

const OMITTED_WHEN_ABSENT = new Set(['notes', 'note', 'source_refs']);

function isUnitVariant(type: IDL.Type): type is IDL.VariantClass {
    return type instanceof IDL.VariantClass && type._fields.every(([, t]) => t instanceof IDL.NullClass);
}

export function toWire(type: IDL.Type, value: unknown): unknown {
    if (type instanceof IDL.OptClass) {
        return value === null || value === undefined ? [] : [toWire(type._type, value)];
    }
    if (isUnitVariant(type)) return { [value as string]: null };
    if (type instanceof IDL.RecordClass && !(type instanceof IDL.TupleClass)) {
        const record = value as Record<string, unknown>;
        return Object.fromEntries(type._fields.map(([name, t]) => [name, toWire(t, record[name])]));
    }
    if (type instanceof IDL.VecClass) {
        const inner = type._type;
        if (inner instanceof IDL.FixedNatClass || inner instanceof IDL.FixedIntClass) return value;
        return (value as unknown[]).map((v) => toWire(inner, v));
    }
    return value;
}

export function fromWire(type: IDL.Type, value: unknown, field?: string): unknown {
    if (type instanceof IDL.OptClass) {
        const opt = value as unknown[];
        if (opt.length === 0) return field !== undefined && OMITTED_WHEN_ABSENT.has(field) ? undefined : null;
        return fromWire(type._type, opt[0]);
    }
    if (isUnitVariant(type)) return Object.keys(value as object)[0];
    if (type instanceof IDL.RecordClass && !(type instanceof IDL.TupleClass)) {
        const record = value as Record<string, unknown>;
        const out: Record<string, unknown> = {};
        for (const [name, t] of type._fields) {
            const v = fromWire(t, record[name], name);
            if (v !== undefined) out[name] = v;
        }
        return out;
    }
    if (type instanceof IDL.VecClass) {
        const inner = type._type;
        if (inner instanceof IDL.FixedNatClass || inner instanceof IDL.FixedIntClass) return value;
        return Array.from(value as unknown[], (v) => fromWire(inner, v));
    }
    return value;
}
