import { ed25519 } from '@noble/curves/ed25519';
import { decodeBase64Url } from './base64url';
import {
    ED25519_PUBLIC_KEY_BYTES,
    ED25519_SIGNATURE_BYTES,
    MAX_AUDIENCE_CHARS,
    MAX_IDEMPOTENCY_KEY_CHARS,
    MAX_ISSUER_CHARS,
    MAX_WORKER_TOKEN_CHARS,
    MAX_WORKER_TOKEN_LIFETIME_S,
    SHA256_HEX_CHARS,
    WORKER_TOKEN_CLOCK_SKEW_S,
    WORKER_TOKEN_VERSION
} from './token.constants';
import { decodeUtf8, encodeUtf8 } from './utf8';
import type { WorkerTokenErrorCode, WorkerTokenPayload, WorkerTokenPolicy, WorkerTokenResult } from './token.types';

const fail = (code: WorkerTokenErrorCode, message: string): WorkerTokenResult => ({ ok: false, code, message });
const HEX_RE = /^[0-9a-f]+$/;
const PRINTABLE_RE = /^[\x21-\x7e]+$/;

/**
 * Verifies a worker token (docs/worker-protocol.md §2.3). Pure: time comes from `policy.nowS`.
 * The signature is checked before the payload is parsed, so unauthenticated JSON is never interpreted.
 */
export function verifyWorkerToken(token: string, policy: WorkerTokenPolicy): WorkerTokenResult {
    // 1. Bound and split.
    if (token.length === 0 || token.length > MAX_WORKER_TOKEN_CHARS) {
        return fail('token_malformed', `token must be 1..${MAX_WORKER_TOKEN_CHARS} characters`);
    }
    const parts = token.split('.');
    if (parts.length !== 3) return fail('token_malformed', 'token must have 3 dot-separated parts');
    const [version, payloadB64, signatureB64] = parts;
    // 2. Version.
    if (version !== WORKER_TOKEN_VERSION) return fail('token_version', `unsupported token version "${version.slice(0, 8)}"`);
    // 3. Signature over the ASCII bytes of "v1.<payload>" against any configured key.
    const signature = decodeBase64Url(signatureB64);
    if (signature === null || signature.length !== ED25519_SIGNATURE_BYTES) {
        return fail('token_malformed', `signature must be ${ED25519_SIGNATURE_BYTES} bytes of base64url`);
    }
    const signed = encodeUtf8(`${version}.${payloadB64}`);
    const verify = policy.verifySignature ?? verifyEd25519;
    const verified = policy.publicKeys.some((key) => key.length === ED25519_PUBLIC_KEY_BYTES && verify(signature, signed, key));
    if (!verified) return fail('token_signature', 'signature does not verify against the configured canister key');
    // 4. Payload shape and bounds.
    const payload = parsePayload(payloadB64);
    if (typeof payload === 'string') return fail('token_payload', payload);
    // 5. Time: not before iat (with skew), not after exp (with skew), bounded lifetime.
    if (payload.exp - payload.iat > MAX_WORKER_TOKEN_LIFETIME_S) {
        return fail('token_lifetime', `exp - iat exceeds ${MAX_WORKER_TOKEN_LIFETIME_S} s`);
    }
    if (policy.nowS > payload.exp + WORKER_TOKEN_CLOCK_SKEW_S) return fail('token_expired', 'token has expired');
    if (policy.nowS + WORKER_TOKEN_CLOCK_SKEW_S < payload.iat) return fail('token_not_yet_valid', 'token is issued in the future');
    // 6. Audience and issuer.
    if (!policy.audiences.includes(payload.aud)) return fail('token_audience', 'token is not meant for this worker');
    if (policy.issuers.length > 0 && !policy.issuers.includes(payload.iss)) {
        return fail('token_issuer', 'token issuer is not an accepted canister');
    }
    return { ok: true, payload };
}

/** The default verifier: @noble/curves, pure JS, so this module also runs inside a canister. */
export function verifyEd25519(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
    try {
        // zip215: false = strict RFC 8032 verification (rejects non-canonical encodings).
        return ed25519.verify(signature, message, publicKey, { zip215: false });
    } catch {
        return false;
    }
}

/** Returns the payload or a message saying what is wrong with it. */
function parsePayload(payloadB64: string): WorkerTokenPayload | string {
    const bytes = decodeBase64Url(payloadB64);
    if (bytes === null) return 'payload is not base64url';
    const decoded = decodeUtf8(bytes);
    if (decoded === null) return 'payload is not UTF-8';
    let value: unknown;
    try {
        value = JSON.parse(decoded);
    } catch {
        return 'payload is not JSON';
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'payload must be a JSON object';
    const o = value as Record<string, unknown>;
    const text = (k: string, max: number): string | null =>
        typeof o[k] === 'string' && (o[k] as string).length > 0 && (o[k] as string).length <= max ? (o[k] as string) : null;
    const aud = text('aud', MAX_AUDIENCE_CHARS);
    if (aud === null) return `aud must be a string of 1..${MAX_AUDIENCE_CHARS} characters`;
    const iss = text('iss', MAX_ISSUER_CHARS);
    if (iss === null) return `iss must be a string of 1..${MAX_ISSUER_CHARS} characters`;
    const idk = text('idk', MAX_IDEMPOTENCY_KEY_CHARS);
    if (idk === null || !PRINTABLE_RE.test(idk)) return `idk must be 1..${MAX_IDEMPOTENCY_KEY_CHARS} printable ASCII characters`;
    const bh = o.bh;
    if (typeof bh !== 'string' || bh.length !== SHA256_HEX_CHARS || !HEX_RE.test(bh)) return 'bh must be 64 lower-case hex characters';
    const { iat, exp } = o;
    if (!Number.isSafeInteger(iat) || (iat as number) < 0) return 'iat must be a non-negative integer (Unix seconds)';
    if (!Number.isSafeInteger(exp) || (exp as number) <= (iat as number)) return 'exp must be an integer greater than iat';
    return { aud, iss, iat: iat as number, exp: exp as number, idk, bh };
}
