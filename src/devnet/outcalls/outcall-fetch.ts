/**
 * The network side of an outcall (what the IC's HTTPS outcalls adapter does for one replica), behind an
 * injectable function type so tests and the engine can swap it. The Node implementation lives in
 * `node-outcall-fetch.ts`; response-size rules shared by every implementation live here.
 * Messages and reject codes follow dfinity/ic rs/https_outcalls/adapter/src/rpc_server.rs and client.rs.
 */
import { RejectCode } from '../engine-api';
import type { HeaderEntry, HttpResponse } from './http-request.candid';
import { byteLength } from './http-request.validate';

export interface OutcallHttpRequest {
    url: URL;
    /** Upper-case HTTP method. */
    method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
    /** Headers as sent, the fallback user-agent included. */
    headers: HeaderEntry[];
    body: Uint8Array | undefined;
    /** Response headers + body must fit in this many bytes. */
    maxResponseBytes: bigint;
    timeoutMs: number;
}

export type OutcallHttpResult = { kind: 'response'; response: HttpResponse } | { kind: 'error'; rejectCode: RejectCode; message: string };

export type OutcallFetch = (request: OutcallHttpRequest) => Promise<OutcallHttpResult>;

/** The adapter's request timeout: tonic reports `Timeout expired` (code Cancelled → SYS_FATAL in client.rs). */
export const timeoutError = (): OutcallHttpResult => ({ kind: 'error', rejectCode: RejectCode.SysFatal, message: 'Timeout expired' });

export const connectError = (host: string, cause: string): OutcallHttpResult => ({
    kind: 'error',
    rejectCode: RejectCode.SysTransient,
    message: `Connecting to ${host.slice(0, 50)} failed: Failed to directly connect: ${cause}`
});

export const headerBytes = (headers: readonly HeaderEntry[]): number => headers.reduce((n, h) => n + byteLength(h.name) + byteLength(h.value), 0);

/**
 * The adapter's response size rule: header names + values count first, the body gets what is left.
 * Returns the reject message or undefined.
 */
export function responseSizeError(headersBytes: number, bodyBytes: number, maxResponseBytes: bigint): string | undefined {
    if (BigInt(headersBytes) > maxResponseBytes) return `Header size exceeds specified response size limit ${maxResponseBytes}`;
    if (BigInt(bodyBytes) > maxResponseBytes - BigInt(headersBytes)) return `Http body exceeds size limit of ${maxResponseBytes} bytes.`;
    return undefined;
}
