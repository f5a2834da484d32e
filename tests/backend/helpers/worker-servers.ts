/**
 * Real HTTP worker servers on 127.0.0.1 for router tests, one per API format, answering with the stand-in
 * LLM canister's deterministic model (canisters/llm_standin/standin-answer.ts) prefixed with the server's
 * name, plus faults: slow (past the outcall timeout), garbage JSON, replicas disagreeing, HTTP 500, unhealthy.
 * `startGateway` runs the real worker gateway (src/worker) over the same model: it verifies the canister's
 * threshold-signed token and dedupes replicas by idempotency key.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { answer } from '../../../canisters/llm_standin/standin-answer';
import { decodeAnthropicRequest, encodeAnthropicResponse } from '../../../src/shared/chat/anthropic-server';
import { decodeOllamaRequest, encodeOllamaResponse } from '../../../src/shared/chat/ollama-server';
import { decodeOpenAiRequest, encodeOpenAiResponse } from '../../../src/shared/chat/openai-server';
import type { ChatError, ChatRequest, ChatResponse } from '../../../src/shared/chat/types';
import type { Result } from '../../../src/shared/result';
import { silentLogger } from '../../../src/worker/app/types';
import { createWorkerApp, serveWorker, type ChatRuntime, type WorkerApp } from '../../../src/worker/index';

export type Fault = 'none' | 'slow' | 'garbage' | 'disagree' | 'http500' | 'unhealthy';
export type ServerFormat = 'openai' | 'ollama' | 'anthropic';

export interface Recorded {
    readonly method: string;
    readonly path: string;
    readonly headers: IncomingMessage['headers'];
    readonly body: string;
}

export interface WorkerServer {
    readonly url: string;
    readonly seen: Recorded[];
    fault: Fault;
    slowMs: number;
    close(): Promise<void>;
}

/** The deterministic model with the server's name in front and token usage (chars / 4). */
export function modelAnswer(name: string, req: ChatRequest, salt = ''): ChatResponse {
    const a = answer(req);
    const content = a.message.content === null ? null : `[${name}${salt}] ${a.message.content}`;
    const chars = req.messages.reduce((n, m) => n + (m.content?.length ?? 0), 0);
    return { ...a, message: { ...a.message, content }, usage: { inputTokens: Math.ceil(chars / 4), outputTokens: Math.ceil((content?.length ?? 0) / 4) } };
}

const DECODE: Record<ServerFormat, (body: string) => Result<ChatRequest, ChatError>> = { openai: decodeOpenAiRequest, ollama: decodeOllamaRequest, anthropic: decodeAnthropicRequest };
const PATH: Record<ServerFormat, string> = { openai: '/v1/chat/completions', ollama: '/api/chat', anthropic: '/v1/messages' };

function encode(format: ServerFormat, resp: ChatResponse, n: number): unknown {
    // Per-response fields differ on every call, as real servers' do: the router's transform must drop them.
    const meta = { id: `resp-${n}-${Math.random().toString(36).slice(2)}`, model: 'm', created: Math.floor(Date.now() / 1000) + n };
    if (format === 'openai') return { ...encodeOpenAiResponse(resp, meta), system_fingerprint: `fp${n}`, timings: { predicted_ms: n } };
    if (format === 'ollama') return { ...encodeOllamaResponse(resp, { ...meta, createdAt: new Date(Date.now() + n).toISOString() }), total_duration: n * 1000 };
    return encodeAnthropicResponse(resp, meta);
}

async function readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
}

function listen(server: Server): Promise<string> {
    return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

function closer(server: Server): () => Promise<void> {
    return () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); });
}

export async function startFormatServer(format: ServerFormat, name: string): Promise<WorkerServer> {
    let n = 0;
    const state = { fault: 'none' as Fault, slowMs: 0 };
    const seen: Recorded[] = [];
    const server = createServer(async (req, res) => {
        const body = await readBody(req);
        seen.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
        n += 1;
        if (req.url === '/health') {
            res.writeHead(state.fault === 'unhealthy' ? 503 : 200, { 'content-type': 'application/json', date: new Date().toUTCString() }).end(`{"status":"ok","n":${n}}`);
            return;
        }
        if (state.fault === 'slow') await new Promise((r) => setTimeout(r, state.slowMs));
        if (req.url !== PATH[format]) return void res.writeHead(404).end('{"error":{"message":"not found"}}');
        if (state.fault === 'garbage') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"choices": [ this is not json');
        if (state.fault === 'http500') return void res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":{"message":"GPU fell over","type":"server_error"}}');
        const decoded = DECODE[format](body);
        if (!decoded.ok) return void res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: decoded.error.message } }));
        const resp = modelAnswer(name, decoded.value, state.fault === 'disagree' ? `#${n}` : '');
        res.writeHead(200, { 'content-type': 'application/json', date: new Date().toUTCString(), 'x-request-id': String(n) }).end(JSON.stringify(encode(format, resp, n)));
    });
    const url = await listen(server);
    return Object.assign(state, { url, seen, close: closer(server) }) as WorkerServer;
}

/** A URL where nothing listens (connection refused). */
export async function deadUrl(): Promise<string> {
    const server = createServer();
    const url = await listen(server);
    await closer(server)();
    return url;
}

/** The real worker gateway (src/worker) in front of the deterministic model, trusting `publicKey`. */
export async function startGateway(name: string, publicKey: Uint8Array, issuer: string, models: string[]): Promise<WorkerServer & { generations: () => number }> {
    let generations = 0;
    const state = { fault: 'none' as Fault, slowMs: 0 };
    const runtime: ChatRuntime = {
        info: { kind: 'openai', target: 'scripted', version: null },
        listModels: async () => models,
        chat: async (req) => {
            generations += 1;
            if (state.fault === 'slow') await new Promise((r) => setTimeout(r, state.slowMs));
            return modelAnswer(name, req);
        },
        close: async () => {}
    };
    const seen: Recorded[] = [];
    // The gateway's audience is the URL the canister registered; known only once listening, so set after.
    const audiences: string[] = [];
    const app = createWorkerApp({ runtime, auth: { publicKeys: [publicKey], audiences, issuers: [issuer] } });
    const running = await serveWorker({
        app: Object.assign(Object.create(app) as WorkerApp, { handle: async (r: Parameters<WorkerApp['handle']>[0]) => { seen.push({ method: r.method, path: r.path, headers: r.headers as IncomingMessage['headers'], body: '' }); return app.handle(r); } }),
        host: '127.0.0.1',
        port: 0,
        logger: silentLogger
    });
    audiences.push(running.url.replace(/\/+$/, ''));
    return Object.assign(state, { url: running.url.replace(/\/+$/, ''), seen, generations: () => generations, close: () => running.close(100) }) as WorkerServer & { generations: () => number };
}
