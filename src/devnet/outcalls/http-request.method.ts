/**
 * The management canister's `http_request` (IC interface spec, management-canister.md §"IC method http_request").
 *
 * Steps, in the replica's order:
 *  1. Decode the argument (subtyping; failure: IC0408 InvalidManagementPayload).
 *  2. Validate it (transform principal, max_response_bytes, URL, headers, body, method vs mode; IC0406). Nothing charged.
 *  3. Charge the pricing-v1 fee; too few cycles attached: IC0406 "http_request request sent with N cycles, but M
 *     cycles are required.". From here on the fee is kept whatever happens; the rest is refunded.
 *  4. Check the URL (parse, scheme), then ask the interceptor.
 *  5. Replicated (default): the request is sent once per replica (`subnetSize`), each response is size-checked and
 *     transformed; the call is answered when n − ⌊(n−1)/3⌋ replicas agree byte for byte, else SYS_TRANSIENT
 *     "No consensus ...". Non-replicated (`is_replicated = opt false`): one request, one transform.
 *
 * Devnet deviation: `http://` is accepted for loopback hosts (localhost, 127.0.0.0/8, ::1) so local workers and
 * test servers can be reached without TLS, as a replica built with the adapter's `http` feature does. Every other
 * `http://` URL is rejected as on mainnet. Pricing version 2 is not modelled (v1 is charged for every request).
 */
import { RejectCode, type ManagementContext, type ManagementMethod, type ManagementOutcome, type PendingOutcall } from '../engine-api';
import { reachConsensus, type ReplicaOutcome } from './consensus';
import { decodeHttpRequestArgs, decodeHttpResponse, type HeaderEntry, type HttpRequestArgs } from './http-request.candid';
import { httpRequestFee } from './http-request.cost';
import { requestSizeBytes, validateHttpRequest } from './http-request.validate';
import { DEFAULT_HTTP_TIMEOUT_MS, DEFAULT_SUBNET_SIZE, FALLBACK_USER_AGENT, MAX_HTTP_RESPONSE_BYTES, MAX_HTTP_TIMEOUT_MS, MAX_SUBNET_SIZE } from './limits.constants';
import { nodeOutcallFetch } from './node-outcall-fetch';
import { timeoutError, type OutcallFetch, type OutcallHttpRequest, type OutcallHttpResult } from './outcall-fetch';
import { replicaOutcome } from './replica-response';
import { isLoopbackHost } from './url-policy';

export interface HttpRequestOptions {
    /** Replicas that each send the request in replicated mode, and the `n` of the fee. Default 13. */
    subnetSize?: number;
    /** Per-request timeout (the adapter's 30 s by default). */
    timeoutMs?: number;
    /** The network; defaults to `node:http`/`node:https`. */
    fetchImpl?: OutcallFetch;
    /** Accept `http://` for loopback hosts (devnet deviation, default true). */
    allowHttpLoopback?: boolean;
    /** Waits used for the interceptor's `hang`; injectable for tests. */
    sleep?: (ms: number) => Promise<void>;
}

const reject = (rejectCode: RejectCode, rejectMessage: string, errorCode: string, cyclesKept: bigint): ManagementOutcome => ({
    kind: 'rejected',
    rejectCode,
    rejectMessage,
    errorCode,
    cyclesKept
});

function withUserAgent(headers: readonly HeaderEntry[]): HeaderEntry[] {
    const has = headers.some((h) => h.name.toLowerCase() === 'user-agent');
    return has ? [...headers] : [...headers, { name: 'user-agent', value: FALLBACK_USER_AGENT }];
}

/** Returns the adapter's reject message for an unusable URL, or the parsed URL. */
function checkUrl(raw: string, allowHttpLoopback: boolean): URL | string {
    let url: URL;
    try {
        url = new URL(raw);
    } catch (e) {
        return `Failed to parse URL: ${(e as Error).message}`;
    }
    if (url.protocol === 'https:') return url;
    if (url.protocol === 'http:' && allowHttpLoopback && isLoopbackHost(url.hostname)) return url;
    return 'Url need to specify https scheme';
}

/**
 * Creates the `http_request` implementation. The engine registers the result under the method name.
 * @example management.register('http_request', createHttpRequest({ subnetSize: 13, timeoutMs: 30_000 }));
 */
