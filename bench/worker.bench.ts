/**
 * Worker gateway benchmarks (issue #6 item 6), all on 127.0.0.1:
 * - overhead: latency of POST /v1/chat through the gateway (token verify, body hash, dedupe, translation,
 *   canonical JSON) versus calling the same OpenAI-compatible upstream directly, p50/p99 at 1 and 32 concurrent.
 *   The upstream is a fixed-answer node:http server so the difference is the gateway, not the model.
 * - dedupe: K logical requests × 13 replica copies sent concurrently → upstream calls per client request.
 * - soak: steady load (8 concurrent clients, each logical request sent 13×) for `soakMs`, sampling RSS/heap.
 *   Default 10 s; `WORKER_BENCH_SOAK_MS=600000 npm run bench -- worker` gives the 10-minute soak.
 * Token signing happens before timing starts (the canister signs, not the client).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWorkerApp, openAiRuntime, serveWorker } from '../src/worker';
import { silentLogger } from '../src/worker/app/types';
import { canisterSigner, chatBody, AUDIENCE, ISSUER } from '../tests/worker/helpers/canister-signer';

export interface WorkerBenchOptions {
    soakMs?: number;
    requestsPerLevel?: number;
}

const UPSTREAM_ANSWER = JSON.stringify({
    id: 'chatcmpl-1', object: 'chat.completion', created: 1, model: 'm',
    choices: [{ index: 0, message: { role: 'assistant', content: 'The answer is 42.' }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 9, completion_tokens: 6, total_tokens: 15 }
});

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const round = (ms: number): number => Math.round(ms * 1000) / 1000;

async function listen(server: Server): Promise<string> {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Runs `total` calls with `concurrency` workers; returns sorted latencies in ms. */
async function load(concurrency: number, total: number, call: (i: number) => Promise<void>): Promise<number[]> {
    const latencies: number[] = [];
    let next = 0;
    await Promise.all(
        Array.from({ length: concurrency }, async () => {
            while (next < total) {
                const i = next++;
                const t0 = performance.now();
                await call(i);
                latencies.push(performance.now() - t0);
            }
        })
    );
    return latencies.sort((a, b) => a - b);
}

