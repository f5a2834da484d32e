/**
 * A stand-in for vLLM / llama-server / Ollama in the operator walkthrough (docs/worker-operator.md), where no such
 * server can be installed: a real HTTP server on 127.0.0.1 that runs real llama.cpp (node-llama-cpp) on a GGUF file
 * and speaks both upstream wire formats the worker gateway supports — OpenAI (`/v1/models`,
 * `/v1/chat/completions`, with per-response id/created/system_fingerprint as real servers send) and Ollama
 * (`/api/tags`, `/api/chat`).
 *
 *   npx tsx tests/backend/helpers/worker-e2e-upstream.ts --gguf tiny.gguf [--port 8000]
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';

import { decodeOllamaRequest, encodeOllamaResponse } from '../../../src/shared/chat/ollama-server';
import { decodeOpenAiRequest, encodeOpenAiResponse } from '../../../src/shared/chat/openai-server';
import { createLlamaRuntime } from '../../../src/worker';

const DEFAULT_PORT = 8000;
const MAX_BODY_BYTES = 2_000_000;

async function readBody(req: IncomingMessage): Promise<string | null> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of req) {
        size += (c as Buffer).length;
        if (size > MAX_BODY_BYTES) return null;
        chunks.push(c as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
}

const send = (res: ServerResponse, status: number, body: unknown): void => void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

async function main(): Promise<void> {
    const { values: v } = parseArgs({ options: { gguf: { type: 'string' }, port: { type: 'string' } } });
    if (v.gguf === undefined) throw new Error('--gguf <file> is required');
    const port = Number(v.port ?? DEFAULT_PORT);
    const model = basename(v.gguf).replace(/\.gguf$/i, '');
    const runtime = await createLlamaRuntime({ modelPath: v.gguf, template: 'chatml', threads: 1, contextSize: 512, parallel: 2, gpu: false });
    let n = 0;
    const server = createServer(async (req, res) => {
        const body = await readBody(req);
        if (body === null) return send(res, 413, { error: { message: 'body too large' } });
        if (req.method === 'GET' && req.url === '/v1/models') return send(res, 200, { object: 'list', data: [{ id: model, object: 'model' }] });
        if (req.method === 'GET' && req.url === '/api/tags') return send(res, 200, { models: [{ name: model }] });
        const openai = req.url === '/v1/chat/completions';
        if (req.method !== 'POST' || (!openai && req.url !== '/api/chat')) return send(res, 404, { error: { message: `no route ${req.method} ${req.url}` } });
        const decoded = openai ? decodeOpenAiRequest(body) : decodeOllamaRequest(body);
        if (!decoded.ok) return send(res, 400, { error: { message: decoded.error.message } });
        try {
            const out = await runtime.chat(decoded.value, AbortSignal.timeout(60_000));
            n += 1;
            const meta = { id: `chatcmpl-${n}`, model, created: Math.floor(Date.now() / 1000) };
            send(res, 200, openai ? { ...encodeOpenAiResponse(out, meta), system_fingerprint: `fp_${n}` } : encodeOllamaResponse(out, { ...meta, createdAt: new Date().toISOString() }));
        } catch (e) {
            send(res, 500, { error: { message: e instanceof Error ? e.message : String(e) } });
        }
    });
    await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
    console.log(`upstream ${model}: OpenAI http://127.0.0.1:${port}/v1, Ollama http://127.0.0.1:${port}`);
    const stop = (): void => {
        server.close();
        void runtime.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
});
