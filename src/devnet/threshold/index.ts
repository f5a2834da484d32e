/**
 * Threshold signatures for the devnet management canister (Schnorr ed25519 / bip340secp256k1, ECDSA secp256k1;
 * keys dfx_test_key, test_key_1, key_1).
 *
 * Wiring (engine): `createThresholdMethods({ masterSeed?: Uint8Array, randomBytes?: (n) => Uint8Array })` returns
 * `{ schnorrPublicKey, signWithSchnorr, ecdsaPublicKey, signWithEcdsa, masterPublicKey }`; register the four methods
 * under `schnorr_public_key`, `sign_with_schnorr`, `ecdsa_public_key`, `sign_with_ecdsa`. Persist `masterSeed` in
 * devnet state. The exports below use the built-in (public, insecure) default seed.
 * Off-chain derivation (worker gateway): `deriveSchnorrPublicKey` from src/shared/crypto with
 * `masterPublicKey(kind, name)`.
 */
import { keyIdText, THRESHOLD_KEY_NAMES, type KeyKind } from './key-ids';
import { createThresholdMethods, type ThresholdOptions } from './threshold.methods';

export { createThresholdMethods, type ThresholdMethods, type ThresholdOptions } from './threshold.methods';
export { signatureFee, THRESHOLD_KEY_NAMES, SIGNING_SUBNET_SIZE, type KeyKind, type ThresholdKeyName } from './key-ids';
export { DEFAULT_MASTER_SEED } from './master-keys';
export { deriveSchnorrPublicKey } from '../../shared/crypto';
export * as thresholdCandid from './threshold.candid';

const defaults = createThresholdMethods();
export const schnorrPublicKey = defaults.schnorrPublicKey;
export const signWithSchnorr = defaults.signWithSchnorr;
export const ecdsaPublicKey = defaults.ecdsaPublicKey;
export const signWithEcdsa = defaults.signWithEcdsa;

/**
 * Every master public key of a devnet seed, keyed by the replica's key-id text (e.g. `schnorr:Ed25519:dfx_test_key`),
 * hex encoded: what a worker gateway or CLI needs to derive canister keys offline.
 */
export function masterPublicKeys(options: Pick<ThresholdOptions, 'masterSeed'> = {}): Record<string, string> {
    const methods = createThresholdMethods(options);
    const kinds: KeyKind[] = ['ecdsa_secp256k1', 'schnorr_bip340secp256k1', 'schnorr_ed25519'];
    return Object.fromEntries(
        kinds.flatMap((kind) => THRESHOLD_KEY_NAMES.map((name) => [keyIdText(kind, name), Buffer.from(methods.masterPublicKey(kind, name)).toString('hex')]))
    );
}
