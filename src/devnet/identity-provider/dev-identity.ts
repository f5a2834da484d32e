/**
 * The dev identity provider's keys and delegations (pure). Each (user, frontend origin) pair gets a deterministic
 * Ed25519 key, so a user keeps one principal per dapp, like Internet Identity (internet-identity-spec.md
 * §"Identity design and data model"). The key signs a delegation to the dapp's session key
 * (https-interface.md §"Authentication": `"\x1Aic-request-auth-delegation" ‖ hash_of_map(delegation)`).
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { Principal } from '@dfinity/principal';
import { concatBytes, domainSeparator, ed25519Der, hashOfMap, sha256, utf8 } from '../certification/index.js';

/** Internet Identity's default delegation lifetime is 30 minutes; its maximum is 30 days. */
export const DEFAULT_DELEGATION_TTL_NS = 30n * 60n * 1_000_000_000n;
export const MAX_DELEGATION_TTL_NS = 30n * 24n * 3600n * 1_000_000_000n;
/** User names: short, URL-safe (e.g. a user number such as `10000`). */
export const USER_NAME_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;
export const MAX_ORIGIN_CHARS = 2048;
export const MAX_TARGETS = 1000;

const DS_DELEGATION = domainSeparator('ic-request-auth-delegation');

export interface UserKey {
    secretKey: Uint8Array;
    publicKeyDer: Uint8Array;
    principal: Principal;
}

/** The user's key for one frontend origin, derived from the provider secret. */
export function deriveUserKey(providerSecret: Uint8Array, user: string, origin: string): UserKey {
    const secretKey = sha256(concatBytes(utf8('deai-devnet-identity/user-key\0'), providerSecret, utf8(`\0${user}\0${origin}`)));
    const publicKeyDer = ed25519Der(ed25519.getPublicKey(secretKey));
    return { secretKey, publicKeyDer, principal: Principal.selfAuthenticating(publicKeyDer) };
}

export interface SignedDelegation {
    delegation: { pubkey: Uint8Array; expiration: bigint; targets?: Principal[] };
    signature: Uint8Array;
}

export function signDelegation(user: UserKey, sessionPublicKeyDer: Uint8Array, expirationNs: bigint, targets?: Principal[]): SignedDelegation {
    const map = {
        pubkey: sessionPublicKeyDer,
        expiration: expirationNs,
        ...(targets ? { targets: targets.map((t) => t.toUint8Array()) } : {})
    };
    const signature = ed25519.sign(concatBytes(DS_DELEGATION, hashOfMap(map)), user.secretKey);
    return { delegation: { pubkey: sessionPublicKeyDer, expiration: expirationNs, ...(targets ? { targets } : {}) }, signature };
}

/** Expiration for a request: now + min(maxTimeToLive ?? default, max). */
export function delegationExpiration(nowNs: bigint, maxTimeToLiveNs: bigint | undefined): bigint {
    const ttl = maxTimeToLiveNs === undefined || maxTimeToLiveNs <= 0n ? DEFAULT_DELEGATION_TTL_NS : maxTimeToLiveNs;
    return nowNs + (ttl > MAX_DELEGATION_TTL_NS ? MAX_DELEGATION_TTL_NS : ttl);
}

/** The provider secret, derived from the devnet root secret so it persists with the devnet's state dir. */
export function providerSecretFrom(rootSecret: Uint8Array): Uint8Array {
    return sha256(concatBytes(utf8('deai-devnet-identity/provider\0'), rootSecret));
}
