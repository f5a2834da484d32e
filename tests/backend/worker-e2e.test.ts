/**
 * End to end in the devnet, nothing faked (issue #6 item 5): the backend canister (real wasm) routes a `chat` →
 * threshold-signed worker token → replicated HTTPS outcall (13 replicas, real HTTP to 127.0.0.1) → the real
 * `deai-worker` binary → embedded llama.cpp running a generated tiny GGUF model → normalized answer → the
 * router's transform → consensus across replicas → the answer with its route, tokens and cycles.
 * Also the non-replicated mode (one request) and a misconfigured worker (token audience ≠ registered URL).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { maxInputTokens } from '../../src/shared/router/quota';
import { errCode, unwrap } from './helpers';
import { chatArgs, route, startRouterEnv, tagOf, type RouterEnv } from './helpers/router-env';
import { freePort, metric, startGatewayProcess, writeTinyGguf, type GatewayProcess, type Metrics } from './helpers/worker-e2e-gateway';

const SUBNET = 13; // a 13-node application subnet: every replicated outcall reaches the worker 13 times
const MODEL = 'tiny';
const PROMPT = 'Hello, tiny llama';
const SIGNATURE_FEE = 10_000_000_000n; // sign_with_schnorr with dfx_test_key (canisters/backend/router/worker-auth.ts)
const CHAT_OK = 'deai_worker_requests_total{route="chat",status="200"}';
const CHAT_401 = 'deai_worker_requests_total{route="chat",status="401"}';
const GENERATED = 'deai_worker_generations_total{outcome="ok"}';
const TOKENS_IN = 'deai_worker_tokens_total{kind="input"}';
const TOKENS_OUT = 'deai_worker_tokens_total{kind="output"}';

let env: RouterEnv;
let gw: GatewayProcess;

const utf8Bytes = (s: string): number => Buffer.byteLength(s, 'utf8');
const delta = (after: Metrics, before: Metrics, key: string): number => metric(after, key) - metric(before, key);

async function register(url: string, mode: 'replicated' | 'non_replicated', price: number): Promise<string> {
    const w = unwrap(await env.operator.register_worker({
        url, api_format: { deai: null }, mode: { [mode]: null } as { replicated: null },
        models: [{ name: MODEL, variant_id: [], context_tokens: 512 }],
        hardware_id: [], runtime_id: ['llama-cpp'], price_input_usd_per_mtok: price, price_output_usd_per_mtok: price
    }));
    expect(tagOf(w.status)).toBe('pending');
    unwrap(await env.curator.set_worker_status(w.id, { approved: null }));
    return w.id;
}

const cyclesOfCanister = (): bigint => env.devnet.canisterInfo(env.canisterId)!.cycles;

beforeAll(async () => {
    // Live clock: the canister signs tokens with IC time, the gateway checks them against the wall clock.
    env = await startRouterEnv({ subnetSize: SUBNET, clock: 'live' });
    const key = Buffer.from(await env.controller.worker_auth_public_key()).toString('hex');
    const port = await freePort();
    gw = await startGatewayProcess({ gguf: await writeTinyGguf(MODEL), canisterKeyHex: key, audience: `http://127.0.0.1:${port}`, issuer: env.canisterId.toText(), port });
});
afterAll(async () => {
    if (gw !== undefined) expect(await gw.stop()).toBe(0);
    env?.devnet.close();
});

describe('chat → replicated outcall → deai-worker → llama.cpp', () => {
    let replicatedId: string;
    let audienceFailureDetail = '';

    it('answers from the worker; 13 replicas, one generation, consensus; tokens and cycles accounted', async () => {
        expect(await gw.health()).toMatchObject({ status: 'ok', models: [MODEL], runtime: { kind: 'llama.cpp', backend: 'cpu' } });
        replicatedId = await register(gw.url, 'replicated', 0.1);
        const before = await gw.metrics();
        const cyclesBefore = cyclesOfCanister();
        const usageBefore = unwrap(await env.contributor.my_usage());

        // No route preference: the policy picks the only target that serves the model.
        const r = unwrap(await env.contributor.chat(chatArgs(PROMPT, { model: [MODEL], max_tokens: [12], temperature: [0] })));

        expect(tagOf(r.route.backend)).toBe('worker');
        expect(r.route.worker_id).toEqual([replicatedId]);
        expect(tagOf(r.route.trust)).toBe('replicated_outcall');
        expect(r.route.model).toBe(MODEL);
        expect(r.route.attempts.map((a) => [a.target, tagOf(a.outcome)])).toEqual([[`w:${replicatedId}`, 'ok']]);
        expect(['stop', 'length']).toContain(r.finish_reason);

        const after = await gw.metrics();
        expect(delta(after, before, CHAT_OK)).toBe(SUBNET); // every replica got the answer (and the devnet required their agreement)
        expect(delta(after, before, GENERATED)).toBe(1); // …from one llama.cpp generation
        expect(delta(after, before, 'deai_worker_dedupe_total{result="miss"}')).toBe(1);
        expect(delta(after, before, 'deai_worker_dedupe_total{result="coalesced"}') + delta(after, before, 'deai_worker_dedupe_total{result="hit"}')).toBe(SUBNET - 1);

        // Tokens: what llama.cpp counted is what the canister reports and charges.
        expect(r.route.tokens_reported).toBe(true);
        expect(r.route.input_tokens).toBe(delta(after, before, TOKENS_IN));
        expect(r.route.output_tokens).toBe(delta(after, before, TOKENS_OUT));
        // Every sampled token counts, shown or not: at finish "length" llama.cpp sampled max_tokens (node-llama-cpp may
        // take one more to complete a partial UTF-8 character), though the tiny model's bytes may print as less.
        if (r.finish_reason === 'length') expect(r.route.output_tokens).toBeGreaterThanOrEqual(12);
        expect(r.route.output_tokens).toBeLessThanOrEqual(13);
        // Cycles: one signature plus the outcall fee, paid from the canister's balance, charged to the caller.
        expect(r.route.cycles).toBe(r.route.attempts[0]!.cycles);
        expect(r.route.cycles).toBeGreaterThan(SIGNATURE_FEE);
        expect(cyclesOfCanister()).toBeLessThanOrEqual(cyclesBefore - r.route.cycles);
        const usage = unwrap(await env.contributor.my_usage());
        expect(usage.total_requests - usageBefore.total_requests).toBe(1n);
        // The caller is charged what was spent, capped at the pessimistic reservation (prompt bytes + 8 per message +
        // max_tokens). The tiny model's byte-level vocabulary spells out the chat template, so here the cap applies.
        const reserved = maxInputTokens(utf8Bytes(PROMPT), 1) + 12;
        expect(usage.total_tokens - usageBefore.total_tokens).toBe(BigInt(Math.min(r.route.input_tokens + r.route.output_tokens, reserved)));
        expect(usage.total_cycles - usageBefore.total_cycles).toBe(r.route.cycles);
        const totals = await env.anonymous.usage_totals();
        expect(totals.routes.find((x) => x.target === `w:${replicatedId}`)).toMatchObject({
            requests: 1n, failures: 0n, input_tokens: BigInt(r.route.input_tokens), output_tokens: BigInt(r.route.output_tokens), cycles: r.route.cycles
        });

        // The answer is stored in the conversation with its route.
        const messages = unwrap(await env.contributor.get_messages(r.conversation_id, [], []));
        expect(messages.at(-1)).toMatchObject({ role: 'assistant', content: r.content });
        expect(JSON.parse(messages.at(-1)!.route_json[0]!)).toMatchObject({ worker_id: replicatedId, trust: 'replicated_outcall' });
    });

    it('non-replicated mode: one request, one generation, the lower trust tier reported', async () => {
        const id = await register(gw.url, 'non_replicated', 0.05);
        const before = await gw.metrics();
        const r = unwrap(await env.contributor.chat(chatArgs('Just one node, please', { model: [MODEL], max_tokens: [8], route: route({ worker_id: id }) })));
        const after = await gw.metrics();
        expect(r.route.worker_id).toEqual([id]);
        expect(tagOf(r.route.trust)).toBe('non_replicated_outcall');
        expect(delta(after, before, CHAT_OK)).toBe(1);
        expect(delta(after, before, GENERATED)).toBe(1);
        expect(r.route.output_tokens).toBe(delta(after, before, TOKENS_OUT));
        expect(r.route.cycles).toBeGreaterThan(SIGNATURE_FEE);
    });

    it('a worker whose --audience is not its registered URL fails clearly, and the router falls back', async () => {
        // Same gateway, registered under another loopback name: the token's aud is that URL, the gateway refuses it.
        const misconfigured = await register(gw.url.replace('127.0.0.1', 'localhost'), 'replicated', 0.01);
        const before = await gw.metrics();

        const pinned = await env.contributor.chat(chatArgs('wrong audience', { model: [MODEL], max_tokens: [8], route: route({ worker_id: misconfigured }) }));
        expect(errCode(pinned)).toBe('AllRoutesFailed');
        const failed = 'Err' in pinned && 'AllRoutesFailed' in pinned.Err ? pinned.Err.AllRoutesFailed.attempts.filter((a) => a.target === `w:${misconfigured}`) : [];
        expect(failed.map((a) => tagOf(a.outcome))).toEqual(['http_error']);
        expect(failed[0]!.detail).toMatch(/^HTTP 401; /);
        audienceFailureDetail = failed[0]!.detail;
        expect(failed[0]!.cycles).toBeGreaterThan(SIGNATURE_FEE); // the failed attempt still paid its signature and outcall

        // Cheapest first, replicated only: the misconfigured worker is tried, then the good one answers.
        const r = unwrap(await env.contributor.chat(chatArgs('fall back', { model: [MODEL], max_tokens: [8], route: route({ prefer: 'cheapest', min_trust: 'replicated_outcall' }) })));
        expect(r.route.worker_id).toEqual([replicatedId]);
        expect(r.route.attempts.filter((a) => tagOf(a.outcome) !== 'filtered').map((a) => [a.target, tagOf(a.outcome)])).toEqual([
            [`w:${misconfigured}`, 'http_error'],
            [`w:${replicatedId}`, 'ok']
        ]);
        expect(r.route.cycles).toBe(r.route.attempts.reduce((s, a) => s + a.cycles, 0n));

        const after = await gw.metrics();
        expect(delta(after, before, CHAT_401)).toBe(2 * SUBNET); // refused before any generation
        expect(delta(after, before, CHAT_OK)).toBe(SUBNET);
        expect(delta(after, before, GENERATED)).toBe(1);
        expect(gw.log()).not.toContain('"level":"error"');
    });

    // The transform reads the gateway's error object {"error":{"code":"token_audience",…}} (docs/worker-protocol.md §4)
    // into the attempt detail, so the operator sees why the worker refused.
    it('the failed attempt names the gateway error code (token_audience)', () => {
        expect(audienceFailureDetail).toMatch(/^HTTP 401; .*token_audience/);
    });
});
