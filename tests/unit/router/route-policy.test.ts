import { describe, expect, it } from 'vitest';

import { CLOSED } from '../../../src/shared/router/circuit-breaker';
import { planRoutes, type RouteContext } from '../../../src/shared/router/route-policy';
import { DEFAULT_PREFERENCE, type Candidate } from '../../../src/shared/router/router.types';

const llm: Candidate = {
    key: 'llm', backend: 'llm_canister', worker_id: null, model: 'm', variant_id: null, trust: 'onchain', context_tokens: null,
    max_output_tokens: 1000, price_input_usd_per_mtok: 0, price_output_usd_per_mtok: 0, latency_ms: 900, uptime: null, probes: 0
};
const worker = (id: string, over: Partial<Candidate> = {}): Candidate => ({
    ...llm, key: `w:${id}`, backend: 'worker', worker_id: id, trust: 'replicated_outcall', context_tokens: 32_000,
    price_input_usd_per_mtok: 1, price_output_usd_per_mtok: 1, latency_ms: 500, uptime: 1, probes: 10, ...over
});
const ctx = (over: Partial<RouteContext> = {}): RouteContext => ({ input_tokens: 100, max_output_tokens: 100, fits_llm_canister: true, preference: DEFAULT_PREFERENCE, max_attempts: 4, now_s: 1000, ...over });
const keys = (p: { ordered: readonly Candidate[] }): string[] => p.ordered.map((c) => c.key);
const none = new Map();

describe('planRoutes', () => {
    it('orders by trust, then uptime, price and latency by default', () => {
        const cands = [worker('a', { trust: 'non_replicated_outcall' }), worker('b', { uptime: 0.9 }), worker('c'), llm];
        expect(keys(planRoutes(cands, none, none, ctx()))).toEqual(['llm', 'w:c', 'w:b', 'w:a']);
    });

    it('orders by price or latency on request', () => {
        const cands = [worker('dear', { price_output_usd_per_mtok: 9 }), worker('fast', { latency_ms: 10, price_output_usd_per_mtok: 5 }), llm];
        expect(keys(planRoutes(cands, none, none, ctx({ preference: { ...DEFAULT_PREFERENCE, prefer: 'cheapest' } })))).toEqual(['llm', 'w:fast', 'w:dear']);
        expect(keys(planRoutes(cands, none, none, ctx({ preference: { ...DEFAULT_PREFERENCE, prefer: 'fastest' } })))).toEqual(['w:fast', 'w:dear', 'llm']);
    });

    it('skips open breakers, unhealthy workers and filtered targets, and says why', () => {
        const open = new Map([['w:a', { ...CLOSED, open_until_s: 2000, consecutive_failures: 3, cooldown_s: 60 }]]);
        const health = new Map([['w:b', { probes: 10, uptime: 0.2, latency_ms: 1, last_ok_s: 1 }]]);
        const p = planRoutes([worker('a'), worker('b'), worker('c'), llm], health, open, ctx({ preference: { ...DEFAULT_PREFERENCE, min_trust: 'replicated_outcall', max_price_usd: 1 } }));
        expect(keys(p)).toEqual(['llm', 'w:c']);
        expect(p.skipped.map((s) => `${s.target}:${s.outcome}`)).toEqual(['w:a:circuit_open', 'w:b:unhealthy']);
        const priced = planRoutes([worker('x', { price_input_usd_per_mtok: 10_000 })], none, none, ctx({ preference: { ...DEFAULT_PREFERENCE, max_price_usd: 0.5 } }));
        expect(priced.skipped[0]).toMatchObject({ outcome: 'filtered' });
    });

    it('puts workers with room first when the history does not fit the LLM canister; skips small workers', () => {
        const p = planRoutes([llm, worker('small', { context_tokens: 150 }), worker('big')], none, none, ctx({ fits_llm_canister: false }));
        expect(keys(p)).toEqual(['w:big', 'llm']);
        expect(p.skipped.map((s) => s.outcome)).toEqual(['context_too_small']);
    });

    it('caps the attempts', () => {
        const p = planRoutes([worker('a'), worker('b'), worker('c')], none, none, ctx({ max_attempts: 2 }));
        expect(keys(p)).toHaveLength(2);
        expect(p.skipped).toHaveLength(1);
    });
});
