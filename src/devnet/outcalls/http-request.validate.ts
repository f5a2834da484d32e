/**
 * Up-front checks the replica applies when a canister calls `http_request`, before any cycles are charged
 * (dfinity/ic rs/types/types/src/canister_http.rs `generate_from_args`, `validate_http_headers_and_body`).
 * Each failure is a CANISTER_REJECT (IC0406, CanisterRejectedMessage) with the replica's message.
 * Pure: no IO.
 */
import type { Principal } from '@dfinity/principal';
import type { HeaderEntry, HttpRequestArgs } from './http-request.candid';
import {
    MAX_HTTP_HEADER_COUNT,
    MAX_HTTP_HEADER_NAME_VALUE_BYTES,
    MAX_HTTP_HEADERS_TOTAL_BYTES,
    MAX_HTTP_REQUEST_BYTES,
    MAX_HTTP_RESPONSE_BYTES,
    MAX_HTTP_URL_BYTES
} from './limits.constants';

const utf8 = new TextEncoder();
export const byteLength = (s: string): number => utf8.encode(s).length;

/** Methods the spec allows only with `is_replicated = opt false`. */
const NON_REPLICATED_ONLY = new Set(['put', 'delete', 'patch']);

/** Header count and size limits; shared by the request check and the response check (spec: "requests and responses"). */
export function validateHeadersAndBody(headers: readonly HeaderEntry[], bodyBytes: number): string | undefined {
    let maxName = 0;
    let maxValue = 0;
    let total = 0;
    for (const h of headers) {
        const n = byteLength(h.name);
        const v = byteLength(h.value);
        maxName = Math.max(maxName, n);
        maxValue = Math.max(maxValue, v);
        total += n + v;
    }
    if (headers.length > MAX_HTTP_HEADER_COUNT) return `number of all http headers ${headers.length} exceeds ${MAX_HTTP_HEADER_COUNT}`;
    if (maxName > MAX_HTTP_HEADER_NAME_VALUE_BYTES) {
        return `number of bytes to represent some http header name ${maxName} exceeds ${MAX_HTTP_HEADER_NAME_VALUE_BYTES}`;
    }
    if (maxValue > MAX_HTTP_HEADER_NAME_VALUE_BYTES) {
        return `number of bytes to represent some http header value ${maxValue} exceeds ${MAX_HTTP_HEADER_NAME_VALUE_BYTES}`;
    }
    if (total > MAX_HTTP_HEADERS_TOTAL_BYTES) {
        return `total number of bytes to represent all http header names and values ${total} exceeds ${MAX_HTTP_HEADERS_TOTAL_BYTES}`;
    }
    if (total + bodyBytes > MAX_HTTP_REQUEST_BYTES) {
        return `total number of bytes to represent all http header names and values and http body ${total + bodyBytes} exceeds ${MAX_HTTP_REQUEST_BYTES}`;
    }
    return undefined;
}

/**
 * Returns the replica's reject message for an invalid request, or undefined if the request is acceptable.
 * Order follows `generate_from_args`: transform principal, max_response_bytes, URL size, headers and body, then the
 * replicated-mode method restriction (spec: "PUT, DELETE, and PATCH are supported in non-replicated mode only").
 */
export function validateHttpRequest(args: HttpRequestArgs, caller: Principal): string | undefined {
    if (args.transform && args.transform.canisterId.toText() !== caller.toText()) {
        return `transform principal id expected to be ${caller.toText()}, got ${args.transform.canisterId.toText()}`;
    }
    if (args.maxResponseBytes !== undefined && args.maxResponseBytes > MAX_HTTP_RESPONSE_BYTES) {
        return `max_response_bytes expected to be in the range [0..${MAX_HTTP_RESPONSE_BYTES}], got ${args.maxResponseBytes}`;
    }
    const urlBytes = byteLength(args.url);
    if (urlBytes > MAX_HTTP_URL_BYTES) return `url size ${urlBytes} exceeds ${MAX_HTTP_URL_BYTES}`;
    const headerError = validateHeadersAndBody(args.headers, args.body?.length ?? 0);
    if (headerError) return headerError;
    if (args.isReplicated !== false && NON_REPLICATED_ONLY.has(args.method)) {
        // Devnet wording: the replica text for this case is not in the sources we could read.
        return `http_request method ${args.method.toUpperCase()} is only supported in non-replicated mode (is_replicated = opt false)`;
    }
    return undefined;
}

/** The replica's `variable_parts_size`: URL + header names and values + body + transform method name + context. */
export function requestSizeBytes(args: HttpRequestArgs): bigint {
    const headers = args.headers.reduce((n, h) => n + byteLength(h.name) + byteLength(h.value), 0);
    const transform = args.transform ? byteLength(args.transform.method) + args.transform.context.length : 0;
    return BigInt(byteLength(args.url) + headers + (args.body?.length ?? 0) + transform);
}
