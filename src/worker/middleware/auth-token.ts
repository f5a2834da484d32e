import { createHash } from 'node:crypto';
import { verifyWorkerToken, type WorkerTokenPolicy } from '../../shared/worker-token';
import { WorkerHttpError } from '../app/http-error';
import type { Clock, Middleware } from '../app/types';
import { nativeEd25519Verify } from './native-ed25519';

export interface AuthTokenOptions {
    policy: Omit<WorkerTokenPolicy, 'nowS'>;
    clock: Clock;
}

const BEARER_RE = /^Bearer ([\x21-\x7e]+)$/;

/**
 * Accepts only requests carrying a valid canister token (docs/worker-protocol.md §2.3): signature by the
 * canister's threshold Schnorr ed25519 key, audience, issuer and time window; then binds it to this request:
 * the body's SHA-256 must equal the token's `bh`, and an `Idempotency-Key` header, if sent, must equal `idk`.
 * Every failure is a 401 with the token error code, so a forged and an expired token are told apart in logs.
 */
export function authToken({ policy, clock }: AuthTokenOptions): Middleware {
    const unauthorized = (code: string, message: string): WorkerHttpError =>
        new WorkerHttpError(401, code, message, { 'www-authenticate': 'Bearer realm="deai-worker"' });
    const verifySignature = policy.verifySignature ?? nativeEd25519Verify();
    return async function authTokenMiddleware(ctx, next) {
        // 1. Token from `Authorization: Bearer <token>`.
        const header = ctx.req.headers['authorization'];
        if (header === undefined) throw unauthorized('token_missing', 'Authorization: Bearer <worker token> is required');
        const match = BEARER_RE.exec(header);
        if (!match) throw unauthorized('token_malformed', 'Authorization must be "Bearer <worker token>"');
        // 2. Signature, audience, issuer, time.
        const result = verifyWorkerToken(match[1], { ...policy, verifySignature, nowS: clock.unixSeconds() });
        if (!result.ok) throw unauthorized(result.code, result.message);
        // 3. Bind to this body.
        const bodyHash = createHash('sha256').update(ctx.body ?? new Uint8Array()).digest('hex');
        if (bodyHash !== result.payload.bh) throw unauthorized('token_body_mismatch', 'request body does not match the token (bh)');
        // 4. Bind to the idempotency key header, if the caller also sent one.
        const idk = ctx.req.headers['idempotency-key'];
        if (idk !== undefined && idk !== result.payload.idk) {
            throw new WorkerHttpError(400, 'idempotency_key_mismatch', 'Idempotency-Key header differs from the token idk');
        }
        ctx.token = result.payload;
        await next();
    };
}
