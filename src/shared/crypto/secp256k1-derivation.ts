/**
 * secp256k1 key derivation used by the IC for threshold ECDSA and BIP340 Schnorr: the generalisation of BIP32
 * from ia.cr/2021/1330 Appendix D (IC interface spec, `ecdsa_public_key` / `schnorr_public_key`), with SLIP-10's
 * retry rule. Pure; no Node APIs. Mirrors the behaviour of the `ic-secp256k1` crate's `derive_subkey_with_chain_code`.
 *
 * CKDpub((K, c), i):
 *   1. I = HMAC-SHA512(key = c, data = serP(K) || i), serP = 33-byte SEC1 compressed
 *   2. t = I[0..32] as a big-endian integer, c_i = I[32..64]
 *   3. if t >= n, or K + t·G is the point at infinity: retry step 1 with data = 0x01 || c_i || i (SLIP-10)
 *   4. K_i = K + t·G
 * Indices are arbitrary byte strings; 4-byte big-endian values < 2^31 give BIP32-compatible (non-hardened) keys.
 */
import { secp256k1 } from '@noble/curves/secp256k1';
import { hmac } from '@noble/hashes/hmac';
import { sha512 } from '@noble/hashes/sha2';
import { bytesToBigIntBE, concatBytes, mod } from './bytes.utils';
import { CHAIN_CODE_BYTES, type DerivedKey } from './ed25519-derivation';

export const SECP256K1_PUBLIC_KEY_BYTES = 33;
export const SECP256K1_ORDER: bigint = secp256k1.Point.Fn.ORDER;

type Point = typeof secp256k1.Point.BASE;

function ckdPub(index: Uint8Array, point: Point, chainCode: Uint8Array): { chainCode: Uint8Array; tweak: bigint; point: Point } {
    let input = point.toBytes(true);
    for (;;) {
        const out = hmac(sha512, chainCode, concatBytes(input, index));
        const nextChainCode = out.slice(32, 64);
        const tweak = bytesToBigIntBE(out.subarray(0, 32));
        if (tweak < SECP256K1_ORDER) {
            // t = 0 leaves the key unchanged (noble's multiply rejects 0, hence the special case).
            const next = tweak === 0n ? point : point.add(secp256k1.Point.BASE.multiply(tweak));
            if (!next.is0()) return { chainCode: nextChainCode, tweak, point: next };
        }
        input = concatBytes(Uint8Array.of(0x01), nextChainCode);
    }
}

/** Derives the child extended public key of a 33-byte SEC1-compressed `publicKey` along `path`. */
export function deriveSecp256k1(publicKey: Uint8Array, chainCode: Uint8Array, path: readonly Uint8Array[]): DerivedKey {
    if (publicKey.length !== SECP256K1_PUBLIC_KEY_BYTES) throw new RangeError(`secp256k1 public key must be 33 bytes (SEC1 compressed), got ${publicKey.length}`);
    if (chainCode.length !== CHAIN_CODE_BYTES) throw new RangeError(`chain code must be 32 bytes, got ${chainCode.length}`);
    let point = secp256k1.Point.fromBytes(publicKey);
    let c = chainCode;
    let offset = 0n;
    for (const index of path) {
        const step = ckdPub(index, point, c);
        point = step.point;
        c = step.chainCode;
        offset = mod(offset + step.tweak, SECP256K1_ORDER);
    }
    return { publicKey: point.toBytes(true), chainCode: Uint8Array.from(c), offset };
}
