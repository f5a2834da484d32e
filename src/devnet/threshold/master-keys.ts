/**
 * Devnet master keys: one secret scalar per (key kind, key name), derived deterministically from a seed kept in
 * devnet state, so a restarted devnet signs with the same keys. On the IC the master secret is shared among the
 * signing subnet's nodes and never exists in one place; here it is plain (development only).
 *
 * secret = SHA-512("deai-atlas/devnet/threshold-master-key" ‖ 0 ‖ kind ‖ 0 ‖ name ‖ 0 ‖ seed) mod order (never 0).
 * The master chain code is 32 zero bytes, as on the IC.
 */
import { ed25519 } from '@noble/curves/ed25519';
import { secp256k1 } from '@noble/curves/secp256k1';
import { sha512 } from '@noble/hashes/sha2';
import { ED25519_ORDER, SECP256K1_ORDER } from '../../shared/crypto';
import { bytesToBigIntBE, concatBytes } from './crypto-utils';
import type { KeyKind, ThresholdKeyName } from './key-ids';

/** Used when no seed is configured. Public, so keys derived from it protect nothing. */
export const DEFAULT_MASTER_SEED: Uint8Array = new TextEncoder().encode('deai-atlas devnet insecure threshold seed v1');
export const MIN_MASTER_SEED_BYTES = 16;
export const MAX_MASTER_SEED_BYTES = 1024;

const DOMAIN = new TextEncoder().encode('deai-atlas/devnet/threshold-master-key');

export interface MasterKey {
    secret: bigint;
    /** 32-byte Ed25519 point, or 33-byte SEC1-compressed secp256k1 point. */
    publicKey: Uint8Array;
}

export interface MasterKeys {
    get(kind: KeyKind, name: ThresholdKeyName): MasterKey;
}

const orderOf = (kind: KeyKind): bigint => (kind === 'schnorr_ed25519' ? ED25519_ORDER : SECP256K1_ORDER);

export function createMasterKeys(seed: Uint8Array = DEFAULT_MASTER_SEED): MasterKeys {
    if (seed.length < MIN_MASTER_SEED_BYTES || seed.length > MAX_MASTER_SEED_BYTES) {
        throw new RangeError(`masterSeed must be ${MIN_MASTER_SEED_BYTES}..${MAX_MASTER_SEED_BYTES} bytes, got ${seed.length}`);
    }
    const seedCopy = Uint8Array.from(seed);
    const cache = new Map<string, MasterKey>();
    return {
        get(kind, name) {
            const id = `${kind}/${name}`;
            const hit = cache.get(id);
            if (hit) return hit;
            const enc = new TextEncoder();
            const zero = Uint8Array.of(0);
            const digest = sha512(concatBytes(DOMAIN, zero, enc.encode(kind), zero, enc.encode(name), zero, seedCopy));
            const secret = (bytesToBigIntBE(digest) % (orderOf(kind) - 1n)) + 1n;
            const publicKey = kind === 'schnorr_ed25519' ? ed25519.Point.BASE.multiply(secret).toBytes() : secp256k1.Point.BASE.multiply(secret).toBytes(true);
            const key = { secret, publicKey };
            cache.set(id, key);
            return key;
        }
    };
}
