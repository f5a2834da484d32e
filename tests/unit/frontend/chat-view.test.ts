import { describe, expect, it } from 'vitest';
import {
    citationHref, describeRoute, describeRouterError, fmtCycles, MAX_MESSAGE_BYTES, messageBytes, parseRoutePick, routeFromJson, routeLabel, routePreference,
} from '../../../frontend/src/model/chat-view';

const wireRoute = {
    backend: { worker: null }, worker_id: ['w1'], model: 'm', variant_id: [], trust: { replicated_outcall: null }, input_tokens: 10, output_tokens: 20,
    tokens_reported: true, cycles: 1_500_000_000n, latency_ms: 300, attempts: [{}, {}], context: { none: null },
};

describe('chat view model', () => {
    it('labels a route from the Candid reply and from the stored JSON alike', () => {
        const fromWire = routeLabel(wireRoute);
        const fromJson = routeFromJson(JSON.stringify({ ...wireRoute, backend: 'worker', worker_id: 'w1', trust: 'replicated_outcall', cycles: '1500000000' }, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)));
        expect(fromJson).toEqual(fromWire);
        expect(describeRoute(fromWire)).toBe('worker w1 · m · trust: replicated outcall · 10 in / 20 out tokens · 1.5 B cycles · 300 ms · 2 attempts');
        expect(describeRoute({ ...fromWire, backend: 'llm_canister', trust: 'onchain', tokens_reported: false, attempts: 1 })).toBe('LLM canister · m · trust: on-chain · 10 in / 20 out tokens (estimated) · 1.5 B cycles · 300 ms');
        expect(routeFromJson('{')).toBeNull();
        expect(routeFromJson(null)).toBeNull();
    });

    it('explains router errors', () => {
        expect(describeRouterError({ QuotaExceeded: { resource: 'tokens', used: 900n, requested: 200n, limit: 1000n } })).toMatch(/^Daily quota exceeded for tokens: used 900 of 1000, this message needs 200/);
        expect(describeRouterError({ InputTooLong: { field: 'message', limit: 32768n, actual: 40000n } })).toBe('Your message is too long: 40000 bytes, the limit is 32768. Shorten it and send again.');
        expect(describeRouterError({ AllRoutesFailed: { attempts: [{ target: 'llm', outcome: { timeout: null }, detail: 'no reply' }, { target: 'w:w1', outcome: { http_error: null }, detail: '' }] } }))
            .toBe('All routes failed: llm: timeout (no reply); w:w1: http_error. Your message was kept; try again or pick another route.');
        expect(describeRouterError({ Weird: {} })).toBe('Chat failed (Weird).');
    });

    it('counts UTF-8 bytes like the canister', () => {
        expect(messageBytes('aé€😀')).toBe(1 + 2 + 3 + 4);
        expect(MAX_MESSAGE_BYTES).toBe(32 * 1024);
    });

    it('maps route picks to the Candid preference', () => {
        expect(routePreference(parseRoutePick(null))).toEqual([]);
        expect(routePreference(parseRoutePick('llm'))).toEqual([{ backend: [{ llm_canister: null }], worker_id: [], min_trust: [], max_price_usd: [], prefer: [] }]);
        expect(routePreference(parseRoutePick('worker:w7'))).toEqual([{ backend: [{ worker: null }], worker_id: ['w7'], min_trust: [], max_price_usd: [], prefer: [] }]);
        expect(parseRoutePick('worker:')).toEqual({ kind: 'auto' });
    });

    it('links citations to registry pages', () => {
        expect(citationHref('hardware', 'nvidia-l4')).toBe('#/hardware/nvidia-l4');
        expect(citationHref('variant', 'x')).toBeNull();
        expect(fmtCycles(999n)).toBe('999');
        expect(fmtCycles(2_000_000_000_000n)).toBe('2.0 T');
    });
});

describe('model choices', () => {
    it('offers the models of the picked route', async () => {
        const { modelChoices } = await import('../../../frontend/src/model/chat-view');
        const workers = [{ id: 'w1', models: ['a', 'llama3.1:8b'] }, { id: 'w2', models: ['b'] }];
        expect(modelChoices({ kind: 'llm_canister' }, ['llama3.1:8b', 'qwen3:32b'], workers)).toEqual(['llama3.1:8b', 'qwen3:32b']);
        expect(modelChoices({ kind: 'worker', id: 'w2' }, ['llama3.1:8b'], workers)).toEqual(['b']);
        expect(modelChoices({ kind: 'worker', id: 'gone' }, ['llama3.1:8b'], workers)).toEqual([]);
        expect(modelChoices({ kind: 'auto' }, ['llama3.1:8b'], workers)).toEqual(['llama3.1:8b', 'a', 'b']);
    });
});
