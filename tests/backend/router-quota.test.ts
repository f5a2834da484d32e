/**
 * Accounting through the real wasm: per-principal budgets with pessimistic reservation hold under 100
 * concurrent chats, rate limits, usage for the user and in aggregate, limits set only by controllers.
 */
import { Principal } from '@dfinity/principal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { errCode, unwrap } from './helpers';
import { addWorker, chatArgs, startRouterEnv, userIds, type RouterEnv } from './helpers/router-env';
import { startFormatServer, type WorkerServer } from './helpers/worker-servers';

let env: RouterEnv;
let worker: WorkerServer;

const limits = (over: Partial<{ requests_per_day: number; tokens_per_day: bigint; cycles_per_day: bigint; requests_per_minute: number }>) => ({
    requests_per_day: 10_000, tokens_per_day: 10_000_000n, cycles_per_day: 10n ** 15n, requests_per_minute: 10_000, ...over
});

beforeAll(async () => {
    env = await startRouterEnv();
    worker = await startFormatServer('openai', 'paid');
    await addWorker(env, { url: worker.url, format: 'openai', model: 'paid-model' });
});
afterAll(async () => {
    await worker?.close();
    env?.devnet.close();
});

describe('budgets', () => {
    it('never overspends a cycle budget under 100 concurrent chats', async () => {
        const calibrate = env.as(userIds[0]!);
        unwrap(await calibrate.chat(chatArgs('price check', { model: ['paid-model'] })));
        const perChat = unwrap(await calibrate.my_usage()).cycles;
        expect(perChat).toBeGreaterThan(10_000_000_000n); // the signature alone costs 10 B

        const user = env.as(userIds[1]!);
        const budget = perChat * 10n + perChat / 2n;
        unwrap(await env.controller.set_quota(userIds[1]!.getPrincipal(), [limits({ cycles_per_day: budget })]));
        const postsBefore = new Set(worker.seen.map((s) => s.headers['idempotency-key'])).size;
        const eventsBefore = env.instructions.length;
        const results = await Promise.all(Array.from({ length: 100 }, (_, i) => user.chat(chatArgs(`concurrent ${i}`, { model: ['paid-model'] }))));
        const ok = results.filter((r) => 'Ok' in r).length;
        const refused = results.filter((r) => 'Err' in r).map(errCode);
        expect(ok).toBeGreaterThanOrEqual(1);
        expect(ok).toBeLessThanOrEqual(10);
        expect(new Set(refused)).toEqual(new Set(['QuotaExceeded']));
        const usage = unwrap(await user.my_usage());
        expect(usage.cycles).toBeLessThanOrEqual(budget);
        expect(usage.reserved_cycles).toBe(0n);
        expect(usage.reserved_requests).toBe(0);
        expect(usage.requests).toBe(ok);
        // The chats really ran concurrently: many started before the first one's signature came back.
        const burst = env.instructions.slice(eventsBefore).map((e) => e.entryPoint);
        expect(burst.slice(0, burst.findIndex((e) => !e.includes('chat'))).length).toBeGreaterThan(10);
        // Only admitted chats reached the worker.
        expect(new Set(worker.seen.map((s) => s.headers['idempotency-key'])).size - postsBefore).toBe(ok);
    });

    it('never overspends a token budget under 100 concurrent chats on the free LLM canister', async () => {
        const user = env.as(userIds[2]!);
        unwrap(await env.controller.set_quota(userIds[2]!.getPrincipal(), [limits({ tokens_per_day: 3_000n })]));
        const results = await Promise.all(Array.from({ length: 100 }, (_, i) => user.chat(chatArgs(`t${i}`, { max_tokens: [100] }))));
        const ok = results.filter((r) => 'Ok' in r).length;
        expect(ok).toBeGreaterThan(0);
        expect(ok).toBeLessThan(100);
        const usage = unwrap(await user.my_usage());
        expect(usage.tokens).toBeLessThanOrEqual(3_000n);
        expect(usage.reserved_tokens).toBe(0n);
        const refused = results.find((r) => 'Err' in r);
        expect(refused && 'Err' in refused && 'QuotaExceeded' in refused.Err ? refused.Err.QuotaExceeded.resource : '').toBe('tokens');
    });

    it('rate-limits requests per minute and resets the window', async () => {
        const user = env.as(userIds[3]!);
        unwrap(await env.controller.set_quota(userIds[3]!.getPrincipal(), [limits({ requests_per_minute: 2 })]));
        unwrap(await user.chat(chatArgs('r1')));
        unwrap(await user.chat(chatArgs('r2')));
        const third = await user.chat(chatArgs('r3'));
        expect(errCode(third)).toBe('RateLimited');
        await env.devnet.advanceTime(60n * 1_000_000_000n);
        unwrap(await user.chat(chatArgs('r4')));
    });

    it('counts requests per day', async () => {
        const user = env.as(userIds[4]!);
        unwrap(await env.controller.set_quota(userIds[4]!.getPrincipal(), [limits({ requests_per_day: 1 })]));
        unwrap(await user.chat(chatArgs('d1')));
        const second = await user.chat(chatArgs('d2'));
        expect(errCode(second)).toBe('QuotaExceeded');
    });
});

describe('limits and usage views', () => {
    it('lets only controllers set limits or read others’ usage', async () => {
        const p = Principal.fromText(userIds[5]!.getPrincipal().toText());
        expect(errCode(await env.curator.set_quota(p, [limits({})]))).toBe('Unauthorized');
        expect(errCode(await env.contributor.usage_of(p))).toBe('Unauthorized');
        expect(errCode(await env.anonymous.my_usage())).toBe('Unauthorized');
        const cfg = await env.controller.get_router_config();
        expect(errCode(await env.contributor.set_router_config(cfg))).toBe('Unauthorized');
        expect(errCode(await env.controller.set_router_config({ ...cfg, subnet_size: 0 }))).toBe('InvalidInput');
    });

    it('reports usage in aggregate and per route', async () => {
        const totals = await env.anonymous.usage_totals();
        expect(totals.principals).toBeGreaterThanOrEqual(5);
        const llm = totals.routes.find((r) => r.target === 'llm');
        expect(Number(llm?.requests ?? 0)).toBeGreaterThan(0);
        const paid = totals.routes.find((r) => r.target.startsWith('w:'));
        expect(paid?.cycles ?? 0n).toBeGreaterThan(0n);
        expect(totals.cycles).toBe(totals.routes.reduce((a, r) => a + r.cycles, 0n));
    });
});
