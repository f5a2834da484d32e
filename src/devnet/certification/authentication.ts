/**
 * Request authentication, spec https-interface.md §"Authentication" (signatures, delegations) — pure.
 * The HTTP layer turns a failure into the replica's 400 with the message.
 */
import { Principal } from '@dfinity/principal';
import { isCborMap, type CborValue } from './cbor.js';
import { bytesEqual, concatBytes, domainSeparator, toHex } from './bytes.js';
import { parsePublicKey, type ParsedPublicKey } from './public-key.js';
import { hashOfMap } from './request-id.js';

/** Spec: at most 20 delegations in a chain. */
export const MAX_DELEGATION_CHAIN_LENGTH = 20;
/** Spec: at most 1000 targets per delegation. */
export const MAX_DELEGATION_TARGETS = 1000;
const ANONYMOUS = Uint8Array.of(4);
const DS_REQUEST = domainSeparator('ic-request');
const DS_DELEGATION = domainSeparator('ic-request-auth-delegation');

export interface AuthenticationInput {
    sender: Uint8Array;
    senderPubkey?: CborValue;
    senderSig?: CborValue;
    senderDelegation?: CborValue;
    requestId: Uint8Array;
    requestType: 'call' | 'query' | 'read_state';
    /** Canisters the request acts on: canister_id for calls/queries, canisters named in read_state paths. */
    targetCanisters: readonly Uint8Array[];
    nowNs: bigint;
    rootKeyDer: Uint8Array;
}

export type AuthenticationResult = { ok: true; sender: Principal } | { ok: false; message: string };

const fail = (message: string): AuthenticationResult => ({ ok: false, message });

export function authenticate(input: AuthenticationInput): AuthenticationResult {
    const { sender, senderPubkey, senderSig, senderDelegation } = input;
    if (bytesEqual(sender, ANONYMOUS)) {
        if (senderPubkey !== undefined || senderSig !== undefined || senderDelegation !== undefined) {
            return fail('Invalid signature: anonymous requests must not carry sender_pubkey, sender_sig or sender_delegation');
        }
        return { ok: true, sender: Principal.anonymous() };
    }
    if (!(senderPubkey instanceof Uint8Array) || !(senderSig instanceof Uint8Array)) {
        return fail(`Invalid signature: missing sender_pubkey or sender_sig for non-anonymous sender ${safeText(sender)}`);
    }
    const expected = Principal.selfAuthenticating(senderPubkey).toUint8Array();
    if (!bytesEqual(expected, sender)) {
        return fail(`Invalid signature: sender ${safeText(sender)} does not match the public key (expected ${Principal.fromUint8Array(expected).toText()})`);
    }
    const first = parsePublicKey(senderPubkey, input.rootKeyDer);
    if (!first.ok) return fail(`Invalid signature: ${first.reason}`);
    const chain = verifyDelegations(first.key, senderDelegation, input);
    if (!chain.ok) return fail(chain.message);
    if (!chain.signingKey.verify(concatBytes(DS_REQUEST, input.requestId), senderSig)) {
        return fail(`Invalid signature: Invalid basic signature: ${chain.signingKey.kind} signature could not be verified (request id ${toHex(input.requestId)})`);
    }
    return { ok: true, sender: Principal.fromUint8Array(sender) };
}

function verifyDelegations(
    senderKey: ParsedPublicKey,
    raw: CborValue,
    input: AuthenticationInput
): { ok: true; signingKey: ParsedPublicKey } | { ok: false; message: string } {
    if (raw === undefined) return { ok: true, signingKey: senderKey };
    if (!Array.isArray(raw)) return { ok: false, message: 'Invalid delegation: sender_delegation must be an array' };
    if (raw.length > MAX_DELEGATION_CHAIN_LENGTH) {
        return { ok: false, message: `Invalid delegation: Chain of delegations is too long: got ${raw.length} delegations, but at most ${MAX_DELEGATION_CHAIN_LENGTH} are allowed` };
    }
    const seen = [senderKey.der];
    let current = senderKey;
    for (const [i, signed] of raw.entries()) {
        if (!isCborMap(signed) || !isCborMap(signed.delegation) || !(signed.signature instanceof Uint8Array)) {
            return { ok: false, message: `Invalid delegation: delegation ${i} is malformed` };
        }
        const d = signed.delegation;
        if (!(d.pubkey instanceof Uint8Array) || (typeof d.expiration !== 'number' && typeof d.expiration !== 'bigint')) {
            return { ok: false, message: `Invalid delegation: delegation ${i} lacks pubkey or expiration` };
        }
        if (!current.verify(concatBytes(DS_DELEGATION, hashOfMap(d)), signed.signature)) {
            return { ok: false, message: `Invalid delegation: Invalid signature: delegation ${i} is not signed by the previous key` };
        }
        if (BigInt(d.expiration) < input.nowNs) {
            return { ok: false, message: `Invalid delegation: Delegation has expired: delegation ${i} expired at ${d.expiration} ns, now is ${input.nowNs} ns` };
        }
        const targetCheck = checkTargets(d.targets, input.targetCanisters, i);
        if (targetCheck) return { ok: false, message: targetCheck };
        if (d.permissions !== undefined && d.permissions !== 'all' && d.permissions !== 'queries') {
            return { ok: false, message: `Invalid delegation: delegation ${i} has unknown permissions` };
        }
        if (d.permissions === 'queries' && input.requestType === 'call') {
            return { ok: false, message: `Invalid delegation: delegation ${i} only permits queries, but this is an update call` };
        }
        if (seen.some((k) => bytesEqual(k, d.pubkey as Uint8Array))) {
            return { ok: false, message: `Invalid delegation: delegation ${i} repeats a public key (cycles and self-delegations are not allowed)` };
        }
        seen.push(d.pubkey);
        const next = parsePublicKey(d.pubkey, input.rootKeyDer);
        if (!next.ok) return { ok: false, message: `Invalid delegation: delegation ${i}: ${next.reason}` };
        current = next.key;
    }
    return { ok: true, signingKey: current };
}

function checkTargets(targets: CborValue, canisters: readonly Uint8Array[], i: number): string | undefined {
    if (targets === undefined) return undefined;
    if (!Array.isArray(targets) || targets.length > MAX_DELEGATION_TARGETS || !targets.every((t) => t instanceof Uint8Array)) {
        return `Invalid delegation: delegation ${i} has malformed targets`;
    }
    for (const c of canisters) {
        if (!targets.some((t) => bytesEqual(t as Uint8Array, c))) {
            return `Invalid delegation: Canister ${safeText(c)} is not one of the delegation targets`;
        }
    }
    return undefined;
}

function safeText(bytes: Uint8Array): string {
    return bytes.length <= 29 ? Principal.fromUint8Array(bytes).toText() : `0x${toHex(bytes)}`;
}
