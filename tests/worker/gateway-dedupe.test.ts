import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createWorkerApp, serveWorker, type LlamaRuntime, type RunningWorker, type WorkerApp } from '../../src/worker';
import { silentLogger } from '../../src/worker/app/types';
import { normalizedJson, parseNormalizedResponse } from '../../src/shared/chat/normalize';
import { AUDIENCE, canisterSigner, chatBody, ISSUER } from './helpers/canister-signer';
import { tinyLlamaRuntime, TINY_MODEL_ID } from './helpers/tiny-model';

const REPLICAS = 13; // a 13-node subnet sends every replicated outcall 13 times (outcalls.md §1.7)

describe('gateway in front of real llama.cpp: replicated outcalls are deduplicated', () => {
    const signer = canisterSigner();
    let runtime: LlamaRuntime;
    let app: WorkerApp;
    let worker: RunningWorker;

    beforeAll(async () => {
        runtime = await tinyLlamaRuntime();
        app = createWorkerApp({ runtime, auth: { publicKeys: [signer.publicKey], audiences: [AUDIENCE], issuers: [ISSUER] } });
        worker = await serveWorker({ app, host: '127.0.0.1', port: 0, logger: silentLogger });
    });
    afterAll(async () => {
        await worker?.close(1000);
        await runtime?.close();
    });

    const post = (body: string, token: string, extraHeaders: Record<string, string> = {}) =>
        fetch(`${worker.url}/v1/chat`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...extraHeaders }, body });

    it('13 concurrent identical requests → one generation and 13 byte-identical bodies', async () => {
        const body = chatBody(TINY_MODEL_ID, 'Hello from 13 replicas');
        const token = signer.token(body, { idk: 'outcall-1' }); // the canister signs once; every replica sends the same token
        const before = runtime.generations;
        const responses = await Promise.all(Array.from({ length: REPLICAS }, () => post(body, token, { 'idempotency-key': 'outcall-1' })));
        const bodies = await Promise.all(responses.map(async (r) => Buffer.from(await r.arrayBuffer())));
        expect(responses.map((r) => r.status)).toEqual(Array(REPLICAS).fill(200));
        expect(runtime.generations - before).toBe(1);
        for (const b of bodies) expect(b.equals(bodies[0])).toBe(true);
        // Headers a replica sees must not differ either (no Date, same length).
        expect(new Set(responses.map((r) => `${r.headers.get('date')}|${r.headers.get('content-length')}`)).size).toBe(1);
        const parsed = JSON.parse(bodies[0].toString());
        expect(parsed).toMatchObject({ v: 1, finishReason: expect.stringMatching(/^(stop|length)$/), message: { toolCalls: [] } });
        expect(parsed.usage.outputTokens).toBeGreaterThan(0);
        expect(parsed.usage.outputTokens).toBeLessThanOrEqual(12);
        // The router's transform reads exactly this normalized form back, and re-normalizing gives the same bytes.
        const back = parseNormalizedResponse(bodies[0].toString());
        expect(back.ok).toBe(true);
        expect(normalizedJson(back)).toBe(bodies[0].toString());
        expect(app.metrics.dedupe.get({ result: 'miss' })).toBe(1);
        expect(app.metrics.dedupe.get({ result: 'coalesced' }) + app.metrics.dedupe.get({ result: 'hit' })).toBe(REPLICAS - 1);
    });

    it('a late copy after completion is replayed from the cache with the same bytes', async () => {
        const body = chatBody(TINY_MODEL_ID, 'late replica');
        const token = signer.token(body, { idk: 'outcall-2' });
        const first = Buffer.from(await (await post(body, token)).arrayBuffer());
        const before = runtime.generations;
        const late = await post(body, token);
        expect(late.status).toBe(200);
        expect(Buffer.from(await late.arrayBuffer()).equals(first)).toBe(true);
        expect(runtime.generations).toBe(before);
        expect(app.metrics.dedupe.get({ result: 'hit' })).toBeGreaterThanOrEqual(1);
    });

    it('the same idempotency key with a different body is a 409 conflict, not the other answer', async () => {
        const body = chatBody(TINY_MODEL_ID, 'first body');
        await post(body, signer.token(body, { idk: 'outcall-3' }));
        const other = chatBody(TINY_MODEL_ID, 'second body');
        const res = await post(other, signer.token(other, { idk: 'outcall-3' }));
        expect(res.status).toBe(409);
        expect(await res.json()).toEqual({ error: { code: 'idempotency_conflict', message: expect.any(String) } });
    });

    it('different keys generate separately; temperature 0 and a seed give the same text', async () => {
        const body = chatBody(TINY_MODEL_ID, 'determinism');
        const before = runtime.generations;
        const a = await (await post(body, signer.token(body, { idk: 'outcall-4a' }))).text();
        const b = await (await post(body, signer.token(body, { idk: 'outcall-4b' }))).text();
        expect(runtime.generations - before).toBe(2);
        expect(a).toBe(b);
    });

    it('an unknown model is a 400 with a clear message and is not cached', async () => {
        const body = chatBody('no-such-model', 'hi');
        const token = signer.token(body, { idk: 'outcall-5' });
        const misses = app.metrics.dedupe.get({ result: 'miss' });
        const res = await post(body, token);
        expect(res.status).toBe(400);
        expect(await res.json()).toMatchObject({ error: { code: 'unsupported_request', message: expect.stringContaining('serves "tiny"') } });
        expect((await post(body, token)).status).toBe(400);
        expect(app.metrics.dedupe.get({ result: 'miss' }) - misses).toBe(2); // errors are not replayed from the cache
    });
});
