import { afterEach, describe, expect, it } from 'vitest';
import { Principal } from '@dfinity/principal';
import { RejectCode } from '../../src/devnet/engine-api';
import { createHttpRequest, encodeHttpRequestArgs, httpRequestFee, type HttpRequestArgs } from '../../src/devnet/outcalls';
import { bytes, CANISTER, closedPort, decodeReply, ENOUGH_CYCLES, makeContext, startServer, text, type TestServer } from './outcalls.fixtures';

let servers: TestServer[] = [];
afterEach(async () => {
    await Promise.all(servers.map((s) => s.close()));
    servers = [];
});
async function server(...a: Parameters<typeof startServer>): Promise<TestServer> {
    const s = await startServer(...a);
    servers.push(s);
    return s;
}

const transformRef = (method = 'transform', context = new Uint8Array()): HttpRequestArgs['transform'] => ({ canisterId: CANISTER, method, context });
const dropHeaders = (r: { status: bigint; body: Uint8Array }) => ({ status: r.status, headers: [], body: r.body });

describe('http_request, replicated mode', () => {
    it('sends one identical request per replica and replies once they agree', async () => {
        const s = await server((_req, _i, res) => res.end('{"price":42}'));
        const httpRequest = createHttpRequest({ subnetSize: 13 });
        const args: Parameters<typeof encodeHttpRequestArgs>[0] = {
            url: `${s.url}/quote?x=1`,
            method: 'post',
            headers: [{ name: 'Idempotency-Key', value: 'k-1' }],
            body: bytes('{"q":1}'),
            maxResponseBytes: 10_000n,
            transform: transformRef()
        };
        const ctx = makeContext({ cycles: ENOUGH_CYCLES, transform: dropHeaders });
        const out = await httpRequest(ctx, encodeHttpRequestArgs(args));

        const r = decodeReply(out);
        expect(r.status).toBe(200n);
        expect(r.headers).toEqual([]);
        expect(text(r.body)).toBe('{"price":42}');
        expect(s.seen).toHaveLength(13);
        for (const req of s.seen) {
            expect(req.method).toBe('POST');
            expect(req.url).toBe('/quote?x=1');
            expect(req.headers['idempotency-key']).toBe('k-1');
            expect(req.headers['user-agent']).toBe('ic/1.0');
            expect(req.body.toString()).toBe('{"q":1}');
        }
        expect(ctx.transformCalls).toHaveLength(13);
        expect(ctx.transformCalls[0]).toEqual({ canisterId: CANISTER.toText(), method: 'transform' });
        const requestBytes = BigInt(args.url.length + 'Idempotency-Key'.length + 'k-1'.length + 7 + 'transform'.length);
        expect(out.cyclesKept).toBe(httpRequestFee({ requestBytes, maxResponseBytes: 10_000n, subnetSize: 13 }));
    });

    it('keeps the canister user-agent instead of adding ic/1.0', async () => {
        const s = await server((_req, _i, res) => res.end('ok'));
        const out = await createHttpRequest({ subnetSize: 4 })(
            makeContext({ cycles: ENOUGH_CYCLES, transform: dropHeaders }),
            encodeHttpRequestArgs({ url: s.url, method: 'get', headers: [{ name: 'User-Agent', value: 'atlas/1' }], transform: transformRef() })
        );
        expect(out.kind).toBe('replied');
        expect(s.seen.map((r) => r.headers['user-agent'])).toEqual(['atlas/1', 'atlas/1', 'atlas/1', 'atlas/1']);
    });

    it('rejects with SYS_TRANSIENT "No consensus" when every replica gets a different answer', async () => {
        const s = await server((_req, i, res) => res.end(`{"n":${i}}`));
        const out = await createHttpRequest({ subnetSize: 13 })(
            makeContext({ cycles: ENOUGH_CYCLES, transform: dropHeaders }),
            encodeHttpRequestArgs({ url: s.url, method: 'get', maxResponseBytes: 1000n, transform: transformRef() })
        );
        expect(out.kind).toBe('rejected');
        if (out.kind !== 'rejected') return;
        expect(out.rejectCode).toBe(RejectCode.SysTransient);
        expect(out.rejectMessage).toMatch(/^No consensus could be reached\. Replicas had different responses\. Details: request_id: \d+, hashes: \[[0-9a-f]{64}: 1\]/);
        expect(out.rejectMessage.match(/\[[0-9a-f]{64}: 1\]/g)).toHaveLength(13);
        expect(out.cyclesKept).toBeGreaterThan(0n);
    });

    it('agrees at 2f+1 = 9 of 13 identical answers and fails at 8', async () => {
        const run = async (sameCount: number) => {
            const s = await server((_req, i, res) => res.end(i < sameCount ? 'same' : `other-${i}`));
            return createHttpRequest({ subnetSize: 13 })(
                makeContext({ cycles: ENOUGH_CYCLES, transform: dropHeaders }),
                encodeHttpRequestArgs({ url: s.url, method: 'get', maxResponseBytes: 1000n, transform: transformRef() })
            );
        };
        expect(text(decodeReply(await run(9)).body)).toBe('same');
        const failed = await run(8);
        expect(failed.kind === 'rejected' && failed.rejectMessage).toMatch(/hashes: \[[0-9a-f]{64}: 8\], \[/);
    });

    it('needs the transform to strip a varying header before the replicas agree', async () => {
        const handler = (_req: unknown, i: number, res: import('node:http').ServerResponse) => {
            res.setHeader('x-request-id', `req-${i}`);
            res.end('stable body');
        };
        const s1 = await server(handler);
        const noTransform = await createHttpRequest({ subnetSize: 13 })(makeContext({ cycles: ENOUGH_CYCLES }), encodeHttpRequestArgs({ url: s1.url, method: 'get', maxResponseBytes: 2000n }));
        expect(noTransform.kind === 'rejected' && noTransform.rejectMessage).toMatch(/^No consensus could be reached/);

        const s2 = await server(handler);
        const stripped = await createHttpRequest({ subnetSize: 13 })(
            makeContext({ cycles: ENOUGH_CYCLES, transform: (r) => ({ ...r, headers: r.headers.filter((h) => h.name !== 'x-request-id') }) }),
            encodeHttpRequestArgs({ url: s2.url, method: 'get', maxResponseBytes: 2000n, transform: transformRef() })
        );
        const r = decodeReply(stripped);
        expect(text(r.body)).toBe('stable body');
        expect(r.headers.some((h) => h.name === 'x-request-id')).toBe(false);
    });

    it('rejects PUT, DELETE and PATCH without sending anything or charging', async () => {
        const s = await server((_req, _i, res) => res.end('x'));
        for (const method of ['put', 'delete', 'patch'] as const) {
            const out = await createHttpRequest()(makeContext({ cycles: ENOUGH_CYCLES }), encodeHttpRequestArgs({ url: s.url, method }));
            expect(out).toMatchObject({ kind: 'rejected', rejectCode: RejectCode.CanisterReject, errorCode: 'IC0406', cyclesKept: 0n });
            expect(out.kind === 'rejected' && out.rejectMessage).toContain('non-replicated');
        }
        expect(s.seen).toHaveLength(0);
    });
});

describe('http_request, non-replicated mode', () => {
    it('sends a single request and transforms its response once', async () => {
        const s = await server((req, _i, res) => res.end(`got ${req.method}`));
        const ctx = makeContext({ cycles: ENOUGH_CYCLES, transform: dropHeaders });
        const out = await createHttpRequest({ subnetSize: 13 })(
            ctx,
            encodeHttpRequestArgs({ url: s.url, method: 'get', isReplicated: false, maxResponseBytes: 500n, transform: transformRef() })
        );
        expect(text(decodeReply(out).body)).toBe('got GET');
        expect(s.seen).toHaveLength(1);
        expect(ctx.transformCalls).toHaveLength(1);
        // Pricing v1 does not depend on the mode.
        expect(out.cyclesKept).toBe(httpRequestFee({ requestBytes: BigInt(s.url.length + 'transform'.length), maxResponseBytes: 500n, subnetSize: 13 }));
    });

    it('sends HEAD and returns the headers without a body', async () => {
        const s = await server((_req, _i, res) => {
            res.setHeader('content-type', 'text/plain');
            res.end('ignored for HEAD');
        });
        const out = await createHttpRequest({ subnetSize: 4 })(
            makeContext({ cycles: ENOUGH_CYCLES, transform: (r) => ({ ...r, headers: r.headers.filter((h) => h.name === 'content-type') }) }),
            encodeHttpRequestArgs({ url: s.url, method: 'head', maxResponseBytes: 1000n, transform: transformRef() })
        );
        const r = decodeReply(out);
        expect(r.body.length).toBe(0);
        expect(r.headers).toEqual([{ name: 'content-type', value: 'text/plain' }]);
        expect(s.seen.map((q) => q.method)).toEqual(['HEAD', 'HEAD', 'HEAD', 'HEAD']);
    });

    it('allows PUT with a body', async () => {
        const s = await server((req, _i, res) => res.end(`stored ${req.body.toString()}`));
        const out = await createHttpRequest()(
            makeContext({ cycles: ENOUGH_CYCLES }),
            encodeHttpRequestArgs({ url: `${s.url}/item/1`, method: 'put', body: bytes('v1'), isReplicated: false, maxResponseBytes: 2000n })
        );
        expect(text(decodeReply(out).body)).toBe('stored v1');
        expect(s.seen.map((r) => r.method)).toEqual(['PUT']);
    });
});

describe('http_request failures', () => {
    it('rejects SYS_FATAL when the body exceeds max_response_bytes (headers count too)', async () => {
        const s = await server((_req, _i, res) => res.end('x'.repeat(5000)));
        const out = await createHttpRequest({ subnetSize: 4 })(makeContext({ cycles: ENOUGH_CYCLES }), encodeHttpRequestArgs({ url: s.url, method: 'get', maxResponseBytes: 4000n }));
        expect(out).toMatchObject({ kind: 'rejected', rejectCode: RejectCode.SysFatal, rejectMessage: 'Http body exceeds size limit of 4000 bytes.' });
        expect(out.cyclesKept).toBeGreaterThan(0n);
    });

    it('rejects SYS_FATAL when the headers alone exceed max_response_bytes', async () => {
        const s = await server((_req, _i, res) => {
            res.setHeader('x-big', 'y'.repeat(300));
            res.end('');
        });
        const out = await createHttpRequest({ subnetSize: 1 })(makeContext({ cycles: ENOUGH_CYCLES }), encodeHttpRequestArgs({ url: s.url, method: 'get', maxResponseBytes: 200n }));
        expect(out).toMatchObject({ kind: 'rejected', rejectCode: RejectCode.SysFatal, rejectMessage: 'Header size exceeds specified response size limit 200' });
    });

    it('checks the transformed response against max_response_bytes', async () => {
        const s = await server((_req, _i, res) => res.end('small'));
        const out = await createHttpRequest({ subnetSize: 1 })(
            makeContext({ cycles: ENOUGH_CYCLES, transform: (r) => ({ ...r, headers: [], body: new Uint8Array(3000) }) }),
            encodeHttpRequestArgs({ url: s.url, method: 'get', maxResponseBytes: 2000n, transform: transformRef() })
        );
        expect(out).toMatchObject({ kind: 'rejected', rejectCode: RejectCode.SysFatal, rejectMessage: 'Transformed http response exceeds limit: 2000' });
    });

    it('passes a transform reject through', async () => {
        const s = await server((_req, _i, res) => res.end('x'));
        const out = await createHttpRequest({ subnetSize: 4 })(
            makeContext({ cycles: ENOUGH_CYCLES, transform: () => ({ reject: 'bad upstream' }) }),
            encodeHttpRequestArgs({ url: s.url, method: 'get', maxResponseBytes: 2000n, transform: transformRef() })
        );
        expect(out).toMatchObject({ kind: 'rejected', rejectCode: RejectCode.CanisterReject, rejectMessage: 'bad upstream' });
    });

    it('times out with the adapter text when the server never answers', async () => {
        const s = await server(() => undefined);
        const started = Date.now();
        const out = await createHttpRequest({ subnetSize: 4, timeoutMs: 300 })(makeContext({ cycles: ENOUGH_CYCLES }), encodeHttpRequestArgs({ url: s.url, method: 'get', maxResponseBytes: 100n }));
        expect(out).toMatchObject({ kind: 'rejected', rejectCode: RejectCode.SysFatal, rejectMessage: 'Timeout expired' });
        expect(Date.now() - started).toBeGreaterThanOrEqual(290);
        expect(s.seen).toHaveLength(4);
    });

    it('rejects SYS_TRANSIENT when the connection is refused', async () => {
        const port = await closedPort();
        const out = await createHttpRequest({ subnetSize: 4 })(makeContext({ cycles: ENOUGH_CYCLES }), encodeHttpRequestArgs({ url: `http://127.0.0.1:${port}/`, method: 'get', maxResponseBytes: 100n }));
        expect(out.kind).toBe('rejected');
        if (out.kind !== 'rejected') return;
        expect(out.rejectCode).toBe(RejectCode.SysTransient);
        expect(out.rejectMessage).toMatch(/^Connecting to 127\.0\.0\.1 failed: Failed to directly connect: ECONNREFUSED/);
    });

    it('rejects SYS_TRANSIENT when the host does not resolve', async () => {
        const out = await createHttpRequest({ subnetSize: 4 })(makeContext({ cycles: ENOUGH_CYCLES }), encodeHttpRequestArgs({ url: 'https://does-not-exist.invalid/x', method: 'get', maxResponseBytes: 100n }));
        expect(out).toMatchObject({ kind: 'rejected', rejectCode: RejectCode.SysTransient });
        expect(out.kind === 'rejected' && out.rejectMessage).toMatch(/^Connecting to does-not-exist\.invalid failed: Failed to directly connect: (ENOTFOUND|EAI_AGAIN)/);
    });

    it('speaks TLS for https:// URLs (a plain-HTTP server fails the handshake)', async () => {
        const s = await server((_req, _i, res) => res.end('x'));
        const out = await createHttpRequest({ subnetSize: 1 })(makeContext({ cycles: ENOUGH_CYCLES }), encodeHttpRequestArgs({ url: `https://127.0.0.1:${s.port}/`, method: 'get', maxResponseBytes: 100n }));
        expect(out).toMatchObject({ kind: 'rejected', rejectCode: RejectCode.SysTransient });
        expect(out.kind === 'rejected' && out.rejectMessage).toMatch(/^Connecting to 127\.0\.0\.1 failed: /);
    });

    it('rejects SYS_TRANSIENT when the server drops the connection mid-body', async () => {
        const s = await server((_req, _i, res) => {
            res.writeHead(200, { 'content-length': '1000' });
            res.write('partial');
            setTimeout(() => res.socket?.destroy(), 20);
        });
        const out = await createHttpRequest({ subnetSize: 1, timeoutMs: 5_000 })(makeContext({ cycles: ENOUGH_CYCLES }), encodeHttpRequestArgs({ url: s.url, method: 'get', maxResponseBytes: 2000n }));
        expect(out).toMatchObject({ kind: 'rejected', rejectCode: RejectCode.SysTransient });
        expect(out.kind === 'rejected' && out.rejectMessage).toMatch(/^Failed to fetch body: /);
    });

    it('rejects too few cycles before sending anything and keeps none', async () => {
        const s = await server((_req, _i, res) => res.end('x'));
        const args = { url: s.url, method: 'get' as const, maxResponseBytes: 1000n };
        const fee = httpRequestFee({ requestBytes: BigInt(s.url.length), maxResponseBytes: 1000n, subnetSize: 13 });
        const out = await createHttpRequest()(makeContext({ cycles: fee - 1n }), encodeHttpRequestArgs(args));
        expect(out).toEqual({
            kind: 'rejected',
            rejectCode: RejectCode.CanisterReject,
            rejectMessage: `http_request request sent with ${fee - 1n} cycles, but ${fee} cycles are required.`,
            errorCode: 'IC0406',
            cyclesKept: 0n
        });
        expect(s.seen).toHaveLength(0);
        const exact = await createHttpRequest()(makeContext({ cycles: fee }), encodeHttpRequestArgs(args));
        expect(text(decodeReply(exact).body)).toBe('x'); // decodeReply reports the reject text if any
        expect(exact.cyclesKept).toBe(fee);
    });

    it('charges 2,000,000 reserved response bytes when max_response_bytes is unset', async () => {
        const s = await server((_req, _i, res) => res.end('x'));
        const out = await createHttpRequest({ subnetSize: 13 })(makeContext({ cycles: ENOUGH_CYCLES }), encodeHttpRequestArgs({ url: s.url, method: 'get' }));
        expect(out.cyclesKept).toBe(49_140_000n + 5_200n * BigInt(s.url.length) + 10_400n * 2_000_000n);
    });

    it('requires https for non-loopback hosts, and a parsable URL', async () => {
        const h = createHttpRequest({ fetchImpl: () => Promise.reject(new Error('network must not be used')) });
        const plain = await h(makeContext({ cycles: ENOUGH_CYCLES }), encodeHttpRequestArgs({ url: 'http://example.com/', method: 'get', maxResponseBytes: 10n }));
        expect(plain).toMatchObject({ kind: 'rejected', rejectCode: RejectCode.SysFatal, rejectMessage: 'Url need to specify https scheme' });
        const bad = await h(makeContext({ cycles: ENOUGH_CYCLES }), encodeHttpRequestArgs({ url: 'not a url', method: 'get', maxResponseBytes: 10n }));
        expect(bad.kind === 'rejected' && bad.rejectMessage).toMatch(/^Failed to parse URL: /);
    });
});

describe('http_request validation (IC0406, nothing charged)', () => {
    const call = (a: Parameters<typeof encodeHttpRequestArgs>[0], caller?: Principal) =>
        createHttpRequest({ fetchImpl: () => Promise.reject(new Error('network must not be used')) })(makeContext({ cycles: ENOUGH_CYCLES, caller }), encodeHttpRequestArgs(a));

    it.each([
        ['a URL over 8192 bytes', { url: 'https://a.io/' + 'a'.repeat(8180), method: 'get' as const }, 'url size 8193 exceeds 8192'],
        ['65 headers', { url: 'https://a.io', method: 'get' as const, headers: Array.from({ length: 65 }, (_, i) => ({ name: `h${i}`, value: 'v' })) }, 'number of all http headers 65 exceeds 64'],
        ['a header value over 8 KiB', { url: 'https://a.io', method: 'get' as const, headers: [{ name: 'x', value: 'v'.repeat(8193) }] }, 'number of bytes to represent some http header value 8193 exceeds 8192'],
        ['max_response_bytes over 2 MB', { url: 'https://a.io', method: 'get' as const, maxResponseBytes: 2_000_001n }, 'max_response_bytes expected to be in the range [0..2000000], got 2000001'],
        [
            'a request over 2 MB',
            { url: 'https://a.io', method: 'post' as const, headers: [{ name: 'a', value: 'b' }], body: new Uint8Array(2_000_000) },
            'total number of bytes to represent all http header names and values and http body 2000002 exceeds 2000000'
        ]
    ])('rejects %s', async (_name, args, message) => {
        const out = await call(args);
        expect(out).toEqual({ kind: 'rejected', rejectCode: RejectCode.CanisterReject, rejectMessage: message, errorCode: 'IC0406', cyclesKept: 0n });
    });

    it('rejects a transform that is not the caller\'s own method', async () => {
        const other = Principal.fromText('ryjl3-tyaaa-aaaaa-aaaba-cai');
        const out = await call({ url: 'https://a.io', method: 'get', transform: { canisterId: other, method: 'transform', context: new Uint8Array() } });
        expect(out).toMatchObject({ kind: 'rejected', rejectCode: RejectCode.CanisterReject, rejectMessage: `transform principal id expected to be ${CANISTER.toText()}, got ${other.toText()}` });
    });

    it('rejects undecodable arguments with IC0408', async () => {
        const out = await createHttpRequest()(makeContext({ cycles: ENOUGH_CYCLES }), new Uint8Array([0x44, 0x49, 0x44, 0x4c, 0, 1, 0x71, 0]));
        expect(out).toMatchObject({ kind: 'rejected', rejectCode: RejectCode.CanisterReject, errorCode: 'IC0408', cyclesKept: 0n });
        expect(out.kind === 'rejected' && out.rejectMessage).toMatch(/^Error decoding candid: /);
    });
});

describe('http_request interception', () => {
    it('uses an intercepted response for every replica, still transformed and size-checked', async () => {
        const ctx = makeContext({
            cycles: ENOUGH_CYCLES,
            transform: dropHeaders,
            intercept: () => ({ action: 'http-response', status: 201, headers: [{ name: 'date', value: 'now' }], body: bytes('faked') })
        });
        const out = await createHttpRequest({ fetchImpl: () => Promise.reject(new Error('network must not be used')) })(
            ctx,
            encodeHttpRequestArgs({ url: 'https://llm.example/v1/chat', method: 'post', body: bytes('{}'), maxResponseBytes: 100n, transform: transformRef() })
        );
        const r = decodeReply(out);
        expect(r.status).toBe(201n);
        expect(text(r.body)).toBe('faked');
        expect(ctx.transformCalls).toHaveLength(13);
        expect(ctx.intercepted).toHaveLength(1);
        expect(ctx.intercepted[0]).toMatchObject({ url: 'https://llm.example/v1/chat', method: 'POST', isReplicated: true, maxResponseBytes: 100n, canisterId: CANISTER });
        expect(ctx.intercepted[0]!.headers).toContainEqual({ name: 'user-agent', value: 'ic/1.0' });

        const tooBig = await createHttpRequest()(
            makeContext({ cycles: ENOUGH_CYCLES, intercept: () => ({ action: 'http-response', status: 200, headers: [], body: new Uint8Array(101) }) }),
            encodeHttpRequestArgs({ url: 'https://llm.example/', method: 'get', maxResponseBytes: 100n })
        );
        expect(tooBig).toMatchObject({ kind: 'rejected', rejectMessage: 'Http body exceeds size limit of 100 bytes.' });
    });

    it('rejects as told, and hangs until the timeout', async () => {
        const rejected = await createHttpRequest()(
            makeContext({ cycles: ENOUGH_CYCLES, intercept: () => ({ action: 'reject', rejectCode: RejectCode.SysTransient, rejectMessage: 'injected fault' }) }),
            encodeHttpRequestArgs({ url: 'https://llm.example/', method: 'get', maxResponseBytes: 100n })
        );
        expect(rejected).toMatchObject({ kind: 'rejected', rejectCode: RejectCode.SysTransient, rejectMessage: 'injected fault' });
        expect(rejected.cyclesKept).toBeGreaterThan(0n);

        const waits: number[] = [];
        const hung = await createHttpRequest({ timeoutMs: 12_345, sleep: async (ms) => void waits.push(ms) })(
            makeContext({ cycles: ENOUGH_CYCLES, intercept: () => ({ action: 'hang' }) }),
            encodeHttpRequestArgs({ url: 'https://llm.example/', method: 'get', maxResponseBytes: 100n })
        );
        expect(waits).toEqual([12_345]);
        expect(hung).toMatchObject({ kind: 'rejected', rejectCode: RejectCode.SysFatal, rejectMessage: 'Timeout expired' });
    });
});
