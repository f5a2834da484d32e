import { describe, expect, it } from 'vitest';

import { addProbe, EMPTY_WINDOW, isHealthy, summarize } from '../../../src/shared/router/health-window';
import type { WorkerRegistration } from '../../../src/shared/router/router.types';
import { checkUrl, validateRegistration } from '../../../src/shared/router/worker-validate';

const reg: WorkerRegistration = {
    url: 'https://gpu.example.org/', api_format: 'openai', models: [{ name: 'm', variant_id: null, context_tokens: 8192 }],
    hardware_id: 'nvidia-l4', runtime_id: null, price_input_usd_per_mtok: 0.1, price_output_usd_per_mtok: 0.2, mode: 'replicated'
};

describe('worker registration', () => {
    it('accepts a valid registration and normalizes the URL', () => {
        expect(validateRegistration(reg, false)).toEqual({ ok: true, value: { ...reg, url: 'https://gpu.example.org' } });
    });

    it('allows plain http only to loopback, and only when enabled', () => {
        expect(checkUrl('http://127.0.0.1:8080', true)).toBeNull();
        expect(checkUrl('http://127.0.0.1:8080', false)).toMatchObject({ field: 'url' });
        expect(checkUrl('http://10.0.0.1', true)).toMatchObject({ field: 'url' });
        expect(checkUrl('https://user@host.org', false)).toMatchObject({ field: 'url' });
    });

    it.each([
        [{ models: [] }, 'models'],
        [{ models: [reg.models[0]!, reg.models[0]!] }, 'models'],
        [{ models: [{ name: 'm', variant_id: 'Bad Id', context_tokens: 1 }] }, 'models[0].variant_id'],
        [{ price_output_usd_per_mtok: 1_001 }, 'price_output_usd_per_mtok'],
        [{ hardware_id: '../x' }, 'hardware_id'],
        [{ mode: 'sometimes' }, 'mode']
    ])('refuses %j', (over, field) => {
        expect(validateRegistration({ ...reg, ...(over as object) } as WorkerRegistration, false)).toMatchObject({ ok: false, error: { code: 'InvalidInput', field } });
    });
});

describe('health window', () => {
    it('keeps the newest probes and summarizes uptime and latency', () => {
        let w = EMPTY_WINDOW;
        for (let i = 0; i < 5; i++) w = addProbe(w, { t_s: i, ok: i % 2 === 0, latency_ms: 100 * i, detail: '' }, 4);
        expect(w.probes.map((p) => p.t_s)).toEqual([1, 2, 3, 4]);
        const s = summarize(w);
        expect(s).toEqual({ probes: 4, uptime: 0.5, latency_ms: 300, last_ok_s: 4 });
        expect(isHealthy(s)).toBe(true);
        expect(isHealthy({ ...s, uptime: 0.25 })).toBe(false);
        expect(isHealthy({ probes: 2, uptime: 0, latency_ms: null, last_ok_s: null })).toBe(true); // too few to judge
    });
});