export async function run(options: WorkerBenchOptions = {}): Promise<unknown> {
    const soakMs = options.soakMs ?? Number(process.env.WORKER_BENCH_SOAK_MS ?? 10_000);
    const perLevel = options.requestsPerLevel ?? 2_000;
    let upstreamCalls = 0;
    const upstream = createServer((req, res) => {
        upstreamCalls++;
        req.resume();
        req.on('end', () => {
            res.setHeader('content-type', 'application/json');
            res.end(UPSTREAM_ANSWER);
        });
    });
    const upstreamUrl = await listen(upstream);
    const signer = canisterSigner();
    const app = createWorkerApp({
        runtime: openAiRuntime({ upstream: `${upstreamUrl}/v1`, fetch, maxResponseBytes: 2_000_000 }),
        auth: { publicKeys: [signer.publicKey], audiences: [AUDIENCE], issuers: [ISSUER] },
        limits: { MAX_CONCURRENT_PER_CANISTER: 64, MAX_QUEUED_PER_CANISTER: 1024 }
    });
    const worker = await serveWorker({ app, host: '127.0.0.1', port: 0, logger: silentLogger });
    const post = async (url: string, body: string, headers: Record<string, string>): Promise<void> => {
        const res = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`HTTP ${res.status} from ${url}`);
    };
    const body = chatBody('m', 'What is the answer?');
    const openAiBody = JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'What is the answer?' }], max_tokens: 12, temperature: 0, seed: 1, stream: false });
    let idk = 0;
    const tokens = (n: number): string[] => Array.from({ length: n }, () => signer.token(body, { idk: `b-${++idk}` }, Math.floor(Date.now() / 1000)));

    try {
        // 1. Overhead at 1 and 32 concurrent (warm-up first, so JIT and keep-alive sockets are ready).
        await load(8, 200, () => post(`${upstreamUrl}/v1/chat/completions`, openAiBody, {}));
        const warm = tokens(200);
        await load(8, 200, (i) => post(`${worker.url}/v1/chat`, body, { authorization: `Bearer ${warm[i]}` }));
        const overhead: Record<string, unknown> = {};
        for (const concurrency of [1, 32]) {
            const direct = await load(concurrency, perLevel, () => post(`${upstreamUrl}/v1/chat/completions`, openAiBody, {}));
            const signed = tokens(perLevel);
            const calls0 = upstreamCalls;
            const t0 = performance.now();
            const via = await load(concurrency, perLevel, (i) => post(`${worker.url}/v1/chat`, body, { authorization: `Bearer ${signed[i]}` }));
            const seconds = (performance.now() - t0) / 1000;
            overhead[`c${concurrency}`] = {
                requests: perLevel,
                direct_ms: { p50: round(percentile(direct, 50)), p99: round(percentile(direct, 99)) },
                gateway_ms: { p50: round(percentile(via, 50)), p99: round(percentile(via, 99)) },
                overhead_ms: { p50: round(percentile(via, 50) - percentile(direct, 50)), p99: round(percentile(via, 99) - percentile(direct, 99)) },
                gateway_rps: Math.round(perLevel / seconds),
                upstream_calls: upstreamCalls - calls0
            };
        }

        // 2. Dedupe ratio: 100 logical requests × 13 copies, all in flight together per request.
        const logical = 100;
        const replicas = 13;
        const calls0 = upstreamCalls;
        const dedupeTokens = tokens(logical);
        await load(logical, logical, async (i) => {
            await Promise.all(Array.from({ length: replicas }, () => post(`${worker.url}/v1/chat`, body, { authorization: `Bearer ${dedupeTokens[i]}` })));
        });
        const dedupe = { client_requests: logical * replicas, upstream_calls: upstreamCalls - calls0, ratio: (logical * replicas) / (upstreamCalls - calls0) };

        // 3. Soak: steady load, RSS sampled every second.
        const samples: Array<{ s: number; rss_mb: number; heap_mb: number; cache_entries: number }> = [];
        const mb = (n: number): number => Math.round((n / 1024 / 1024) * 10) / 10;
        const soakStart = performance.now();
        let done = 0;
        let errors = 0;
        const sampler = setInterval(() => {
            const m = process.memoryUsage();
            samples.push({ s: Math.round((performance.now() - soakStart) / 1000), rss_mb: mb(m.rss), heap_mb: mb(m.heapUsed), cache_entries: app.store.size.entries });
        }, 1000);
        await Promise.all(
            Array.from({ length: 8 }, async () => {
                while (performance.now() - soakStart < soakMs) {
                    const [token] = tokens(1);
                    try {
                        await Promise.all(Array.from({ length: replicas }, () => post(`${worker.url}/v1/chat`, body, { authorization: `Bearer ${token}` })));
                        done += replicas;
                    } catch {
                        errors++;
                    }
                }
            })
        );
        clearInterval(sampler);
        const rss = samples.map((s) => s.rss_mb);
        const soak = {
            duration_s: Math.round((performance.now() - soakStart) / 1000),
            client_requests: done,
            errors,
            rps: Math.round(done / ((performance.now() - soakStart) / 1000)),
            rss_mb: { first: rss[0], last: rss.at(-1), max: Math.max(...rss) },
            heap_mb_last: samples.at(-1)?.heap_mb,
            cache_entries_last: samples.at(-1)?.cache_entries,
            samples: samples.filter((_, i) => i % Math.max(1, Math.ceil(samples.length / 20)) === 0)
        };
        return { upstream: 'fixed-answer OpenAI-compatible node:http server on 127.0.0.1', overhead, dedupe, soak };
    } finally {
        await worker.close(1000);
        await new Promise<void>((r) => upstream.close(() => r()));
    }
}

export default run;
