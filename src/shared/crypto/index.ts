/** Pure cryptography shared by the devnet, the worker gateway and the frontend (no Node APIs). */
export { deriveEd25519, ED25519_ORDER, ED25519_PUBLIC_KEY_BYTES, CHAIN_CODE_BYTES } from './ed25519-derivation';
export { deriveSecp256k1, SECP256K1_ORDER, SECP256K1_PUBLIC_KEY_BYTES } from './secp256k1-derivation';
export {
    canisterDerivationPath,
    deriveSchnorrPublicKey,
    deriveThresholdPublicKey,
    MASTER_CHAIN_CODE,
    MAX_DERIVATION_PATH_LENGTH,
    type DerivedKey,
    type SchnorrAlgorithm,
    type ThresholdAlgorithm
} from './ic-key-derivation';
export { bytesToHex, hexToBytes } from './bytes.utils';
