/**
 * Worker gateway benchmarks (issue #6 item 6), all on 127.0.0.1:
 * - overhead: latency of POST /v1/chat through the gateway (token verify, body hash, dedupe, translation,
 *   normalized JSON) versus calling the same OpenAI-compatible upstream directly, p50/p99 at 1 and 32 concurrent.
 *   The upstream answers a fixed body so the difference is the gateway, not the model.
 * - dedupe: 100 logical requests × 13 replica copies sent concurrently → client requests per upstream call.
 * - soak: steady load (8 clients, each logical request sent 13×) for `soakMs`, sampling the process RSS and the
 *   gateway's heap and cache. Default 10 s; `WORKER_BENCH_SOAK_MS=600000 npm run bench -- worker` is the 10-minute soak.
 * The upstream, the gateway and the load generator each run on their own thread (event loop), as separate
 * processes would. Token signing happens before timing (the canister signs, not the client).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getHeapStatistics } from 'node:v8';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { createWorkerApp, openAiRuntime, serveWorker } from '../src/worker';
import { silentLogger } from '../src/worker/app/types';
import { AUDIENCE, canisterSigner, chatBody, ISSUER } from '../tests/worker/helpers/canister-signer';

export interface WorkerBenchOptions {
    soakMs?: number;
    requestsPerLevel?: number;
}

const ROLE = 'deai-worker-bench';
const UPSTREAM_ANSWER = JSON.stringify({
    id: 'chatcmpl-1', object: 'chat.completion', created: 1, model: 'm',
    choices: [{ index: 0, message: { role: 'assistant', content: 'The answer is 42.' }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 9, completion_tokens: 6, total_tokens: 15 }
});

type ThreadData = { role: typeof ROLE; kind: 'upstream'; calls: SharedArrayBuffer } | { role: typeof ROLE; kind: 'gateway'; upstreamUrl: string; publicKeyHex: string };

/** Thread side: the upstream server or the gateway; answers 'stats' messages with its heap and cache. */
async function threadMain(data: ThreadData): Promise<void> {
    if (data.kind === 'upstream') {
        const calls = new Int32Array(data.calls);
        const server = createServer((req, res) => {
            Atomics.add(calls, 0, 1);
            req.resume();
            req.on('end', () => {
                res.setHeader('content-type', 'application/json');
                res.end(UPSTREAM_ANSWER);
            });
        });
        // Long keep-alive: the load generator pauses between phases, and a socket the server closes while the
        // client reuses it fails with "other side closed".
        server.keepAliveTimeout = 120_000;
        await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
        parentPort!.postMessage({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
        return;
    }
    const app = createWorkerApp({
        runtime: openAiRuntime({ upstream: `${data.upstreamUrl}/v1`, fetch, maxResponseBytes: 2_000_000 }),
        auth: { publicKeys: [Uint8Array.from(Buffer.from(data.publicKeyHex, 'hex'))], audiences: [AUDIENCE], issuers: [ISSUER] },
        limits: { MAX_CONCURRENT_PER_CANISTER: 64, MAX_QUEUED_PER_CANISTER: 1024 }
    });
    const worker = await serveWorker({ app, host: '127.0.0.1', port: 0, logger: silentLogger, keepAliveTimeoutMs: 120_000 });
    parentPort!.on('message', () => parentPort!.postMessage({ heapUsed: getHeapStatistics().used_heap_size, dedupe: app.store.size }));
    parentPort!.postMessage({ url: worker.url });
}

if (!isMainThread && (workerData as ThreadData | undefined)?.role === ROLE) void threadMain(workerData as ThreadData);

/** Starts this file on a thread (tsx is registered first, since threads do not inherit the TS loader). */
function startThread(data: ThreadData): Promise<{ worker: Worker; url: string }> {
    const src = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); })`;
    const worker = new Worker(src, { eval: true, workerData: data });
    return new Promise((resolve, reject) => {
        worker.once('message', (m: { url: string }) => resolve({ worker, url: m.url }));
        worker.once('error', reject);
    });
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const round = (ms: number): number => Math.round(ms * 1000) / 1000;
const mb = (n: number): number => Math.round((n / 1024 / 1024) * 10) / 10;

/** Runs `total` calls with `concurrency` clients; returns sorted latencies in ms. */
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
    const calls = new Int32Array(new SharedArrayBuffer(4));
    const upstreamCalls = (): number => Atomics.load(calls, 0);
    const signer = canisterSigner();
    const upstream = await startThread({ role: ROLE, kind: 'upstream', calls: calls.buffer as SharedArrayBuffer });
    const gateway = await startThread({ role: ROLE, kind: 'gateway', upstreamUrl: upstream.url, publicKeyHex: signer.publicKeyHex });
    const gatewayStats = (): Promise<{ heapUsed: number; dedupe: { entries: number; bytes: number } }> =>
        new Promise((resolve) => {
            gateway.worker.once('message', resolve);
            gateway.worker.postMessage('stats');
        });
    const post = async (url: string, body: string, headers: Record<string, string>): Promise<void> => {
        const res = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`HTTP ${res.status} from ${url}`);
    };
    const body = chatBody('m', 'What is the answer?');
    const openAiBody = JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'What is the answer?' }], max_tokens: 12, temperature: 0, seed: 1, stream: false });
    let idk = 0;
    const tokens = (n: number): string[] => Array.from({ length: n }, () => signer.token(body, { idk: `b-${++idk}` }));

    try {
        // 1. Overhead at 1 and 32 concurrent (after a warm-up, so JIT and keep-alive sockets are ready).
        await load(8, 300, () => post(`${upstream.url}/v1/chat/completions`, openAiBody, {}));
        const warm = tokens(300);
        await load(8, 300, (i) => post(`${gateway.url}/v1/chat`, body, { authorization: `Bearer ${warm[i]}` }));
        const overhead: Record<string, unknown> = {};
        for (const concurrency of [1, 32]) {
            const direct = await load(concurrency, perLevel, () => post(`${upstream.url}/v1/chat/completions`, openAiBody, {}));
            const signed = tokens(perLevel);
            const calls0 = upstreamCalls();
            const t0 = performance.now();
            const via = await load(concurrency, perLevel, (i) => post(`${gateway.url}/v1/chat`, body, { authorization: `Bearer ${signed[i]}` }));
            const seconds = (performance.now() - t0) / 1000;
            overhead[`c${concurrency}`] = {
                requests: perLevel,
                direct_ms: { p50: round(percentile(direct, 50)), p99: round(percentile(direct, 99)) },
                gateway_ms: { p50: round(percentile(via, 50)), p99: round(percentile(via, 99)) },
                overhead_ms: { p50: round(percentile(via, 50) - percentile(direct, 50)), p99: round(percentile(via, 99) - percentile(direct, 99)) },
                gateway_rps: Math.round(perLevel / seconds),
                upstream_calls: upstreamCalls() - calls0
            };
        }

        // 2. Dedupe ratio: 100 logical requests × 13 copies, the copies of one request in flight together.
        const logical = 100;
        const replicas = 13;
        const dedupeCalls0 = upstreamCalls();
        const dedupeTokens = tokens(logical);
        await load(logical, logical, async (i) => {
            await Promise.all(Array.from({ length: replicas }, () => post(`${gateway.url}/v1/chat`, body, { authorization: `Bearer ${dedupeTokens[i]}` })));
        });
        const generations = upstreamCalls() - dedupeCalls0;
        const dedupe = { client_requests: logical * replicas, upstream_calls: generations, ratio: (logical * replicas) / generations };

        // 3. Soak: steady load; process RSS (all threads) and the gateway thread's heap and cache, every second.
        const samples: Array<{ s: number; rss_mb: number; gateway_heap_mb: number; cache_entries: number }> = [];
        const soakStart = performance.now();
        let done = 0;
        let errors = 0;
        const sampler = setInterval(() => {
            void gatewayStats().then((g) =>
                samples.push({ s: Math.round((performance.now() - soakStart) / 1000), rss_mb: mb(process.memoryUsage.rss()), gateway_heap_mb: mb(g.heapUsed), cache_entries: g.dedupe.entries })
            );
        }, 1000);
        await Promise.all(
            Array.from({ length: 8 }, async () => {
                while (performance.now() - soakStart < soakMs) {
                    const [token] = tokens(1);
                    try {
                        await Promise.all(Array.from({ length: replicas }, () => post(`${gateway.url}/v1/chat`, body, { authorization: `Bearer ${token}` })));
                        done += replicas;
                    } catch {
                        errors++;
                    }
                }
            })
        );
        clearInterval(sampler);
        const elapsedS = (performance.now() - soakStart) / 1000;
        const rss = samples.map((x) => x.rss_mb);
        const heap = samples.map((x) => x.gateway_heap_mb);
        const soak = {
            duration_s: Math.round(elapsedS),
            client_requests: done,
            errors,
            rps: Math.round(done / elapsedS),
            rss_mb: { first: rss[0], last: rss.at(-1), max: Math.max(...rss) },
            gateway_heap_mb: { first: heap[0], last: heap.at(-1), max: Math.max(...heap) },
            cache_entries_last: samples.at(-1)?.cache_entries,
            samples: samples.filter((_, i) => i % Math.max(1, Math.ceil(samples.length / 20)) === 0)
        };
        return { upstream: 'fixed-answer OpenAI-compatible node:http server on 127.0.0.1 (own thread)', overhead, dedupe, soak };
    } finally {
        await gateway.worker.terminate();
        await upstream.worker.terminate();
    }
}

export default run;
