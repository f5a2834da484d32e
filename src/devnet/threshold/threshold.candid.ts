/** Candid of the threshold-signature management methods (spec ic.did), decoded with subtyping. */
import { IDL } from '@dfinity/candid';
import type { Principal } from '@dfinity/principal';

const Blob = IDL.Vec(IDL.Nat8);
export const SchnorrAlgorithm = IDL.Variant({ bip340secp256k1: IDL.Null, ed25519: IDL.Null });
export const SchnorrKeyId = IDL.Record({ algorithm: SchnorrAlgorithm, name: IDL.Text });
export const EcdsaKeyId = IDL.Record({ curve: IDL.Variant({ secp256k1: IDL.Null }), name: IDL.Text });

export const SchnorrPublicKeyArgs = IDL.Record({ canister_id: IDL.Opt(IDL.Principal), derivation_path: IDL.Vec(Blob), key_id: SchnorrKeyId });
export const PublicKeyResult = IDL.Record({ public_key: Blob, chain_code: Blob });
export const SchnorrAux = IDL.Variant({ bip341: IDL.Record({ merkle_root_hash: Blob }) });
export const SignWithSchnorrArgs = IDL.Record({ message: Blob, derivation_path: IDL.Vec(Blob), key_id: SchnorrKeyId, aux: IDL.Opt(SchnorrAux) });
export const SignatureResult = IDL.Record({ signature: Blob });
export const EcdsaPublicKeyArgs = IDL.Record({ canister_id: IDL.Opt(IDL.Principal), derivation_path: IDL.Vec(Blob), key_id: EcdsaKeyId });
export const SignWithEcdsaArgs = IDL.Record({ message_hash: Blob, derivation_path: IDL.Vec(Blob), key_id: EcdsaKeyId });

type Bytes = Uint8Array | number[];
const bytes = (b: Bytes): Uint8Array => Uint8Array.from(b);

export interface PublicKeyRequest {
    canisterId: Principal | undefined;
    derivationPath: Uint8Array[];
    algorithm: 'ed25519' | 'bip340secp256k1' | 'secp256k1';
    keyName: string;
}

export interface SignRequest {
    message: Uint8Array;
    derivationPath: Uint8Array[];
    algorithm: 'ed25519' | 'bip340secp256k1' | 'secp256k1';
    keyName: string;
    /** BIP341 merkle root, when `aux = opt variant { bip341 }`. */
    merkleRoot: Uint8Array | undefined;
}

interface WireKeyId {
    algorithm?: Record<string, null>;
    curve?: Record<string, null>;
    name: string;
}
const algorithmOf = (k: WireKeyId): PublicKeyRequest['algorithm'] => Object.keys(k.algorithm ?? k.curve ?? {})[0] as PublicKeyRequest['algorithm'];

export function decodePublicKeyArgs(arg: Uint8Array, kind: 'schnorr' | 'ecdsa'): PublicKeyRequest {
    const [w] = IDL.decode([kind === 'schnorr' ? SchnorrPublicKeyArgs : EcdsaPublicKeyArgs], arg) as unknown as [
        { canister_id: [] | [Principal]; derivation_path: Bytes[]; key_id: WireKeyId }
    ];
    return { canisterId: w.canister_id[0], derivationPath: w.derivation_path.map(bytes), algorithm: algorithmOf(w.key_id), keyName: w.key_id.name };
}

export function decodeSignWithSchnorrArgs(arg: Uint8Array): SignRequest {
    const [w] = IDL.decode([SignWithSchnorrArgs], arg) as unknown as [
        { message: Bytes; derivation_path: Bytes[]; key_id: WireKeyId; aux: [] | [{ bip341: { merkle_root_hash: Bytes } }] }
    ];
    const aux = w.aux[0];
    return {
        message: bytes(w.message),
        derivationPath: w.derivation_path.map(bytes),
        algorithm: algorithmOf(w.key_id),
        keyName: w.key_id.name,
        merkleRoot: aux ? bytes(aux.bip341.merkle_root_hash) : undefined
    };
}

export function decodeSignWithEcdsaArgs(arg: Uint8Array): SignRequest {
    const [w] = IDL.decode([SignWithEcdsaArgs], arg) as unknown as [{ message_hash: Bytes; derivation_path: Bytes[]; key_id: WireKeyId }];
    return { message: bytes(w.message_hash), derivationPath: w.derivation_path.map(bytes), algorithm: 'secp256k1', keyName: w.key_id.name, merkleRoot: undefined };
}

export const encodePublicKeyResult = (publicKey: Uint8Array, chainCode: Uint8Array): Uint8Array =>
    new Uint8Array(IDL.encode([PublicKeyResult], [{ public_key: publicKey, chain_code: chainCode }]));

export const encodeSignatureResult = (signature: Uint8Array): Uint8Array => new Uint8Array(IDL.encode([SignatureResult], [{ signature }]));
