/**
 * HTTPS outcall sizing and price, pricing version 1 (outcalls.md §1.5; docs/references/cycle-costs.md):
 *   fee = (3_000_000 + 60_000·n)·n + 400·n·request_bytes + 800·n·max_response_bytes
 * request_bytes = URL + header names and values + body + transform method name + transform context.
 * The fee is charged on the reserved max_response_bytes, so that is sized from max_tokens.
 */
import { MAX_WORKER_TOKEN_CHARS } from '../worker-token/token.constants';

export const OUTCALL_BASE_FEE = 3_000_000n;
export const OUTCALL_PER_NODE_FEE = 60_000n;
export const OUTCALL_PER_REQUEST_BYTE_FEE = 400n;
export const OUTCALL_PER_RESPONSE_BYTE_FEE = 800n;
/** The IC's ceiling on max_response_bytes. */
export const MAX_RESPONSE_BYTES_CAP = 2_000_000;

export interface OutcallSize {
    readonly url: string;
    readonly headers: readonly { readonly name: string; readonly value: string }[];
    readonly body_bytes: number;
    readonly transform_method: string;
    readonly transform_context_bytes: number;
}

export function requestBytes(s: OutcallSize): number {
    let n = s.url.length + s.body_bytes + s.transform_method.length + s.transform_context_bytes;
    for (const h of s.headers) n += h.name.length + h.value.length;
    return n;
}

export function outcallFee(requestBytesCount: number, maxResponseBytes: number, subnetSize: number): bigint {
    const n = BigInt(subnetSize);
    return (OUTCALL_BASE_FEE + OUTCALL_PER_NODE_FEE * n) * n + OUTCALL_PER_REQUEST_BYTE_FEE * n * BigInt(requestBytesCount) + OUTCALL_PER_RESPONSE_BYTE_FEE * n * BigInt(maxResponseBytes);
}

/**
 * Raw response bytes to reserve for `maxTokens` of output: a token is at most ~4 UTF-8 bytes of text, JSON
 * escaping can double that (\uXXXX of non-ASCII is 6 bytes for ≤ 3), plus the envelope (ids, usage, tool
 * call framing, headers are not counted). Generous on purpose: an answer cut at the limit is a failed call.
 */
export const BYTES_PER_TOKEN_RESERVED = 8;
export const RESPONSE_ENVELOPE_BYTES = 4_096;
export function maxResponseBytesFor(maxTokens: number): number {
    return Math.min(MAX_RESPONSE_BYTES_CAP, RESPONSE_ENVELOPE_BYTES + BYTES_PER_TOKEN_RESERVED * maxTokens);
}

/** Header bytes we budget for the worker token before it is signed (its size is bounded). */
export const TOKEN_HEADER_BYTES = 'authorization'.length + 'Bearer '.length + MAX_WORKER_TOKEN_CHARS;
