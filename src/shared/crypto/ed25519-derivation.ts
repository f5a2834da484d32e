/**
 * Ed25519 hierarchical key derivation, IC interface spec, management-canister.md
 * §"Ed25519 hierarchical key derivation" (CKDpub / KTpub). Pure; no Node APIs.
 *
 * CKDpub((K, c), i):
 *   1. IKM = serP(K) || i
 *   2. OKM = HKDF-SHA512(salt = c, IKM, info = utf8("Ed25519"), 96)
 *   3. tweak = OKM[0..64], c_i = OKM[64..96]
 *   4. K_i = K + point(parse512(tweak) mod L)
 * The returned `offset` (sum of the tweaks mod L) lets a holder of the master secret k sign with k + offset.
 */
import { ed25519 } from '@noble/curves/ed25519';
import { hkdf } from '@noble/hashes/hkdf';
import { sha512 } from '@noble/hashes/sha2';
import { bytesToBigIntBE, concatBytes, mod } from './bytes.utils';

export const ED25519_PUBLIC_KEY_BYTES = 32;
export const CHAIN_CODE_BYTES = 32;
/** Order of the Ed25519 prime-order subgroup (L in the spec). */
export const ED25519_ORDER: bigint = ed25519.Point.Fn.ORDER;

/** utf8("Ed25519"); ASCII, spelled out because src/shared has no TextEncoder (no DOM/Node libs). */
const INFO = Uint8Array.from('Ed25519', (ch) => ch.charCodeAt(0));
const OKM_BYTES = 96;

export interface DerivedKey {
    /** Encoded derived public key (32 bytes for Ed25519, 33-byte SEC1 compressed for secp256k1). */
    publicKey: Uint8Array;
    chainCode: Uint8Array;
    /** Sum of the per-level tweaks, modulo the group order: child secret = master secret + offset. */
    offset: bigint;
}

/** point(p) = p·B, with point(0) = identity (noble's multiply rejects 0). */
function basePointTimes(p: bigint): typeof ed25519.Point.BASE {
    return p === 0n ? ed25519.Point.ZERO : ed25519.Point.BASE.multiply(p);
}

/**
 * KTpub: derives the child extended public key of `publicKey` (32 bytes) along `path`, starting from `chainCode`.
 * @example deriveEd25519(masterKey, new Uint8Array(32), [canisterIdBytes, ...derivationPath])
 */
export function deriveEd25519(publicKey: Uint8Array, chainCode: Uint8Array, path: readonly Uint8Array[]): DerivedKey {
    if (publicKey.length !== ED25519_PUBLIC_KEY_BYTES) throw new RangeError(`Ed25519 public key must be 32 bytes, got ${publicKey.length}`);
    if (chainCode.length !== CHAIN_CODE_BYTES) throw new RangeError(`chain code must be 32 bytes, got ${chainCode.length}`);
    let point = ed25519.Point.fromBytes(publicKey);
    let c = chainCode;
    let offset = 0n;
    for (const index of path) {
        const okm = hkdf(sha512, concatBytes(point.toBytes(), index), c, INFO, OKM_BYTES);
        const tweak = mod(bytesToBigIntBE(okm.subarray(0, 64)), ED25519_ORDER);
        point = point.add(basePointTimes(tweak));
        offset = mod(offset + tweak, ED25519_ORDER);
        c = okm.slice(64, 96);
    }
    return { publicKey: point.toBytes(), chainCode: Uint8Array.from(c), offset };
}
