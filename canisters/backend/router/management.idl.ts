/**
 * Management canister types the router needs, written from the interface spec (/work/shared/candid/ic.did):
 * Azle's bundled IDL lacks `is_replicated` and PUT/DELETE (azle.md §1.9).
 */
import { IDL } from 'azle';

export const HttpHeader = IDL.Record({ name: IDL.Text, value: IDL.Text });
export const HttpRequestResult = IDL.Record({ status: IDL.Nat, headers: IDL.Vec(HttpHeader), body: IDL.Vec(IDL.Nat8) });
export const TransformArgs = IDL.Record({ response: HttpRequestResult, context: IDL.Vec(IDL.Nat8) });
export const HttpRequestArgs = IDL.Record({
    url: IDL.Text,
    max_response_bytes: IDL.Opt(IDL.Nat64),
    method: IDL.Variant({ get: IDL.Null, head: IDL.Null, post: IDL.Null }),
    headers: IDL.Vec(HttpHeader),
    body: IDL.Opt(IDL.Vec(IDL.Nat8)),
    transform: IDL.Opt(IDL.Record({ function: IDL.Func([TransformArgs], [HttpRequestResult], ['query']), context: IDL.Vec(IDL.Nat8) })),
    is_replicated: IDL.Opt(IDL.Bool)
});

export type HttpHeader = { name: string; value: string };
export type HttpResponse = { status: bigint; headers: HttpHeader[]; body: Uint8Array };
export type TransformArgs = { response: HttpResponse; context: Uint8Array };

const SchnorrKeyId = IDL.Record({ algorithm: IDL.Variant({ bip340secp256k1: IDL.Null, ed25519: IDL.Null }), name: IDL.Text });
export const SignWithSchnorrArgs = IDL.Record({
    message: IDL.Vec(IDL.Nat8),
    derivation_path: IDL.Vec(IDL.Vec(IDL.Nat8)),
    key_id: SchnorrKeyId,
    aux: IDL.Opt(IDL.Variant({ bip341: IDL.Record({ merkle_root_hash: IDL.Vec(IDL.Nat8) }) }))
});
export const SignWithSchnorrResult = IDL.Record({ signature: IDL.Vec(IDL.Nat8) });
export const SchnorrPublicKeyArgs = IDL.Record({ canister_id: IDL.Opt(IDL.Principal), derivation_path: IDL.Vec(IDL.Vec(IDL.Nat8)), key_id: SchnorrKeyId });
export const SchnorrPublicKeyResult = IDL.Record({ public_key: IDL.Vec(IDL.Nat8), chain_code: IDL.Vec(IDL.Nat8) });

/** Derivation path of the worker-auth key: one fixed segment, so the key is distinct from any other use. */
export const WORKER_AUTH_DERIVATION_PATH = [Uint8Array.from([0x77, 0x6b, 0x2d, 0x76, 0x31])]; // "wk-v1"

export function ed25519KeyId(name: string): { algorithm: { ed25519: null }; name: string } {
    return { algorithm: { ed25519: null }, name };
}
