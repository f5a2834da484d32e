/**
 * The effective canister id of an ingress call to aaaaa-aa (https-interface.md §"Effective canister id"):
 * any id for provisional_create_canister_with_cycles / create_canister, `target_canister` for
 * install_chunked_code, otherwise the `canister_id` field of the argument record.
 */
import { IDL } from '@dfinity/candid';
import type { Principal } from '@dfinity/principal';

const ANY_ID_METHODS = new Set(['provisional_create_canister_with_cycles', 'create_canister', 'list_canisters']);

export type EffectiveCanisterId = { kind: 'any' } | { kind: 'canister'; id: Principal } | { kind: 'invalid'; reason: string };

/** @example effectiveCanisterId('install_code', arg) // → { kind: 'canister', id } */
export function effectiveCanisterId(method: string, arg: Uint8Array): EffectiveCanisterId {
    if (ANY_ID_METHODS.has(method)) return { kind: 'any' };
    const field = method === 'install_chunked_code' ? 'target_canister' : 'canister_id';
    try {
        const [record] = IDL.decode([IDL.Record({ [field]: IDL.Principal })], arg) as unknown as [Record<string, Principal>];
        return { kind: 'canister', id: record[field]! };
    } catch (error) {
        return { kind: 'invalid', reason: `cannot read ${field} of ${method}: ${(error as Error).message}` };
    }
}
