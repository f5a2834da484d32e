/**
 * Reply bytes of a `variant { Ok : T; Err : RegistryError }` straight from a domain Result, without
 * `toWire` and without the JS IDL encoder (see candid-writer.ts for why both are expensive in QuickJS).
 *
 * The message prefix (magic, type table, argument type) does not depend on the value: it is built once per
 * reply type at module initialisation (init / post_upgrade; query calls cannot keep heap changes) by
 * type-table.ts, the same bytes as IDL.encode's (tests/unit/candid/type-table.test.ts). Whole replies are
 * checked byte for byte against IDL.encode in tests/backend/registry-reply-bytes.test.ts.
 */
import type { IDL } from 'azle';

import type { Result } from '../../../src/shared/result';
import type { RegistryError } from '../../../src/shared/registry/types';
import { CandidWriter } from './candid-writer';
import { wireError } from './results';
import { messagePrefix } from './type-table';
import { compileValueEncoder } from './value-encoder';

export type ResultReply = (result: Result<unknown, RegistryError>) => Uint8Array;

/** `resultType` is `Result(okType)` from registry.idl.ts. */
export function resultReply(resultType: IDL.VariantClass): ResultReply {
    const arms = resultType._fields;
    const okIndex = arms.findIndex(([name]) => name === 'Ok');
    const errIndex = arms.findIndex(([name]) => name === 'Err');
    if (okIndex < 0 || errIndex < 0 || arms.length !== 2) throw new Error(`result-reply: ${resultType.display()} is not a Result`);
    const okEnc = compileValueEncoder((arms[okIndex] as [string, IDL.Type])[1], 'domain');
    const errEnc = compileValueEncoder((arms[errIndex] as [string, IDL.Type])[1], 'wire');
    const prefix = messagePrefix([resultType]);
    return (result) => {
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
}
