/**
 * Measures a worker through its gateway API (`POST /v1/chat`), so the number is what the router gets.
 * Outcalls cannot stream, so time to first token is measured as the latency of a 1-token generation
 * (prompt processing + one decode step). For each concurrency level, `requests` rounds of:
 *   (a) maxTokens = 1 → ttft;   (b) maxTokens = M → total latency T with k output tokens;
 * prompt tokens/s = input tokens / ttft; generation tokens/s per stream = (k − 1) / (T − ttft);
 * aggregate generation tokens/s = all output tokens of (b) / wall time of the level.
 * Every request carries a fresh idempotency key so the gateway never answers from its cache.
 */
export interface BenchTarget {
    /** Gateway base URL. */
    url: string;
    model: string;
    /** Builds the Authorization token for a body (the operator's key must be one of the worker's --canister-key). */
    token(body: string, idk: string): string;
    fetch: typeof fetch;
    nowMs: () => number;
}

export interface BenchPlan {
    concurrencies: number[];
    requests: number;
    prompt: string;
    maxTokens: number;
}

export interface BenchLevel {
    concurrency: number;
    requests: number;
    errors: number;
    ttft_ms_p50: number | null;
    ttft_ms_p90: number | null;
    prompt_tokens: number | null;
    output_tokens_mean: number | null;
    prompt_tokens_per_s: number | null;
    generation_tokens_per_s_per_stream: number | null;
    generation_tokens_per_s_total: number | null;
}

const median = (xs: number[]): number | null => percentile(xs, 50);
function percentile(xs: number[], p: number): number | null {
    if (xs.length === 0) return null;
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
const r2 = (x: number | null): number | null => (x === null ? null : Math.round(x * 100) / 100);

let sequence = 0;

async function chatOnce(t: BenchTarget, prompt: string, maxTokens: number): Promise<{ ms: number; input: number; output: number }> {
    const body = JSON.stringify({ model: t.model, messages: [{ role: 'user', content: prompt }], params: { maxTokens, temperature: 0, seed: 1 } });
    const idk = `bench-${process.pid}-${Date.now()}-${++sequence}`;
    const start = t.nowMs();
    const res = await t.fetch(`${t.url.replace(/\/+$/, '')}/v1/chat`, { method: 'POST', headers: { authorization: `Bearer ${t.token(body, idk)}`, 'content-type': 'application/json' }, body });
    const text = await res.text();
    const ms = t.nowMs() - start;
    if (res.status !== 200) throw new Error(`worker answered HTTP ${res.status}: ${text.slice(0, 200)}`);
    const usage = (JSON.parse(text) as { usage: { inputTokens: number; outputTokens: number } | null }).usage;
    return { ms, input: usage?.inputTokens ?? 0, output: usage?.outputTokens ?? 0 };
}

export async function measureWorker(t: BenchTarget, plan: BenchPlan, onProgress: (done: number, total: number) => void = () => {}): Promise<BenchLevel[]> {
    const total = plan.concurrencies.reduce((a, c) => a + c * plan.requests * 2, 0);
    let done = 0;
    const levels: BenchLevel[] = [];
    for (const concurrency of plan.concurrencies) {
        const ttft: number[] = [];
        const perStream: number[] = [];
        const inputs: number[] = [];
        const outputs: number[] = [];
        let errors = 0;
        let genWallMs = 0;
        await Promise.all(
            Array.from({ length: concurrency }, async () => {
                for (let i = 0; i < plan.requests; i++) {
                    try {
                        const first = await chatOnce(t, plan.prompt, 1);
                        done++;
                        onProgress(done, total);
                        const full = await chatOnce(t, plan.prompt, plan.maxTokens);
                        done++;
                        onProgress(done, total);
                        ttft.push(first.ms);
                        inputs.push(first.input);
                        outputs.push(full.output);
                        if (full.output > 1 && full.ms > first.ms) perStream.push(((full.output - 1) * 1000) / (full.ms - first.ms));
                        genWallMs += full.ms;
                    } catch {
                        errors++;
                        done += 2;
                        onProgress(done, total);
                    }
                }
            })
        );
        const ttftP50 = median(ttft);
        const promptTokens = median(inputs);
        const outputSum = outputs.reduce((a, b) => a + b, 0);
        // Generation requests of all streams overlap, so the wall time of (b)s is their summed time / concurrency.
        const genWallS = genWallMs / concurrency / 1000;
        levels.push({
            concurrency,
            requests: concurrency * plan.requests,
            errors,
            ttft_ms_p50: r2(ttftP50),
            ttft_ms_p90: r2(percentile(ttft, 90)),
            prompt_tokens: promptTokens,
            output_tokens_mean: outputs.length ? r2(outputSum / outputs.length) : null,
            prompt_tokens_per_s: ttftP50 && promptTokens ? r2((promptTokens * 1000) / ttftP50) : null,
            generation_tokens_per_s_per_stream: r2(median(perStream)),
            generation_tokens_per_s_total: genWallS > 0 && outputSum > 0 ? r2(outputSum / genWallS) : null
        });
    }
    return levels;
}
