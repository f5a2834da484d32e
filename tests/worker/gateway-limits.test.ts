import { describe, it, expect, afterAll } from 'vitest';
import { createWorkerApp, openAiRuntime, serveWorker, type WorkerApp, type WorkerRequest } from '../../src/worker';
import { silentLogger } from '../../src/worker/app/types';
import { parseNvidiaSmi } from '../../src/worker/hardware/hardware-probe';
import { AUDIENCE, canisterSigner, chatBody, ISSUER } from './helpers/canister-signer';
import { startServer, type TestServer } from './helpers/http-servers';

const signer = canisterSigner();
const servers: TestServer[] = [];
afterAll(async () => {
    for (const s of servers) await s.close();
});

/** A real OpenAI-shaped upstream that answers after `delayMs`. */
async function upstream(delayMs = 0): Promise<TestServer> {
    const s = await startServer((_req, _b, res) => {
        setTimeout(() => res.end(JSON.stringify({ choices: [{ message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }] })), delayMs);
    });
    servers.push(s);
    return s;
}

function app(url: string, limits: Parameters<typeof createWorkerApp>[0]['limits'] = {}, exec?: Parameters<typeof createWorkerApp>[0]['exec']): WorkerApp {
    return createWorkerApp({ runtime: openAiRuntime({ upstream: `${url}/v1`, fetch, maxResponseBytes: 1e6 }), auth: { publicKeys: [signer.publicKey], audiences: [AUDIENCE], issuers: [ISSUER] }, limits, exec });
}

function chatRequest(idk: string, content = 'hi', headers: Record<string, string> = {}): WorkerRequest {
    const body = chatBody('m', content);
    const bytes = new TextEncoder().encode(body);
    return { method: 'POST', path: '/v1/chat', headers: { authorization: `Bearer ${signer.token(body, { idk })}`, ...headers }, body: (async function* () { yield bytes; })() };
}
const decode = (b: Uint8Array): any => JSON.parse(new TextDecoder().decode(b));

