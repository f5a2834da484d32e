/**
 * Fixtures for the outcall tests: real `node:http` servers on 127.0.0.1 and a ManagementContext whose
 * `runTransform` runs a real JS transform over the Candid-encoded TransformArgs (the wasm-level tests come
 * with the engine).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { IDL } from '@dfinity/candid';
import { Principal } from '@dfinity/principal';
import { RejectCode, type CallOutcome, type InterceptDecision, type ManagementContext, type ManagementOutcome, type PendingOutcall } from '../../src/devnet/engine-api';
import { HttpRequestResult, TransformArgs, type HttpResponse } from '../../src/devnet/outcalls';

export interface SeenRequest {
    method: string;
    url: string;
    headers: http.IncomingHttpHeaders;
    body: Buffer;
}

export interface TestServer {
    url: string;
    port: number;
    seen: SeenRequest[];
    close(): Promise<void>;
}

type Handler = (req: SeenRequest, index: number, res: http.ServerResponse) => void;

export async function startServer(handler: Handler): Promise<TestServer> {
    const seen: SeenRequest[] = [];
    const server = http.createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
            const r: SeenRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) };
            seen.push(r);
            // A Date header would make replicas disagree whenever their requests straddle a second boundary
            // (as on the IC); tests that want varying headers set them explicitly.
            res.sendDate = false;
            handler(r, seen.length - 1, res);
        });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    return {
        url: `http://127.0.0.1:${port}`,
        port,
        seen,
        close: () =>
            new Promise<void>((resolve) => {
                server.closeAllConnections();
                server.close(() => resolve());
            })
    };
}

/** A port nothing listens on: bind, read the port, close. */
export async function closedPort(): Promise<number> {
    const s = http.createServer();
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    const port = (s.address() as AddressInfo).port;
    await new Promise<void>((r) => s.close(() => r()));
    return port;
}

export type JsTransform = (response: HttpResponse, context: Uint8Array) => HttpResponse | { reject: string };

export const CANISTER = Principal.fromText('rrkah-fqaaa-aaaaa-aaaaq-cai');

export interface TestContext extends ManagementContext {
    transformCalls: { canisterId: string; method: string }[];
    intercepted: PendingOutcall[];
}

/** A ManagementContext for `caller`, with one JS transform exported under `transformName`. */
export function makeContext(p: {
    cycles: bigint;
    caller?: Principal;
    transformName?: string;
    transform?: JsTransform;
    intercept?: (o: PendingOutcall) => InterceptDecision;
}): TestContext {
    const transformCalls: TestContext['transformCalls'] = [];
    const intercepted: PendingOutcall[] = [];
    const caller = p.caller ?? CANISTER;
    return {
        caller,
        cyclesAttached: p.cycles,
        now: () => 1_700_000_000_000_000_000n,
        transformCalls,
        intercepted,
        async runTransform(canisterId, method, arg): Promise<CallOutcome> {
            transformCalls.push({ canisterId: canisterId.toText(), method });
            if (!p.transform || method !== (p.transformName ?? 'transform') || canisterId.toText() !== caller.toText()) {
                return { kind: 'rejected', rejectCode: RejectCode.CanisterError, rejectMessage: `Canister ${canisterId.toText()} has no query method '${method}'`, errorCode: 'IC0536' };
            }
            const [a] = IDL.decode([TransformArgs], arg) as unknown as [{ response: HttpResponse; context: Uint8Array }];
            const out = p.transform({ ...a.response, body: Uint8Array.from(a.response.body) }, Uint8Array.from(a.context));
            if ('reject' in out) return { kind: 'rejected', rejectCode: RejectCode.CanisterReject, rejectMessage: out.reject, errorCode: 'IC0406' };
            return { kind: 'replied', reply: new Uint8Array(IDL.encode([HttpRequestResult], [out])) };
        },
        async interceptOutcall(o) {
            intercepted.push(o);
            return p.intercept ? p.intercept(o) : { action: 'pass' };
        }
    };
}

export function decodeReply(outcome: ManagementOutcome): HttpResponse {
    if (outcome.kind !== 'replied') throw new Error(`expected a reply, got reject ${outcome.rejectCode}: ${outcome.rejectMessage}`);
    const [r] = IDL.decode([HttpRequestResult], outcome.reply) as unknown as [HttpResponse];
    return { status: r.status, headers: r.headers, body: Uint8Array.from(r.body) };
}

export const text = (b: Uint8Array): string => Buffer.from(b).toString('utf8');
export const bytes = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));
export const ENOUGH_CYCLES = 100_000_000_000n;
