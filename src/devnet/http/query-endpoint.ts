/**
 * `POST /api/v2|v3/canister/<ecid>/query` (https-interface.md §"Query call"): runs the query and answers with one
 * Ed25519 node signature over `"\x0Bic-response" ‖ hash_of_map(response fields, timestamp, request_id)` (§2.5 of the notes).
 * `error_code` is always sent, so agent-js and ic-agent hash the same fields.
 */
import { Principal } from '@dfinity/principal';
import { concatBytes, hashOfMap, utf8, type CborMap } from '../certification/index.js';
import type { CallOutcome } from '../engine-api.js';
import type { EndpointContext } from './endpoint-context.js';
import { checkEffectiveCanisterId } from './effective-canister.js';
import { decodeEnvelope } from './envelope.js';
import { cborReply, type HttpReply } from './http-reply.js';
import type { Target } from './routes.js';
import { validateRequest } from './validate-request.js';

const DS_RESPONSE = concatBytes(Uint8Array.of(11), utf8('ic-response'));

export async function handleQuery(ctx: EndpointContext, target: Target, body: Uint8Array): Promise<HttpReply> {
    const env = decodeEnvelope(body, 'query');
    checkEffectiveCanisterId(env, target, ctx.engine);
    const sender = validateRequest(env, { nowNs: ctx.engine.time(), rootKeyDer: ctx.keys.rootKeyDer, targetCanisters: [env.canisterId] });
    const outcome = await ctx.engine.query({ sender, canisterId: Principal.fromUint8Array(env.canisterId), method: env.methodName, arg: env.arg });
    return cborReply(signedQueryResponse(ctx, outcome, env.requestId));
}

export function signedQueryResponse(ctx: EndpointContext, outcome: CallOutcome, requestId: Uint8Array): CborMap {
    const fields: CborMap =
        outcome.kind === 'replied'
            ? { status: 'replied', reply: { arg: outcome.reply } }
            : { status: 'rejected', reject_code: outcome.rejectCode, reject_message: outcome.rejectMessage, error_code: outcome.errorCode };
    const timestamp = ctx.engine.time();
    const signature = ctx.keys.signNode(concatBytes(DS_RESPONSE, hashOfMap({ ...fields, timestamp, request_id: requestId })));
    return { ...fields, signatures: [{ timestamp, signature, identity: ctx.keys.nodeId.toUint8Array() }] };
}