describe('gateway limits and routes', () => {
    it('rejects a body over the limit with 413, by Content-Length and by counted bytes', async () => {
        const s = await upstream();
        const a = app(s.url, { MAX_REQUEST_BODY_BYTES: 100 });
        const big = chatRequest('b1', 'x'.repeat(200));
        expect((await a.handle({ ...big, headers: { ...big.headers, 'content-length': '300' } })).status).toBe(413);
        const res = await a.handle(chatRequest('b2', 'x'.repeat(200))); // no Content-Length (chunked)
        expect(res.status).toBe(413);
        expect(decode(res.body).error.code).toBe('body_too_large');
        expect(s.requests).toBe(0);
    });

    it('limits concurrent generations per canister: excess waits, then 429 with Retry-After', async () => {
        const s = await upstream(300);
        const a = app(s.url, { MAX_CONCURRENT_PER_CANISTER: 1, MAX_QUEUED_PER_CANISTER: 1 });
        const results = await Promise.all(['c1', 'c2', 'c3'].map((k) => a.handle(chatRequest(k, k))));
        expect(results.map((r) => r.status).sort()).toEqual([200, 200, 429]);
        const rejected = results.find((r) => r.status === 429)!;
        expect(rejected.headers['retry-after']).toBe('1');
        expect(decode(rejected.body).error.code).toBe('too_many_requests');
        expect(s.requests).toBe(2);
    });

    it('answers 404 and 405 with coded errors', async () => {
        const a = app((await upstream()).url);
        const r404 = await a.handle({ method: 'GET', path: '/nope', headers: {}, body: null });
        expect([r404.status, decode(r404.body).error.code]).toEqual([404, 'not_found']);
        const r405 = await a.handle({ method: 'GET', path: '/v1/chat', headers: {}, body: null });
        expect([r405.status, decode(r405.body).error.code, r405.headers.allow]).toEqual([405, 'method_not_allowed', 'POST']);
    });

    it('/health reports models, queue, dedupe cache and hardware (GPU via nvidia-smi where present)', async () => {
        const smi = 'NVIDIA H100 80GB HBM3, 81559, 1024, 550.54.15\n';
        const a = app((await upstream()).url, {}, async (file) => (file === 'nvidia-smi' ? smi : null));
        // The upstream here answers /v1/models with a chat body, so the model list is unavailable → 503 degraded.
        const res = await a.handle({ method: 'GET', path: '/health', headers: {}, body: null });
        const h = decode(res.body);
        expect(res.status).toBe(503);
        expect(h.status).toBe('degraded');
        expect(h.hardware.gpus).toEqual([{ name: 'NVIDIA H100 80GB HBM3', memoryTotalMiB: 81559, memoryUsedMiB: 1024, driverVersion: '550.54.15' }]);
        expect(h.hardware.cpu.cores).toBeGreaterThan(0);
        expect(h.hardware.memory.totalBytes).toBeGreaterThan(0);
        expect(h.queue).toEqual({ running: 0, queued: 0 });
        expect(h.runtime).toMatchObject({ kind: 'openai' });
    });

    it('/health is 200 "ok" with the model list when the runtime answers; CPU-only without nvidia-smi', async () => {
        const s = await startServer((_req, _b, res) => void res.end(JSON.stringify({ data: [{ id: 'm' }] })));
        servers.push(s);
        const a = app(s.url, {}, async () => null);
        const h = decode((await a.handle({ method: 'GET', path: '/health', headers: {}, body: null })).body);
        expect(h).toMatchObject({ status: 'ok', models: ['m'], hardware: { gpus: [] } });
    });

    it('parses multi-GPU nvidia-smi output and skips malformed lines', () => {
        expect(parseNvidiaSmi('A, 1, 2, 3\nbroken line\nB, 4, 5, 6\n').map((g) => g.name)).toEqual(['A', 'B']);
    });

    it('/metrics exposes Prometheus families with request, dedupe and generation counts', async () => {
        const a = app((await upstream()).url);
        await a.handle(chatRequest('m1'));
        await a.handle(chatRequest('m1'));
        const res = await a.handle({ method: 'GET', path: '/metrics', headers: {}, body: null });
        const text = new TextDecoder().decode(res.body);
        expect(res.headers['content-type']).toMatch(/^text\/plain; version=0.0.4/);
        expect(text).toContain('# TYPE deai_worker_requests_total counter');
        expect(text).toContain('deai_worker_requests_total{route="chat",status="200"} 2');
        expect(text).toContain('deai_worker_dedupe_total{result="miss"} 1');
        expect(text).toContain('deai_worker_dedupe_total{result="hit"} 1');
        expect(text).toContain('deai_worker_generations_total{outcome="ok"} 1');
        expect(text).toMatch(/deai_worker_request_duration_seconds_bucket\{route="chat",le="\+Inf"\} 2/);
        expect(text).toMatch(/process_resident_memory_bytes \d+/);
    });
});

describe('graceful shutdown', () => {
    it('finishes in-flight requests, refuses new ones, then closes the listener', async () => {
        const s = await upstream(400);
        const a = app(s.url);
        const worker = await serveWorker({ app: a, host: '127.0.0.1', port: 0, logger: silentLogger });
        const body = chatBody('m', 'in flight');
        const inflight = fetch(`${worker.url}/v1/chat`, { method: 'POST', headers: { authorization: `Bearer ${signer.token(body, { idk: 'g1' })}` }, body });
        await new Promise((r) => setTimeout(r, 100));
        const closing = worker.close(5_000);
        const late = await a.handle(chatRequest('g2'));
        expect([late.status, decode(late.body).error.code]).toEqual([503, 'shutting_down']);
        expect((await inflight).status).toBe(200);
        await closing;
        await expect(fetch(`${worker.url}/health`)).rejects.toThrow();
    });

    it('aborts generations still running when the grace period ends', async () => {
        const s = await upstream(5_000);
        const a = app(s.url);
        const worker = await serveWorker({ app: a, host: '127.0.0.1', port: 0, logger: silentLogger });
        const pending = a.handle(chatRequest('g3'));
        await new Promise((r) => setTimeout(r, 50));
        await worker.close(200);
        const res = await pending;
        expect([res.status, decode(res.body).error.code]).toEqual([503, 'shutting_down']);
    });
});
