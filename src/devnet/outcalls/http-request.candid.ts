/**
 * Candid of the management canister's `http_request` (spec ic.did; plus the replica's `pricing_version`,
 * rs/types/management_canister_types/src/http.rs). Decoded with subtyping: omitted `opt` fields become `[]`.
 */
import { IDL } from '@dfinity/candid';
import type { Principal } from '@dfinity/principal';

export const HttpHeader = IDL.Record({ name: IDL.Text, value: IDL.Text });
export const HttpRequestResult = IDL.Record({ status: IDL.Nat, headers: IDL.Vec(HttpHeader), body: IDL.Vec(IDL.Nat8) });
export const TransformArgs = IDL.Record({ response: HttpRequestResult, context: IDL.Vec(IDL.Nat8) });

export const HTTP_METHODS = ['get', 'head', 'post', 'put', 'delete', 'patch'] as const;
export type HttpMethodTag = (typeof HTTP_METHODS)[number];

export const HttpRequestArgs = IDL.Record({
    url: IDL.Text,
    max_response_bytes: IDL.Opt(IDL.Nat64),
    method: IDL.Variant(Object.fromEntries(HTTP_METHODS.map((m) => [m, IDL.Null]))),
    headers: IDL.Vec(HttpHeader),
    body: IDL.Opt(IDL.Vec(IDL.Nat8)),
    transform: IDL.Opt(IDL.Record({ function: IDL.Func([TransformArgs], [HttpRequestResult], ['query']), context: IDL.Vec(IDL.Nat8) })),
    is_replicated: IDL.Opt(IDL.Bool),
    pricing_version: IDL.Opt(IDL.Nat32)
});

export interface HeaderEntry {
    name: string;
    value: string;
}

export interface HttpResponse {
    status: bigint;
    headers: HeaderEntry[];
    body: Uint8Array;
}

/** Domain form of the decoded `http_request_args`. */
export interface HttpRequestArgs {
    url: string;
    maxResponseBytes: bigint | undefined;
    method: HttpMethodTag;
    headers: HeaderEntry[];
    body: Uint8Array | undefined;
    transform: { canisterId: Principal; method: string; context: Uint8Array } | undefined;
    isReplicated: boolean | undefined;
    pricingVersion: number | undefined;
}

interface WireArgs {
    url: string;
    max_response_bytes: [] | [bigint];
    method: Record<string, null>;
    headers: HeaderEntry[];
    body: [] | [Uint8Array | number[]];
    transform: [] | [{ function: [Principal, string]; context: Uint8Array | number[] }];
    is_replicated: [] | [boolean];
    pricing_version: [] | [number];
}

/** Throws the Candid decoder's error on malformed input (the caller maps it to IC0408). */
export function decodeHttpRequestArgs(arg: Uint8Array): HttpRequestArgs {
    const [wire] = IDL.decode([HttpRequestArgs], arg) as unknown as [WireArgs];
    const method = Object.keys(wire.method)[0] as HttpMethodTag;
    const transform = wire.transform[0];
    return {
        url: wire.url,
        maxResponseBytes: wire.max_response_bytes[0],
        method,
        headers: wire.headers.map((h) => ({ name: h.name, value: h.value })),
        body: wire.body[0] === undefined ? undefined : Uint8Array.from(wire.body[0]),
        transform: transform && { canisterId: transform.function[0], method: transform.function[1], context: Uint8Array.from(transform.context) },
        isReplicated: wire.is_replicated[0],
        pricingVersion: wire.pricing_version[0]
    };
}

export function encodeHttpResponse(response: HttpResponse): Uint8Array {
    return new Uint8Array(IDL.encode([HttpRequestResult], [response]));
}

export function encodeTransformArgs(response: HttpResponse, context: Uint8Array): Uint8Array {
    return new Uint8Array(IDL.encode([TransformArgs], [{ response, context }]));
}

/** Decodes a raw `http_request_result` reply (used for the interceptor's `reply` action). */
export function decodeHttpResponse(bytes: Uint8Array): HttpResponse {
    const [r] = IDL.decode([HttpRequestResult], bytes) as unknown as [{ status: bigint; headers: HeaderEntry[]; body: Uint8Array | number[] }];
    return { status: r.status, headers: r.headers, body: Uint8Array.from(r.body) };
}

/**
 * Encodes `http_request_args` from the domain form; used by tests and by TS callers of the devnet.
 * @example encodeHttpRequestArgs({ url: 'https://example.com', method: 'get', headers: [] })
 */
export function encodeHttpRequestArgs(a: Partial<HttpRequestArgs> & Pick<HttpRequestArgs, 'url' | 'method'>): Uint8Array {
    const opt = <T>(v: T | undefined): [] | [T] => (v === undefined ? [] : [v]);
    return new Uint8Array(
        IDL.encode(
            [HttpRequestArgs],
            [
                {
                    url: a.url,
                    max_response_bytes: opt(a.maxResponseBytes),
                    method: { [a.method]: null },
                    headers: a.headers ?? [],
                    body: opt(a.body),
                    transform: opt(a.transform && { function: [a.transform.canisterId, a.transform.method], context: a.transform.context }),
                    is_replicated: opt(a.isReplicated),
                    pricing_version: opt(a.pricingVersion)
                }
            ]
        )
    );
}
