/**
 * The argument and reply of `import_records` without the JS IDL codec (see candid/value-decoder.ts: the
 * argument decode was ~70 % of an import call). Built on first use: import_records is an update, so the
 * heap keeps them.
 */
import { IDL } from 'azle';

import type { Result } from '../../../src/shared/result';
import type { RegistryError } from '../../../src/shared/registry/types';
import { resultReply, type ResultReply } from '../candid/result-reply';
import { messagePrefix } from '../candid/type-table';
import { compileValueDecoder, decodeWith, latin1, type ValueDecoder } from '../candid/value-decoder';
import { fromWire } from '../candid/wire-mapping';
import type { ImportChunk, ImportSummary } from './import.service';
import * as Api from './registry-api.idl';

let codec: { prefix: string; decode: ValueDecoder; reply: ResultReply } | undefined;

function importCodec(): NonNullable<typeof codec> {
    codec ??= {
        prefix: latin1(messagePrefix([Api.ImportChunk])),
        decode: compileValueDecoder(Api.ImportChunk),
        reply: resultReply(Api.Result(Api.ImportSummary))
    };
    return codec;
}

/** The ImportChunk in `arg` (domain form, as fromWire makes it); IDL.decode for messages the fast path leaves. */
export function decodeImportChunk(arg: Uint8Array): ImportChunk {
    const c = importCodec();
    const fast = decodeWith(c.prefix, c.decode, arg);
    if (fast !== undefined) return fast.value as ImportChunk;
    return fromWire(Api.ImportChunk, IDL.decode([Api.ImportChunk], arg)[0]) as ImportChunk;
}

export function importReply(result: Result<ImportSummary, RegistryError>): Uint8Array {
    return importCodec().reply(result);
}
