/**
 * Router benchmarks on the devnet (13-node subnet, real backend wasm, real HTTP servers on 127.0.0.1):
 * - backend instructions per routed chat, by route, excluding the LLM (the stand-in LLM canister's own
 *   messages are not counted), split into the chat update, its callbacks and the outcall transforms;
 * - instructions per agent tool round (tool execution only, measured in the canister with performanceCounter);
 * - cycles per chat by route (outcall fee + signature, from the route report; execution cycles separately);
 * - end-to-end wall time through the canister versus calling the worker directly (devnet wall time, so it
 *   measures our overhead on this machine, not IC latency).
 */
import { performance } from 'node:perf_hooks';

import { contributorId, unwrap } from '../tests/backend/helpers';
import { addWorker, chatArgs, route, startRouterEnv, type RouterEnv } from '../tests/backend/helpers/router-env';
import { startFormatServer, startGateway } from '../tests/backend/helpers/worker-servers';

const N = 8;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function measure(env: RouterEnv, send: () => Promise<{ route: { cycles: bigint } }>) {
    const backend = env.canisterId.toText();
    const rows: { chat: number; callbacks: number; transforms: number; wall: number; outcallCycles: bigint; execCycles: bigint }[] = [];
    for (let i = 0; i < N; i++) {
        const events: { entryPoint: string; instructions: bigint; cyclesCharged: bigint }[] = [];
        const stop = env.devnet.onMessage((e) => { if (e.canisterId === backend) events.push(e); });
        const t0 = performance.now();
        const r = await send();
        const wall = performance.now() - t0;
        stop();
        const sum = (f: (e: string) => boolean) => Number(events.filter((e) => f(e.entryPoint)).reduce((a, e) => a + e.instructions, 0n));
        rows.push({
            chat: sum((e) => e.startsWith('canister_update')), callbacks: sum((e) => e.includes('callback')), transforms: sum((e) => e.includes('transform')),
            wall, outcallCycles: r.route.cycles, execCycles: events.reduce((a, e) => a + e.cyclesCharged, 0n)
        });
    }
    return {
        instructions_update_median: median(rows.map((r) => r.chat)),
        instructions_callbacks_median: median(rows.map((r) => r.callbacks)),
        instructions_transforms_all_replicas_median: median(rows.map((r) => r.transforms)),
        instructions_total_excluding_llm_median: median(rows.map((r) => r.chat + r.callbacks + r.transforms)),
        outcall_and_signature_cycles: rows[0]?.outcallCycles ?? 0n,
        execution_cycles_median: median(rows.map((r) => Number(r.execCycles))),
        wall_ms_median: Math.round(median(rows.map((r) => r.wall)) * 10) / 10
    };
}

async function direct(url: string, body: string): Promise<number> {
    const times: number[] = [];
    for (let i = 0; i < N; i++) {
        const t0 = performance.now();
        await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).text();
        times.push(performance.now() - t0);
    }
    return Math.round(median(times) * 100) / 100;
}

export async function run(): Promise<unknown> {
    const env = await startRouterEnv({ subnetSize: 13 });
    const openai = await startFormatServer('openai', 'bench');
    const key = await env.controller.worker_auth_public_key();
    const gw = await startGateway('gw', Uint8Array.from(key), env.canisterId.toText(), ['gw-model']);
    const replicated = await addWorker(env, { url: openai.url, format: 'openai', model: 'bench-model' });
    const single = await addWorker(env, { url: openai.url, format: 'openai', model: 'bench-model', mode: 'non_replicated' });
    await addWorker(env, { url: gw.url, format: 'deai', model: 'gw-model' });
    const user = env.contributor;
    unwrap(await env.controller.set_quota(contributorId.getPrincipal(), [{ requests_per_day: 100_000, tokens_per_day: 100_000_000n, cycles_per_day: 10n ** 16n, requests_per_minute: 100_000 }]));
    const msg = 'Summarize the trade-offs of running a 7B model on a 24 GB GPU in two sentences.';
    const results = {
        llm_canister: await measure(env, async () => unwrap(await user.chat(chatArgs(msg)))),
        worker_openai_replicated: await measure(env, async () => unwrap(await user.chat(chatArgs(msg, { model: ['bench-model'], route: route({ worker_id: replicated }) })))),
        worker_openai_non_replicated: await measure(env, async () => unwrap(await user.chat(chatArgs(msg, { model: ['bench-model'], route: route({ worker_id: single }) })))),
        worker_gateway_replicated: await measure(env, async () => unwrap(await user.chat(chatArgs(msg, { model: ['gw-model'] })))),
        direct_worker_http_ms_median: await direct(`${openai.url}/v1/chat/completions`, JSON.stringify({ model: 'bench-model', messages: [{ role: 'user', content: msg }], max_tokens: 512, stream: false }))
    };
    const question = 'Which GPU under $2,000 runs Gemma 3 27B at Q4 with 16k context?\nTOOL search_registry {"query":"gemma 3 27b"}\nTOOL recommend_hardware {"model_id":"gemma-3-27b-it","variant_id":"gemma-3-27b-it-gguf-q4_k_m","context_tokens":16384,"max_price_usd":2000}';
    const toolRounds: number[] = [];
    const agent = await measure(env, async () => {
        const r = unwrap(await user.ask_agent({ conversation_id: [], model: [], task: [], message: question, route: [] } as never));
        toolRounds.push(Number(r.rounds[0]?.tool_instructions ?? 0n));
        return r.reply;
    });
    await Promise.all([openai.close(), gw.close()]);
    env.devnet.close();
    return { subnet_size: 13, chats_per_route: N, ...results, agent_two_tool_calls_then_answer: { ...agent, tool_round_instructions_median: median(toolRounds) } };
}

export default run;
