/** Re-exports of the shared pure helpers the signers need (one import site for src/shared/crypto internals). */
export { bigIntToBytesBE, bigIntToBytesLE, bytesToBigIntBE, bytesToBigIntLE, concatBytes } from '../../shared/crypto/bytes.utils';
export { ED25519_ORDER, SECP256K1_ORDER } from '../../shared/crypto';
