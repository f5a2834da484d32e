/**
 * Off-chain derivation of IC threshold public keys (what `schnorr_public_key` / `ecdsa_public_key` return), from a
 * master public key, the canister id and the derivation path. Pure and free of Node APIs, so the devnet, the worker
 * gateway (to verify canister-signed tokens) and the frontend share it.
 *
 * IC interface spec, management-canister.md: the first derivation level is the canister id (raw principal bytes),
 * followed by the caller's `derivation_path` entries; the master chain code is 32 zero bytes (as in the
 * `ic-ed25519` / `ic-secp256k1` crates' `derive_subkey`).
 */
import { deriveEd25519, type DerivedKey } from './ed25519-derivation';
import { deriveSecp256k1 } from './secp256k1-derivation';

/** Spec: "The total number of byte strings in the derivation_path must be at most 255." */
export const MAX_DERIVATION_PATH_LENGTH = 255;
export const MASTER_CHAIN_CODE: Uint8Array = new Uint8Array(32);

export type SchnorrAlgorithm = 'ed25519' | 'bip340secp256k1';
export type ThresholdAlgorithm = SchnorrAlgorithm | 'ecdsa_secp256k1';

export type { DerivedKey };

/** The full derivation path the IC uses: canister id first, then the caller's path. */
export function canisterDerivationPath(canisterId: Uint8Array, derivationPath: readonly Uint8Array[]): Uint8Array[] {
    if (derivationPath.length > MAX_DERIVATION_PATH_LENGTH) {
        throw new RangeError(`derivation_path has ${derivationPath.length} entries; at most ${MAX_DERIVATION_PATH_LENGTH} are allowed`);
    }
    return [canisterId, ...derivationPath];
}

/**
 * Derives a canister's threshold public key from the master public key, as the IC does.
 * `canisterId` is the raw principal bytes (`Principal.toUint8Array()`).
 * @example
 * const { publicKey, chainCode } = deriveThresholdPublicKey(masterKey, canister.toUint8Array(), [], 'ed25519');
 */
export function deriveThresholdPublicKey(
    masterPublicKey: Uint8Array,
    canisterId: Uint8Array,
    derivationPath: readonly Uint8Array[],
    algorithm: ThresholdAlgorithm
): DerivedKey {
    const path = canisterDerivationPath(canisterId, derivationPath);
    return algorithm === 'ed25519'
        ? deriveEd25519(masterPublicKey, MASTER_CHAIN_CODE, path)
        : deriveSecp256k1(masterPublicKey, MASTER_CHAIN_CODE, path);
}

/** Schnorr-only form of {@link deriveThresholdPublicKey}: returns `{ publicKey, chainCode }` as `schnorr_public_key` does. */
export function deriveSchnorrPublicKey(
    masterPublicKey: Uint8Array,
    canisterId: Uint8Array,
    derivationPath: readonly Uint8Array[],
    algorithm: SchnorrAlgorithm
): { publicKey: Uint8Array; chainCode: Uint8Array } {
    const { publicKey, chainCode } = deriveThresholdPublicKey(masterPublicKey, canisterId, derivationPath, algorithm);
    return { publicKey, chainCode };
}
