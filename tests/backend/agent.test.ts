/**
 * The IC-hosted agent through the real wasm: a bounded tool-call loop whose tools run inside the canister
 * over the registry, answering from registry data with the records cited; through the LLM canister
 * (stand-in) and through a worker, with every round routed and accounted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { errCode, unwrap } from './helpers';
import { addWorker, startRouterEnv, tagOf, type RouterEnv } from './helpers/router-env';
import { startFormatServer, type WorkerServer } from './helpers/worker-servers';

let env: RouterEnv;
let worker: WorkerServer;

// The example asks about Qwen2.5 32B, which the seed registry lacks; Gemma 3 27B is the same class.
const MODEL = 'gemma-3-27b-it';
const VARIANT = 'gemma-3-27b-it-gguf-q4_k_m';
// The stand-in "model" turns `TOOL <name> <json>` lines of the question into tool calls (canisters/llm_standin).
const QUESTION = [
    'Which GPU under $2,000 runs Gemma 3 27B at Q4 with 16k context?',
    `TOOL search_registry {"query":"gemma 3 27b"}`,
    `TOOL recommend_hardware {"model_id":"${MODEL}","variant_id":"${VARIANT}","context_tokens":16384,"max_price_usd":2000}`
].join('\n');

const ask = (message: string, extra: Record<string, unknown> = {}) => ({ conversation_id: [], model: [], task: [], message, route: [], ...extra }) as never;

beforeAll(async () => {
    env = await startRouterEnv();
    worker = await startFormatServer('openai', 'agent-worker');
    await addWorker(env, { url: worker.url, format: 'openai', model: 'tool-model' });
});
afterAll(async () => {
    await worker?.close();
    env?.devnet.close();
});

describe('agent', () => {
    it('answers from registry tools run in the canister and cites the records (LLM canister route)', async () => {
        const expected = unwrap(await env.anonymous.recommend_hardware({
            model_id: MODEL, variant_id: VARIANT, context_tokens: [16384], max_price: [2000], currency: ['USD'], max_devices: [1], batch: [1], kv_dtype: [], max_tdp_w: [], limit: [8]
        }));
        expect(expected.ranked.length).toBeGreaterThan(0);
        const r = unwrap(await env.contributor.ask_agent(ask(QUESTION)));
        expect(r.rounds).toHaveLength(2);
        expect(r.rounds[0]!.tool_calls.map((t) => [t.name, t.ok])).toEqual([['search_registry', true], ['recommend_hardware', true]]);
        expect(r.rounds[0]!.tool_instructions).toBeGreaterThan(0n);
        expect(JSON.parse(r.rounds[0]!.route_json).trust).toBe('onchain');
        expect(tagOf(r.reply.route.trust)).toBe('onchain');
        const cited = r.citations.map((c) => `${c.kind}/${c.id}`);
        for (const h of expected.ranked) expect(cited).toContain(`hardware/${h.hardware_id}`);
        expect(cited).toContain(`model/${MODEL}`);
        expect(cited).toContain(`variant/${VARIANT}`);
        // The final generation saw the tool results (the stand-in summarizes them) and the answer lists the sources.
        expect(r.reply.content).toContain('stand-in summary of 2 tool result(s)');
        expect(r.reply.content).toContain(expected.ranked[0]!.hardware_id);
        expect(r.reply.content).toContain(`Registry records used: `);
        expect(r.stopped).toEqual([]);
        const stored = unwrap(await env.contributor.get_messages(r.reply.conversation_id, [], []));
        expect(stored.map((m) => m.role)).toEqual(['user', 'assistant']);
    });

    it('runs the same loop through a worker, reports bad tool input to the model, and stays bounded', async () => {
        const bad = ask('TOOL get_model {"id":"no-such-model"}\nTOOL fit {"model_id":"qwen2.5-14b-instruct","variant_id":"nope","hardware_id":"nvidia-rtx-4090"}', { model: ['tool-model'] });
        const r = unwrap(await env.contributor.ask_agent(bad));
        expect(r.rounds[0]!.tool_calls.map((t) => [t.name, t.ok])).toEqual([['get_model', false], ['fit', false]]);
        expect(JSON.parse(r.rounds[1]!.route_json).backend).toBe('worker');
        expect(tagOf(r.reply.route.backend)).toBe('worker');
        expect(r.reply.content).toContain('no model');
        const posts = worker.seen.filter((s) => s.method === 'POST');
        expect(JSON.parse(posts.at(-1)!.body).messages.filter((m: { role: string }) => m.role === 'tool')).toHaveLength(2);
        expect(errCode(await env.anonymous.ask_agent(ask('hi')))).toBe('Unauthorized');
    });
});
