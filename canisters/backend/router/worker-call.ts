/**
 * One chat call to an off-chain worker through an HTTPS outcall (outcalls.md §1): deterministic
 * idempotency key, signed worker token, max_response_bytes from max_tokens, exactly the v1 fee attached
 * (refund accounted), replicated or non-replicated per the worker's mode, and a transform that keeps only
 * the normalized answer.
 */
import { call, canisterSelf, IDL, msgCyclesRefunded } from 'azle';

import type { ChatRequest } from '../../../src/shared/chat/types';
import { sha256Hex } from '../../../src/shared/router/idempotency';
import { maxResponseBytesFor, outcallFee, requestBytes } from '../../../src/shared/router/outcall-cost';
import type { Worker } from '../../../src/shared/router/router.types';
import { encodeWorkerRequest, readNormalized } from '../../../src/shared/router/worker-wire';
import { asciiToBytes, bytesToText } from './ascii-bytes';
import { encodeArgs } from './candid-args';
import { describeCallError } from './call-errors';
import { HttpRequestArgs, HttpRequestResult, type HttpHeader } from './management.idl';
import { signatureFee, signWorkerToken } from './worker-auth';
import type { TargetCallResult } from './target-call';

export const TRANSFORM_METHOD = 'transform_worker_chat';

export interface PreparedWorkerCall {
    readonly url: string;
    readonly headers: HttpHeader[];
    readonly body: Uint8Array;
    readonly maxResponseBytes: number;
    readonly context: Uint8Array;
    /** Outcall fee plus the signature fee: what the call may spend at most. */
    readonly maxCycles: bigint;
    readonly outcallFee: bigint;
}

/** Everything but the token (signed last, once the body is final); sized with the token's maximum length. */
export function prepareWorkerCall(w: Worker, req: ChatRequest, idk: string, subnetSize: number, keyName: string): PreparedWorkerCall | string {
    const http = encodeWorkerRequest(w.api_format, req);
    if (!http.ok) return `${http.error.code}: ${http.error.message}`;
    const body = asciiToBytes(http.value.body);
    const headers: HttpHeader[] = [...http.value.headers, { name: 'idempotency-key', value: idk }, { name: 'authorization', value: `Bearer ${'x'.repeat(2048)}` }];
    const context = asciiToBytes(w.api_format);
    const url = `${w.url}${http.value.path}`;
    const maxResponseBytes = maxResponseBytesFor(req.params.maxTokens);
    const size = requestBytes({ url, headers, body_bytes: body.length, transform_method: TRANSFORM_METHOD, transform_context_bytes: context.length });
    const fee = outcallFee(size, maxResponseBytes, subnetSize);
    return { url, headers: headers.slice(0, -1), body, maxResponseBytes, context, maxCycles: fee + signatureFee(keyName), outcallFee: fee };
}

export async function callWorker(w: Worker, p: PreparedWorkerCall, idk: string, keyName: string): Promise<TargetCallResult> {
    const signed = await signWorkerToken(w.url, idk, sha256Hex(p.body), keyName);
    if (!signed.ok) return { ok: false, outcome: 'rejected', detail: signed.detail, cycles: signed.cycles };
    const args = {
        url: p.url,
        max_response_bytes: [BigInt(p.maxResponseBytes)],
        method: { post: null },
        headers: [...p.headers, { name: 'authorization', value: `Bearer ${signed.token}` }],
        body: [p.body],
        transform: [{ function: [canisterSelf(), TRANSFORM_METHOD], context: p.context }],
        is_replicated: w.mode === 'non_replicated' ? [false] : []
    };
    let res: { status: bigint; body: Uint8Array };
    try {
        const raw = await call<Uint8Array, Uint8Array>('aaaaa-aa', 'http_request', { raw: true, args: encodeArgs('http_request', [HttpRequestArgs], [args]), cycles: p.outcallFee });
        res = IDL.decode([HttpRequestResult], raw)[0] as unknown as typeof res;
    } catch (e) {
        return { ok: false, ...describeCallError(e), cycles: signed.cycles + p.outcallFee - msgCyclesRefunded() };
    }
    const cycles = signed.cycles + p.outcallFee - msgCyclesRefunded();
    const text = bytesToText(Uint8Array.from(res.body));
    if (text === null) return { ok: false, outcome: 'malformed', detail: 'response is not UTF-8', cycles };
    const read = readNormalized(Number(res.status), text);
    if (!read.ok) return { ok: false, outcome: read.error.kind, detail: read.error.detail, cycles };
    return { ok: true, response: read.value, cycles };
}
