import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createWorkerApp, ollamaRuntime, openAiRuntime, type ChatRuntime, type LlamaRuntime, type WorkerApp } from '../../src/worker';
import { AUDIENCE, canisterSigner, chatBody, ISSUER } from './helpers/canister-signer';
import { closedPort, startServer, type TestServer } from './helpers/http-servers';
import { ollamaLlamaServer, openAiLlamaServer } from './helpers/runtime-servers';
import { tinyLlamaRuntime, TINY_MODEL_ID } from './helpers/tiny-model';

const signer = canisterSigner();
let idk = 0;

function gateway(runtime: ChatRuntime, timeoutMs = 5_000): WorkerApp {
    return createWorkerApp({ runtime, auth: { publicKeys: [signer.publicKey], audiences: [AUDIENCE], issuers: [ISSUER] }, limits: { GENERATION_TIMEOUT_MS: timeoutMs } });
}

async function chat(app: WorkerApp, body = chatBody(TINY_MODEL_ID, 'hello')): Promise<{ status: number; json: any; text: string }> {
    const bytes = new TextEncoder().encode(body);
    const res = await app.handle({
        method: 'POST',
        path: '/v1/chat',
        headers: { authorization: `Bearer ${signer.token(body, { idk: `u-${++idk}` })}` },
        body: (async function* () { yield bytes; })()
    });
    const text = new TextDecoder().decode(res.body);
    return { status: res.status, json: JSON.parse(text), text };
}

describe('gateway in front of OpenAI-compatible and Ollama servers running real llama.cpp', () => {
    let llama: LlamaRuntime;
    let openAiServer: TestServer;
    let ollamaServer: TestServer;
    beforeAll(async () => {
        llama = await tinyLlamaRuntime();
        openAiServer = await openAiLlamaServer(llama);
        ollamaServer = await ollamaLlamaServer(llama);
    });
    afterAll(async () => {
        await openAiServer?.close();
        await ollamaServer?.close();
        await llama?.close();
    });

    it('all three runtimes give the same canonical answer for the same request (per-response fields stripped)', async () => {
        const direct = await chat(gateway(llama));
        const viaOpenAi = await chat(gateway(openAiRuntime({ upstream: `${openAiServer.url}/v1`, fetch, maxResponseBytes: 1e6 })));
        const viaOllama = await chat(gateway(ollamaRuntime({ upstream: ollamaServer.url, fetch, maxResponseBytes: 1e6 })));
        expect(direct.status).toBe(200);
        expect(viaOpenAi.text).toBe(direct.text);
        expect(viaOllama.text).toBe(direct.text);
        expect(direct.text).not.toMatch(/chatcmpl|created|fingerprint|timings|duration/);
    });

    it('lists the upstream models on /v1/models', async () => {
        const app = gateway(openAiRuntime({ upstream: `${openAiServer.url}/v1`, fetch, maxResponseBytes: 1e6 }));
        const res = await app.handle({ method: 'GET', path: '/v1/models', headers: {}, body: null });
        expect(JSON.parse(new TextDecoder().decode(res.body))).toEqual({ object: 'list', data: [{ id: 'tiny', object: 'model' }] });
    });
});

describe('upstream failures become clear coded errors', () => {
    const servers: TestServer[] = [];
    const serve = async (handler: Parameters<typeof startServer>[0]) => {
        const s = await startServer(handler);
        servers.push(s);
        return openAiRuntime({ upstream: `${s.url}/v1`, fetch, maxResponseBytes: 1000 });
    };
    afterAll(async () => {
        for (const s of servers) await s.close();
    });

    it('upstream down → 502 upstream_unreachable naming the address', async () => {
        const port = await closedPort();
        const r = await chat(gateway(openAiRuntime({ upstream: `http://127.0.0.1:${port}/v1`, fetch, maxResponseBytes: 1000 })));
        expect(r.status).toBe(502);
        expect(r.json.error).toEqual({ code: 'upstream_unreachable', message: expect.stringContaining(`127.0.0.1:${port}`) });
    });

    it('upstream slow → 504 upstream_timeout at the deadline, and the upstream request is aborted', async () => {
        let aborted = false;
        const runtime = await serve((req, _b, res) => {
            req.socket.on('close', () => (aborted = true));
            setTimeout(() => res.end('{}'), 5_000).unref();
        });
        const started = Date.now();
        const r = await chat(gateway(runtime, 300));
        expect(r.status).toBe(504);
        expect(r.json.error.code).toBe('upstream_timeout');
        expect(Date.now() - started).toBeLessThan(2_000);
        await new Promise((res) => setTimeout(res, 100));
        expect(aborted).toBe(true);
    });

    it('upstream garbage → 502 upstream_bad_response with a preview of what came back', async () => {
        const runtime = await serve((_req, _b, res) => void res.end('<html>502 Bad Gateway</html>'));
        const r = await chat(gateway(runtime));
        expect(r.status).toBe(502);
        expect(r.json.error.code).toBe('upstream_bad_response');
        expect(r.json.error.message).toContain('<html>');
    });

    it('upstream JSON of the wrong shape → 502 upstream_bad_response naming the path', async () => {
        const runtime = await serve((_req, _b, res) => void res.end(JSON.stringify({ choices: [] })));
        const r = await chat(gateway(runtime));
        expect(r.json.error).toEqual({ code: 'upstream_bad_response', message: expect.stringContaining('$.choices') });
    });

    it('upstream error object → 502 upstream_error carrying the server message', async () => {
        const runtime = await serve((_req, _b, res) => {
            res.statusCode = 404;
            res.end(JSON.stringify({ error: { message: 'model "tiny" not found', type: 'invalid_request_error' } }));
        });
        const r = await chat(gateway(runtime));
        expect(r.status).toBe(502);
        expect(r.json.error).toEqual({ code: 'upstream_error', message: expect.stringContaining('model "tiny" not found') });
    });

    it('oversized upstream answer → 502 upstream_bad_response', async () => {
        const runtime = await serve((_req, _b, res) => void res.end('x'.repeat(5000)));
        const r = await chat(gateway(runtime));
        expect(r.json.error).toEqual({ code: 'upstream_bad_response', message: expect.stringContaining('exceeds 1000 bytes') });
    });

    it('an upstream that drops the connection → 502 upstream_unreachable', async () => {
        const runtime = await serve((req) => void req.socket.destroy());
        const r = await chat(gateway(runtime));
        expect(r.status).toBe(502);
        expect(r.json.error.code).toBe('upstream_unreachable');
    });
});
