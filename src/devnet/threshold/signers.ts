/**
 * Single-party equivalents of the IC's threshold signing for a (derived) secret scalar. Encodings per the spec
 * (management-canister.md §sign_with_schnorr, §sign_with_ecdsa):
 * - Ed25519: 64-byte RFC 8032 signature R ‖ S. The secret is a scalar (no seed, no clamping), so the nonce is
 *   random, which matches the spec's "the returned signature is non-deterministic".
 * - BIP340: 64 bytes; with `bip341` aux the key is first tweaked as BIP341's taproot_output_script does, the
 *   public key from `schnorr_public_key` being the `internal_pubkey`.
 * - ECDSA secp256k1: 64-byte r ‖ s over the 32-byte hash, low-s normalised.
 */
import { ed25519 } from '@noble/curves/ed25519';
import { schnorr, secp256k1 } from '@noble/curves/secp256k1';
import { sha512 } from '@noble/hashes/sha2';
import { bigIntToBytesBE, bigIntToBytesLE, bytesToBigIntBE, bytesToBigIntLE, concatBytes, ED25519_ORDER, SECP256K1_ORDER } from './crypto-utils';

export type RandomBytes = (length: number) => Uint8Array;

export const defaultRandomBytes: RandomBytes = (length) => crypto.getRandomValues(new Uint8Array(length));

const modL = (x: bigint): bigint => ((x % ED25519_ORDER) + ED25519_ORDER) % ED25519_ORDER;
const modN = (x: bigint): bigint => ((x % SECP256K1_ORDER) + SECP256K1_ORDER) % SECP256K1_ORDER;

/** RFC 8032 §5.1.6 with the secret scalar `a` given directly and a random nonce r. */
export function signEd25519(secret: bigint, message: Uint8Array, random: RandomBytes): Uint8Array {
    const A = ed25519.Point.BASE.multiply(secret).toBytes();
    let r = 0n;
    while (r === 0n) r = modL(bytesToBigIntLE(random(64)));
    const R = ed25519.Point.BASE.multiply(r).toBytes();
    const k = modL(bytesToBigIntLE(sha512(concatBytes(R, A, message))));
    const S = modL(r + k * secret);
    return concatBytes(R, bigIntToBytesLE(S, 32));
}

/** BIP341 TapTweak of the internal key; returns the tweaked secret (even-y normalised as BIP340 requires). */
export function taprootTweakSecret(secret: bigint, merkleRoot: Uint8Array): bigint {
    const P = secp256k1.Point.BASE.multiply(secret);
    const px = P.toBytes(true).subarray(1);
    const t = bytesToBigIntBE(schnorr.utils.taggedHash('TapTweak', px, merkleRoot));
    if (t >= SECP256K1_ORDER) throw new RangeError('taproot tweak is not a valid scalar');
    const evenSecret = P.y % 2n === 0n ? secret : SECP256K1_ORDER - secret;
    const tweaked = modN(evenSecret + t);
    if (tweaked === 0n) throw new RangeError('taproot-tweaked key is the point at infinity');
    return tweaked;
}

export function signBip340(secret: bigint, message: Uint8Array, random: RandomBytes, merkleRoot?: Uint8Array): Uint8Array {
    const d = merkleRoot === undefined ? secret : taprootTweakSecret(secret, merkleRoot);
    return schnorr.sign(message, bigIntToBytesBE(d, 32), random(32));
}

export function signEcdsa(secret: bigint, messageHash: Uint8Array): Uint8Array {
    return secp256k1.sign(messageHash, bigIntToBytesBE(secret, 32), { lowS: true }).toBytes('compact');
}
