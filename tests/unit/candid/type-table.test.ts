/**
 * canisters/backend/candid/type-table.ts against IDL.encode (@icp-sdk/core): for the argument and result
 * types of every method of backend.did, the message prefix must be the bytes IDL.encode writes before the
 * values, byte for byte.
 */
import { IDL } from '@icp-sdk/core/candid';
import { Principal } from '@icp-sdk/core/principal';
import { describe, expect, it } from 'vitest';
import { labelId, messagePrefix } from '../../../canisters/backend/candid/type-table';
import { idlFactory } from '../../../src/declarations/backend/declarations/backend.did.js';

const service = idlFactory({ IDL }) as IDL.ServiceClass;

/** The smallest value of a type, so IDL.encode can run on any type. */
function minimal(t: IDL.Type): unknown {
    if (t instanceof IDL.OptClass || t instanceof IDL.VecClass) return [];
    if (t instanceof IDL.RecordClass) return Object.fromEntries(t._fields.map(([k, ft]) => [k, minimal(ft)]));
    if (t instanceof IDL.VariantClass) return { [t._fields[0]![0]]: minimal(t._fields[0]![1]) };
    if (t instanceof IDL.TextClass) return '';
    if (t instanceof IDL.BoolClass) return false;
    if (t instanceof IDL.NullClass) return null;
    if (t instanceof IDL.PrincipalClass) return Principal.anonymous();
    if (t instanceof IDL.FloatClass) return 0;
    if (t instanceof IDL.FixedNatClass || t instanceof IDL.FixedIntClass) return t._bits > 32 ? 0n : 0;
    if (t instanceof IDL.NatClass || t instanceof IDL.IntClass) return 0n;
    throw new Error(`no minimal value for ${t.display()}`);
}

const hex = (b: ArrayBuffer | Uint8Array): string => Buffer.from(b instanceof Uint8Array ? b : new Uint8Array(b)).toString('hex');

describe('messagePrefix', () => {
    for (const [method, func] of service._fields) {
        it(`matches IDL.encode for the arguments and result of ${method}`, () => {
            for (const types of [func.argTypes, func.retTypes]) {
                const reference = new Uint8Array(IDL.encode(types, types.map(minimal)));
                const prefix = messagePrefix(types);
                expect(hex(reference.subarray(0, prefix.length))).toBe(hex(prefix));
            }
        });
    }

    it('dedups structurally equal types that are different objects, as IDL.encode does', () => {
        const types = [IDL.Record({ a: IDL.Opt(IDL.Bool), b: IDL.Opt(IDL.Bool), c: IDL.Vec(IDL.Record({ x: IDL.Text })), d: IDL.Vec(IDL.Record({ x: IDL.Text })) }), IDL.Opt(IDL.Bool)];
        const reference = new Uint8Array(IDL.encode(types, types.map(minimal)));
        const prefix = messagePrefix(types);
        expect(hex(reference.subarray(0, prefix.length))).toBe(hex(prefix));
        expect(reference.length - prefix.length).toBe(5); // the values alone: 4 record fields + 1 opt
    });

    it('hashes labels as Candid does, numeric labels being their number', () => {
        expect(labelId('a')).toBe(97);
        expect(labelId('_7_')).toBe(7);
        expect(labelId('_0x10_')).toBe(16);
        expect(labelId('Ok')).toBe(17724);
    });

    it('writes multi-byte table indexes and opcodes as SLEB128 (more than 63 entries)', () => {
        const many = IDL.Record(Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`f${i}`, IDL.Opt(IDL.Vec(IDL.Record({ [`g${i}`]: IDL.Text })))])));
        const reference = new Uint8Array(IDL.encode([many], [minimal(many)]));
        const prefix = messagePrefix([many]);
        expect(hex(reference.subarray(0, prefix.length))).toBe(hex(prefix));
        expect(reference.length - prefix.length).toBe(80);
    });
});