export function createHttpRequest(options: HttpRequestOptions = {}): ManagementMethod {
    const subnetSize = options.subnetSize ?? DEFAULT_SUBNET_SIZE;
    if (!Number.isInteger(subnetSize) || subnetSize < 1 || subnetSize > MAX_SUBNET_SIZE) {
        throw new RangeError(`subnetSize must be an integer in 1..${MAX_SUBNET_SIZE}, got ${subnetSize}`);
    }
    const timeoutMs = options.timeoutMs ?? DEFAULT_HTTP_TIMEOUT_MS;
    if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > MAX_HTTP_TIMEOUT_MS) {
        throw new RangeError(`timeoutMs must be an integer in 1..${MAX_HTTP_TIMEOUT_MS}, got ${timeoutMs}`);
    }
    const fetchImpl = options.fetchImpl ?? nodeOutcallFetch;
    const allowHttpLoopback = options.allowHttpLoopback ?? true;
    const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    let nextId = 0;

    return async (ctx: ManagementContext, arg: Uint8Array): Promise<ManagementOutcome> => {
        // 1. Decode.
        let args: HttpRequestArgs;
        try {
            args = decodeHttpRequestArgs(arg);
        } catch (e) {
            return reject(RejectCode.CanisterReject, `Error decoding candid: ${(e as Error).message}`, 'IC0408', 0n);
        }
        // 2. Validate; nothing is charged for a request the replica refuses up front.
        const invalid = validateHttpRequest(args, ctx.caller);
        if (invalid) return reject(RejectCode.CanisterReject, invalid, 'IC0406', 0n);
        // 3. Fee.
        const fee = httpRequestFee({ requestBytes: requestSizeBytes(args), maxResponseBytes: args.maxResponseBytes, subnetSize });
        if (ctx.cyclesAttached < fee) {
            return reject(RejectCode.CanisterReject, `http_request request sent with ${ctx.cyclesAttached} cycles, but ${fee} cycles are required.`, 'IC0406', 0n);
        }
        // 4. URL and interception.
        const url = checkUrl(args.url, allowHttpLoopback);
        if (typeof url === 'string') return reject(RejectCode.SysFatal, url, '', fee);
        const id = nextId++;
        const isReplicated = args.isReplicated !== false;
        const maxResponseBytes = args.maxResponseBytes ?? MAX_HTTP_RESPONSE_BYTES;
        const request: OutcallHttpRequest = {
            url,
            method: args.method.toUpperCase() as OutcallHttpRequest['method'],
            headers: withUserAgent(args.headers),
            body: args.body,
            maxResponseBytes,
            timeoutMs
        };
        const pending: PendingOutcall = {
            id,
            canisterId: ctx.caller,
            url: args.url,
            method: request.method,
            headers: request.headers,
            body: args.body,
            isReplicated,
            maxResponseBytes
        };
        const decision = await ctx.interceptOutcall(pending);
        if (decision.action === 'reject') return reject(decision.rejectCode, decision.rejectMessage, '', fee);

        // 5. Every replica of the committee performs the request (or gets the intercepted answer).
        const committee = isReplicated ? subnetSize : 1;
        let results: OutcallHttpResult[];
        if (decision.action === 'pass') {
            results = await Promise.all(Array.from({ length: committee }, () => fetchImpl(request)));
        } else if (decision.action === 'hang') {
            await sleep(timeoutMs);
            results = Array.from({ length: committee }, timeoutError);
        } else {
            const one = interceptedResult(decision);
            results = Array.from({ length: committee }, () => one);
        }
        const outcomes: ReplicaOutcome[] = [];
        // Sequential: each transform is a query on the caller's wasm instance.
        for (const r of results) outcomes.push(await replicaOutcome(ctx, args.transform, r, maxResponseBytes));

        const agreed = reachConsensus(id, outcomes, committee);
        if (agreed.kind === 'diverged') return reject(agreed.rejectCode, agreed.message, '', fee);
        const o = agreed.outcome;
        return o.kind === 'reply' ? { kind: 'replied', reply: o.bytes, cyclesKept: fee } : reject(o.rejectCode, o.message, '', fee);
    };
}

function interceptedResult(decision: { action: 'http-response'; status: number; headers: HeaderEntry[]; body: Uint8Array } | { action: 'reply'; reply: Uint8Array }): OutcallHttpResult {
    if (decision.action === 'http-response') {
        return { kind: 'response', response: { status: BigInt(decision.status), headers: decision.headers, body: decision.body } };
    }
    try {
        return { kind: 'response', response: decodeHttpResponse(decision.reply) };
    } catch (e) {
        return { kind: 'error', rejectCode: RejectCode.SysFatal, message: `Interceptor reply is not an http_request_result: ${(e as Error).message}` };
    }
}
