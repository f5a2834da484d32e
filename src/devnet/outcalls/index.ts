/**
 * HTTPS outcalls for the devnet management canister.
 *
 * Wiring (engine): register `httpRequest` (defaults: 13 replicas, 30 s timeout, node:http/https) or a configured
 * instance as the `http_request` management method:
 *   createHttpRequest({ subnetSize?: number, timeoutMs?: number, fetchImpl?: OutcallFetch,
 *                      allowHttpLoopback?: boolean, sleep?: (ms) => Promise<void> }): ManagementMethod
 * The method calls `ctx.interceptOutcall` once per outcall and `ctx.runTransform(ctx.caller, method, arg)` once per
 * replica response. `cyclesKept` is the pricing-v1 fee once the request passed validation, else 0.
 */
import { createHttpRequest } from './http-request.method';

export { createHttpRequest, type HttpRequestOptions } from './http-request.method';
export { httpRequestFee } from './http-request.cost';
export { agreementThreshold } from './consensus';
export { encodeHttpRequestArgs, decodeHttpResponse, encodeHttpResponse, HttpRequestArgs as HttpRequestArgsIdl, HttpRequestResult, TransformArgs } from './http-request.candid';
export type { HeaderEntry, HttpResponse, HttpRequestArgs } from './http-request.candid';
export type { OutcallFetch, OutcallHttpRequest, OutcallHttpResult } from './outcall-fetch';
export { nodeOutcallFetch } from './node-outcall-fetch';
export * from './limits.constants';

/** `http_request` with the devnet defaults. */
export const httpRequest = createHttpRequest();
