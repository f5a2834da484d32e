/**
 * Fallback and the circuit breaker through the real wasm: workers down, slow past the outcall timeout,
 * answering garbage, replicas disagreeing, HTTP errors, and the LLM canister rejecting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { RejectCode } from '../../src/devnet/engine-api';
import { errCode, unwrap } from './helpers';
import { addWorker, chatArgs, route, startRouterEnv, tagOf, type RouterEnv } from './helpers/router-env';
import { deadUrl, startFormatServer, type Fault, type WorkerServer } from './helpers/worker-servers';

let env: RouterEnv;
let good: WorkerServer;
let bad: WorkerServer;
let badId: string;
let goodId: string;

const posts = (s: WorkerServer): number => s.seen.filter((x) => x.method === 'POST').length;
const outcomes = (r: { route: { attempts: { target: string; outcome: string }[] } }): string[] => r.route.attempts.map((a) => `${a.target}:${tagOf(a.outcome)}`);

beforeAll(async () => {
    env = await startRouterEnv({ outcallTimeoutMs: 3_000 }); // generous: the machine may be loaded
    const config = await env.controller.get_router_config();
    unwrap(await env.controller.set_router_config({ ...config, breaker: { failure_threshold: 1, cooldown_s: 60, max_cooldown_s: 600 } }));
    good = await startFormatServer('openai', 'good');
    bad = await startFormatServer('ollama', 'bad');
    // "cheapest" puts the bad worker first; the good one is the fallback.
    badId = await addWorker(env, { url: bad.url, format: 'ollama', model: 'm', priceIn: 0.01, priceOut: 0.01 });
    goodId = await addWorker(env, { url: good.url, format: 'openai', model: 'm', priceIn: 1, priceOut: 1 });
});
afterAll(async () => {
    await Promise.all([good?.close(), bad?.close()]);
    env?.devnet.close();
});

const cheapest = (msg: string) => chatArgs(msg, { model: ['m'], route: route({ prefer: 'cheapest' }) });

async function failOnce(fault: Fault, expected: string): Promise<void> {
    bad.fault = fault;
    bad.slowMs = 6_000;
    const r = unwrap(await env.contributor.chat(cheapest(`fault ${fault}`)));
    expect(outcomes(r)).toEqual([`w:${badId}:${expected}`, `w:${goodId}:ok`]);
    expect(r.route.worker_id).toEqual([goodId]);
    expect(r.content).toContain('[good]');
    // Reset the breaker for the next case: wait out the cool-down, let the healthy worker pass its trial.
    bad.fault = 'none';
    await env.devnet.advanceTime(3_600n * 1_000_000_000n);
    const back = unwrap(await env.contributor.chat(cheapest('recovered')));
    expect(back.route.worker_id).toEqual([badId]);
}

describe('fallback on failure', () => {
    it('falls back on a slow worker (timeout), garbage JSON (malformed), HTTP 500 and disagreeing replicas (consensus)', async () => {
        await failOnce('slow', 'timeout');
        await failOnce('garbage', 'malformed');
        await failOnce('http500', 'http_error');
        await failOnce('disagree', 'consensus_failure');
    });

    it('falls back when a worker is down, and reports every attempt when all fail', async () => {
        const down = await addWorker(env, { url: await deadUrl(), format: 'openai', model: 'solo' });
        const r = await env.contributor.chat(chatArgs('anyone?', { model: ['solo'] }));
        expect(errCode(r)).toBe('AllRoutesFailed');
        const attempts = 'Err' in r && 'AllRoutesFailed' in r.Err ? r.Err.AllRoutesFailed.attempts : [];
        expect(attempts.map((a) => `${a.target}:${tagOf(a.outcome)}`)).toEqual([`w:${down}:rejected`]);
        expect(attempts[0]!.cycles).toBeGreaterThan(0n);
    });

    it('falls back from a rejecting LLM canister to a worker serving the same model', async () => {
        const s = await startFormatServer('anthropic', 'backup');
        const backup = await addWorker(env, { url: s.url, format: 'anthropic', model: 'qwen3:32b' });
        const stop = env.devnet.onCanisterCall((c) => (c.method === 'v1_chat' ? { action: 'reject', rejectCode: RejectCode.CanisterError, rejectMessage: 'LLM canister is overloaded' } : { action: 'pass' }));
        const r = unwrap(await env.contributor.chat(chatArgs('fallback please', { model: ['qwen3:32b'] })));
        stop();
        expect(outcomes(r)).toEqual(['llm:rejected', `w:${backup}:ok`]);
        expect(r.route.attempts[0]!.detail).toContain('LLM canister is overloaded');
        expect(tagOf(r.route.trust)).toBe('replicated_outcall');
        await s.close();
    });
});

describe('circuit breaker', () => {
    it('skips a failing target during its cool-down, admits one trial after it, doubles the cool-down on failure', async () => {
        bad.fault = 'http500';
        const first = unwrap(await env.contributor.chat(cheapest('b1')));
        expect(outcomes(first)[0]).toBe(`w:${badId}:http_error`);
        const seen = posts(bad);
        const second = unwrap(await env.contributor.chat(cheapest('b2')));
        expect(outcomes(second)).toEqual([`w:${badId}:circuit_open`, `w:${goodId}:ok`]);
        expect(posts(bad)).toBe(seen); // really skipped: no request reached it
        let health = await env.anonymous.target_health(`w:${badId}`);
        expect(tagOf(health.breaker)).toBe('open');

        await env.devnet.advanceTime(61n * 1_000_000_000n);
        const trial = unwrap(await env.contributor.chat(cheapest('b3')));
        expect(outcomes(trial)[0]).toBe(`w:${badId}:http_error`);
        health = await env.anonymous.target_health(`w:${badId}`);
        const now = Number(env.devnet.time() / 1_000_000_000n);
        expect(Number(health.open_until_s) - now).toBe(120);

        bad.fault = 'none';
        await env.devnet.advanceTime(121n * 1_000_000_000n);
        const healed = unwrap(await env.contributor.chat(cheapest('b4')));
        expect(outcomes(healed)).toEqual([`w:${badId}:ok`]);
        expect(tagOf((await env.anonymous.target_health(`w:${badId}`)).breaker)).toBe('closed');
    });
});
