/**
 * Replies encoded by Azle's native candidEncode from Candid text instead of the JS IDL encoder: measured on
 * `chat`, the JS encoder spent ~80 M instructions on one ChatReply (type table and field hashing in
 * interpreted JS); see bench/results/router.json for this path. Used with `{ manual: true }` methods.
 *
 * candidEncode infers the wire types from the value (a type annotation on the whole value is not applied to
 * the type table), so numbers carry their own annotation and the wire types are the value's own: a variant
 * has only the arm present, `null` stands for an empty opt, `vec {}` is `vec empty`. All are subtypes of
 * the declared return type (Candid spec, subtyping), which decoders accept.
 */
import { candidEncode, IDL, msgReply } from 'azle';

const ESCAPE = /[\\"\u0000-\u001f\u007f]/g;
const quote = (s: string): string => `"${s.replace(ESCAPE, (c) => (c === '\\' || c === '"' ? `\\${c}` : `\\u{${c.charCodeAt(0).toString(16)}}`))}"`;

const uniformCache = new Map<IDL.Type, boolean>();

/**
 * Whether every value of `t` infers the same wire type: not so for variants (only the arm present) and opts
 * (`null` versus `opt T`), so a vec of those cannot go through candidEncode.
 */
function uniform(t: IDL.Type): boolean {
    let u = uniformCache.get(t);
    if (u === undefined) {
        u = t instanceof IDL.VariantClass || t instanceof IDL.OptClass ? false
            : t instanceof IDL.RecordClass ? t._fields.every(([, f]) => uniform(f))
            : t instanceof IDL.VecClass ? uniform(t._type)
            : true;
        uniformCache.set(t, u);
    }
    return u;
}

/** A wire value (as the JS IDL encoder takes it) as Candid text, driven by its type. */
export function valueText(t: IDL.Type, v: unknown): string {
    if (t instanceof IDL.TextClass) return quote(v as string);
    if (t instanceof IDL.OptClass) {
        const o = v as unknown[];
        return o.length === 0 ? 'null' : `opt ${valueText(t._type, o[0])}`;
    }
    if (t instanceof IDL.VecClass) {
        const items = v as unknown[];
        if (items.length > 1 && !uniform(t._type)) throw new Error(`vec ${t._type.display()}: elements may infer different wire types`);
        return `vec {${items.map((x) => valueText(t._type, x)).join(';')}}`;
    }
    if (t instanceof IDL.RecordClass) {
        const r = v as Record<string, unknown>;
        return `record {${t._fields.map(([name, ft]) => `${quote(name)}=${valueText(ft, r[name])}`).join(';')}}`;
    }
    if (t instanceof IDL.VariantClass) {
        const tag = Object.keys(v as object)[0] as string;
        const ft = t._fields.find(([name]) => name === tag)?.[1];
        if (ft === undefined) throw new Error(`variant tag ${tag} not in ${t.display()}`);
        return ft instanceof IDL.NullClass ? `variant {${quote(tag)}}` : `variant {${quote(tag)}=${valueText(ft, (v as Record<string, unknown>)[tag])}}`;
    }
    if (t instanceof IDL.BoolClass) return v ? 'true' : 'false';
    if (t instanceof IDL.NullClass) return 'null';
    if (t instanceof IDL.PrincipalClass) return `principal ${quote((v as { toText(): string }).toText())}`;
    if (t instanceof IDL.FloatClass) {
        const n = v as number;
        if (!Number.isFinite(n)) throw new Error('non-finite float64');
        return `(${String(n).replace('e+', 'e')} : float${t._bits})`;
    }
    if (t instanceof IDL.FixedNatClass) return `(${String(v as number | bigint)} : nat${t._bits})`;
    if (t instanceof IDL.FixedIntClass) return `(${String(v as number | bigint)} : int${t._bits})`;
    if (t instanceof IDL.NatClass) return `(${String(v as number | bigint)} : nat)`;
    if (t instanceof IDL.IntClass) return `(${String(v as number | bigint)} : int)`;
    throw new Error(`valueText: unsupported type ${t.display()}`);
}

export function replyWith(t: IDL.Type, v: unknown): void {
    msgReply(candidEncode(`(${valueText(t, v)})`));
}
