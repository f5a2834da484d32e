/**
 * Worker registry and health through the real wasm: operators register, curators approve, owners suspend;
 * registrations are validated; timers probe approved workers and keep uptime/latency windows on-chain;
 * unhealthy workers are skipped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { errCode, unwrap } from './helpers';
import { addWorker, chatArgs, operatorId, startRouterEnv, tagOf, type RouterEnv } from './helpers/router-env';
import { startFormatServer, type WorkerServer } from './helpers/worker-servers';

let env: RouterEnv;
let s: WorkerServer;

const registration = (url: string, over: Record<string, unknown> = {}) => ({
    url, api_format: { openai: null }, mode: { non_replicated: null }, models: [{ name: 'h-model', variant_id: [], context_tokens: 8192 }],
    hardware_id: [], runtime_id: [], price_input_usd_per_mtok: 0.5, price_output_usd_per_mtok: 1, ...over
}) as never;

beforeAll(async () => {
    env = await startRouterEnv();
    s = await startFormatServer('openai', 'h');
});
afterAll(async () => {
    await s?.close();
    env?.devnet.close();
});

describe('worker registry', () => {
    it('lets operators register, curators approve, owners only suspend', async () => {
        expect(errCode(await env.contributor.register_worker(registration(s.url)))).toBe('Unauthorized');
        expect(errCode(await env.anonymous.register_worker(registration(s.url)))).toBe('Unauthorized');
        const w = unwrap(await env.operator.register_worker(registration(s.url)));
        expect(tagOf(w.status)).toBe('pending');
        expect(w.owner).toBe(operatorId.getPrincipal().toText());
        expect(errCode(await env.contributor.chat(chatArgs('x', { model: ['h-model'] })))).toBe('NoRoute'); // pending: not routed
        expect(errCode(await env.operator.set_worker_status(w.id, { approved: null }))).toBe('Unauthorized');
        expect(errCode(await env.contributor.set_worker_status(w.id, { suspended: null }))).toBe('Unauthorized');
        unwrap(await env.curator.set_worker_status(w.id, { approved: null }));
        const r = unwrap(await env.contributor.chat(chatArgs('x', { model: ['h-model'] })));
        expect(tagOf(r.route.trust)).toBe('non_replicated_outcall');
        expect(s.seen.filter((x) => x.method === 'POST')).toHaveLength(1); // one node calls in non-replicated mode
        unwrap(await env.operator.set_worker_status(w.id, { suspended: null }));
        expect(errCode(await env.contributor.chat(chatArgs('x', { model: ['h-model'] })))).toBe('NoRoute');
        expect((await env.anonymous.list_workers([{ suspended: null }], [], [])).total).toBe(1);
        expect(errCode(await env.anonymous.get_worker('w999'))).toBe('NotFound');
    });

    it('validates registrations with typed errors', async () => {
        const bad = async (over: Record<string, unknown>, field: string) => {
            const r = await env.operator.register_worker(registration(s.url, over));
            expect('Err' in r && 'InvalidInput' in r.Err ? r.Err.InvalidInput.field : JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? String(v) : v))).toBe(field);
        };
        await bad({ url: 'ftp://example.org' }, 'url');
        await bad({ url: 'http://example.org' }, 'url'); // plain http only to loopback
        await bad({ url: `https://x.org/${'a'.repeat(600)}` }, 'url');
        await bad({ models: [] }, 'models');
        await bad({ models: [{ name: 'a b', variant_id: [], context_tokens: 10 }] }, 'models[0].name');
        await bad({ models: [{ name: 'a', variant_id: [], context_tokens: 0 }] }, 'models[0].context_tokens');
        await bad({ price_input_usd_per_mtok: -1 }, 'price_input_usd_per_mtok');
        await bad({ price_output_usd_per_mtok: Number.NaN }, 'price_output_usd_per_mtok');
    });
});

describe('health', () => {
    it('probes approved workers on a timer and keeps the window on-chain; skips unhealthy ones', async () => {
        const h = await startFormatServer('ollama', 'probe-me');
        const id = await addWorker(env, { url: h.url, format: 'ollama', model: 'p-model' });
        for (let i = 1; i <= 3; i++) {
            await env.devnet.advanceTime(61n * 1_000_000_000n);
            // runUntilIdle returns while a timer's outcalls are still in flight (devnet): poll until the probe lands.
            for (let t = 0; t < 100 && (await env.anonymous.target_health(`w:${id}`)).probes < i; t++) {
                await new Promise((r) => setTimeout(r, 20));
                await env.devnet.runUntilIdle();
            }
        }
        const healthy = await env.anonymous.target_health(`w:${id}`);
        expect(healthy.probes).toBe(3);
        expect(healthy.uptime).toEqual([1]);
        expect(h.seen.filter((x) => x.path === '/health').length).toBeGreaterThanOrEqual(3 * 4);

        h.fault = 'unhealthy';
        for (let i = 0; i < 4; i++) unwrap(await env.controller.probe_workers());
        const sick = await env.anonymous.target_health(`w:${id}`);
        expect(sick.uptime[0]!).toBeLessThan(0.5);
        expect(sick.recent.at(-1)).toMatchObject({ ok: false, detail: 'HTTP 503' });
        const r = await env.contributor.chat(chatArgs('are you there', { model: ['p-model'] }));
        expect(errCode(r)).toBe('NoRoute');
        const skipped = 'Err' in r && 'NoRoute' in r.Err ? r.Err.NoRoute.skipped : [];
        expect(skipped.map((a) => tagOf(a.outcome))).toEqual(['unhealthy']);
        expect(errCode(await env.contributor.probe_workers())).toBe('Unauthorized');
        await h.close();
    });
});
