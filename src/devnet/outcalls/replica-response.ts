/**
 * What one replica makes of its HTTP result before consensus (dfinity/ic rs/https_outcalls/client/src/client.rs):
 * size and header checks on the raw response, then the canister's transform (if any), whose reply bytes become
 * the replica's content. Without a transform the content is the Candid-encoded `http_request_result`.
 */
import { RejectCode, type ManagementContext } from '../engine-api';
import type { ReplicaOutcome } from './consensus';
import { encodeHttpResponse, encodeTransformArgs, type HttpRequestArgs } from './http-request.candid';
import { validateHeadersAndBody } from './http-request.validate';
import { headerBytes, responseSizeError, type OutcallHttpResult } from './outcall-fetch';

const fatal = (message: string): ReplicaOutcome => ({ kind: 'reject', rejectCode: RejectCode.SysFatal, message });

export async function replicaOutcome(
    ctx: ManagementContext,
    transform: HttpRequestArgs['transform'],
    result: OutcallHttpResult,
    maxResponseBytes: bigint
): Promise<ReplicaOutcome> {
    if (result.kind === 'error') return { kind: 'reject', rejectCode: result.rejectCode, message: result.message };
    const response = result.response;
    // Intercepted responses skip the network, so the adapter's size rule is applied here as well.
    const sizeError = responseSizeError(headerBytes(response.headers), response.body.length, maxResponseBytes);
    if (sizeError) return fatal(sizeError);
    const headerError = validateHeadersAndBody(response.headers, response.body.length);
    if (headerError) return fatal(headerError);
    if (!transform) return { kind: 'reply', bytes: encodeHttpResponse(response) };

    const outcome = await ctx.runTransform(ctx.caller, transform.method, encodeTransformArgs(response, transform.context));
    if (outcome.kind === 'rejected') return { kind: 'reject', rejectCode: outcome.rejectCode, message: outcome.rejectMessage };
    // Spec: the transform's output counts against max_response_bytes, Candid overhead included.
    if (BigInt(outcome.reply.length) > maxResponseBytes) return fatal(`Transformed http response exceeds limit: ${maxResponseBytes}`);
    return { kind: 'reply', bytes: outcome.reply };
}
