/**
 * `POST /_/identity/delegation`: the JSON API the dev identity provider page calls to get a delegation for a
 * user and a frontend origin. Input checks are strict and bounded; errors are 400s with a clear text.
 */
import { Principal } from '@dfinity/principal';
import { fromHex, parsePublicKey, toHex } from '../certification/index.js';
import {
    MAX_ORIGIN_CHARS,
    MAX_TARGETS,
    USER_NAME_PATTERN,
    delegationExpiration,
    deriveUserKey,
    signDelegation,
    type SignedDelegation
} from './dev-identity.js';

export interface DelegationRequest {
    user: string;
    origin: string;
    sessionPublicKey: string;
    maxTimeToLive?: string;
    targets?: string[];
}

export interface DelegationResponse {
    userPublicKey: string;
    principal: string;
    delegations: { delegation: { pubkey: string; expiration: string; targets?: string[] }; signature: string }[];
}

export type DelegationApiResult = { ok: true; response: DelegationResponse } | { ok: false; message: string };

export function issueDelegation(
    input: unknown,
    { providerSecret, nowNs, rootKeyDer }: { providerSecret: Uint8Array; nowNs: bigint; rootKeyDer: Uint8Array }
): DelegationApiResult {
    const bad = (message: string): DelegationApiResult => ({ ok: false, message });
    if (typeof input !== 'object' || input === null) return bad('expected a JSON object');
    const req = input as Partial<Record<keyof DelegationRequest, unknown>>;
    if (typeof req.user !== 'string' || !USER_NAME_PATTERN.test(req.user)) return bad('user: 1-64 characters of A-Z a-z 0-9 _ . -');
    if (typeof req.origin !== 'string' || req.origin.length > MAX_ORIGIN_CHARS || !isOrigin(req.origin)) return bad('origin: a URL origin such as http://localhost:5173');
    if (typeof req.sessionPublicKey !== 'string' || req.sessionPublicKey.length > 1024) return bad('sessionPublicKey: hex DER public key');
    let sessionKey: Uint8Array;
    try {
        sessionKey = fromHex(req.sessionPublicKey);
    } catch {
        return bad('sessionPublicKey: not hex');
    }
    const parsed = parsePublicKey(sessionKey, rootKeyDer);
    if (!parsed.ok) return bad(`sessionPublicKey: ${parsed.reason}`);
    let ttl: bigint | undefined;
    if (req.maxTimeToLive !== undefined) {
        if (typeof req.maxTimeToLive !== 'string' || !/^\d{1,20}$/.test(req.maxTimeToLive)) return bad('maxTimeToLive: nanoseconds as a decimal string');
        ttl = BigInt(req.maxTimeToLive);
    }
    let targets: Principal[] | undefined;
    if (req.targets !== undefined) {
        if (!Array.isArray(req.targets) || req.targets.length > MAX_TARGETS) return bad(`targets: at most ${MAX_TARGETS} principals`);
        try {
            targets = req.targets.map((t) => Principal.fromText(String(t)));
        } catch {
            return bad('targets: invalid principal');
        }
    }
    const user = deriveUserKey(providerSecret, req.user, req.origin);
    const signed = signDelegation(user, sessionKey, delegationExpiration(nowNs, ttl), targets);
    return { ok: true, response: { userPublicKey: toHex(user.publicKeyDer), principal: user.principal.toText(), delegations: [toJson(signed)] } };
}

function toJson(d: SignedDelegation): DelegationResponse['delegations'][number] {
    return {
        delegation: {
            pubkey: toHex(d.delegation.pubkey),
            expiration: d.delegation.expiration.toString(),
            ...(d.delegation.targets ? { targets: d.delegation.targets.map((t) => t.toText()) } : {})
        },
        signature: toHex(d.signature)
    };
}

function isOrigin(text: string): boolean {
    try {
        return new URL(text).origin === text;
    } catch {
        return false;
    }
}
