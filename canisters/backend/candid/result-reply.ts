/**
 * Reply bytes of a `variant { Ok : T; Err : RegistryError }` straight from a domain Result, without
 * `toWire` and without the JS IDL encoder (see candid-writer.ts for why both are expensive in QuickJS).
 *
 * The message prefix (magic, type table, argument type) does not depend on the value, so it is taken once,
 * at module initialisation (init / post_upgrade: query calls cannot keep heap changes), from IDL.encode of a
 * small Err value, after checking that this encoder writes that value's bytes identically. If the check
 * ever fails, the reply falls back to IDL.encode for good, so the bytes are the same either way.
 */
import { IDL } from 'azle';

import type { Result } from '../../../src/shared/result';
import type { RegistryError } from '../../../src/shared/registry/types';
import { CandidWriter } from './candid-writer';
import { wireError } from './results';
import { compileValueEncoder, type ValueEncoder } from './value-encoder';
import { toWire } from './wire-mapping';

export type ResultReply = (result: Result<unknown, RegistryError>) => Uint8Array;

const SAMPLE_ERROR: RegistryError = { code: 'Unauthorized', reason: '' };

/** `resultType` is `Result(okType)` from registry.idl.ts. */
export function resultReply(resultType: IDL.VariantClass): ResultReply {
    const arms = resultType._fields;
    const okIndex = arms.findIndex(([name]) => name === 'Ok');
    const errIndex = arms.findIndex(([name]) => name === 'Err');
    const okType = (arms[okIndex] as [string, IDL.Type])[1];
    const okEnc: ValueEncoder = compileValueEncoder(okType, 'domain');
    const errEnc: ValueEncoder = compileValueEncoder((arms[errIndex] as [string, IDL.Type])[1], 'wire');

    const write = (prefix: Uint8Array, result: Result<unknown, RegistryError>): Uint8Array => {
        const w = new CandidWriter();
        if (result.ok) {
            w.leb(okIndex);
            okEnc(result.value, w);
        } else {
            w.leb(errIndex);
            errEnc(wireError(result.error), w);
        }
        return w.finish(prefix);
    };
    const viaIdl = (result: Result<unknown, RegistryError>): Uint8Array =>
        new Uint8Array(IDL.encode([resultType], [result.ok ? { Ok: toWire(okType, result.value) } : { Err: wireError(result.error) }]));

    const sample = { ok: false, error: SAMPLE_ERROR } as const;
    const reference = viaIdl(sample);
    const body = write(new Uint8Array(0), sample);
    const start = reference.length - body.length;
    const same = start > 0 && body.every((b, i) => b === reference[start + i]);
    if (!same) return viaIdl;
    const prefix = reference.slice(0, start);
    return (result) => write(prefix, result);
}
