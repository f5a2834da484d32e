/** Reply/reject helpers for TypeScript builtin canisters, with the replica's error codes. */
import { IDL } from '@dfinity/candid';
import { RejectCode, type CallOutcome } from '../engine-api.js';

export type BuiltinOutcome = CallOutcome & { cyclesAccepted?: bigint };

export function replyWith(types: IDL.Type[], values: unknown[]): BuiltinOutcome {
    return { kind: 'replied', reply: new Uint8Array(IDL.encode(types, values)) };
}

export function methodNotFound(canisterId: string, kind: 'query' | 'update', method: string): BuiltinOutcome {
    return {
        kind: 'rejected',
        rejectCode: RejectCode.CanisterError,
        errorCode: 'IC0536',
        rejectMessage: `Error from Canister ${canisterId}: Canister has no ${kind} method '${method.slice(0, 200)}'.`
    };
}

export function invalidArgument(canisterId: string, method: string, detail: string): BuiltinOutcome {
    return {
        kind: 'rejected',
        rejectCode: RejectCode.CanisterError,
        errorCode: 'IC0503',
        rejectMessage: `Error from Canister ${canisterId}: Canister called \`ic0.trap\` with message: 'failed to decode call arguments of ${method}: ${detail.slice(0, 500)}'`
    };
}

/** Decodes `arg` as `types`, or returns undefined (callers answer with invalidArgument). */
export function decodeArgs(types: IDL.Type[], arg: Uint8Array): { ok: true; values: unknown[] } | { ok: false; detail: string } {
    try {
        return { ok: true, values: IDL.decode(types, arg) as unknown[] };
    } catch (e) {
        return { ok: false, detail: (e as Error).message };
    }
}
