/**
 * `POST /api/v2|v3|v4/canister/<ecid>/call` (https-interface.md §"Asynchronous/Synchronous update call").
 * v2 answers 202 and the client polls read_state; v3/v4 wait for the outcome and answer with a certificate
 * holding `/request_status/<rid>` and `/time`, or 202 after SYNC_CALL_TIMEOUT_MS. Rejections before execution
 * are non-replicated rejections (200). inspect_message runs in the engine (origin 'ingress').
 */
import { Principal } from '@dfinity/principal';
import type { CborMap } from '../certification/index.js';
import type { EndpointContext } from './endpoint-context.js';
import { checkEffectiveCanisterId } from './effective-canister.js';
import { decodeEnvelope } from './envelope.js';
import { cborReply, emptyReply, type HttpReply } from './http-reply.js';
import { isTerminal, requestStatusCertificate } from './request-status.js';
import type { Target } from './routes.js';
import { validateRequest } from './validate-request.js';

export async function handleCall(ctx: EndpointContext, version: 2 | 3 | 4, target: Target, body: Uint8Array): Promise<HttpReply> {
    const env = decodeEnvelope(body, 'call');
    checkEffectiveCanisterId(env, target, ctx.engine);
    const sender = validateRequest(env, { nowNs: ctx.engine.time(), rootKeyDer: ctx.keys.rootKeyDer, targetCanisters: [env.canisterId] });
    const rid = env.requestIdHex;
    // A resubmitted request id is not executed twice (spec: the IC deduplicates by request id).
    if (ctx.engine.requestStatus(rid) === undefined) {
        ctx.requests.remember(rid, { sender: env.sender, effectiveCanisterId: target.id.toUint8Array() });
        const call = { sender, canisterId: Principal.fromUint8Array(env.canisterId), method: env.methodName, arg: env.arg, origin: 'ingress' as const };
        const rejection = await ctx.engine.submitUpdate(call, rid);
        if (rejection) {
            const fields: CborMap = { reject_code: rejection.rejectCode, reject_message: rejection.rejectMessage, error_code: rejection.errorCode };
            return cborReply(version === 2 ? fields : { status: 'non_replicated_rejection', ...fields });
        }
    }
    // v2 is asynchronous; a zero sync timeout makes v3/v4 answer 202 at once too (clients then poll).
    if (version === 2 || ctx.syncCallTimeoutMs <= 0) return emptyReply(202);
    const status = await ctx.engine.awaitRequest(rid, ctx.syncCallTimeoutMs);
    if (!status || !isTerminal(status)) return emptyReply(202);
    return cborReply({ status: 'replied', certificate: requestStatusCertificate(ctx, env.requestId, status) });
}
