import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { BenchmarkResult, Hardware, Model, Runtime } from '../../../src/shared/registry';
import { peakSeries, speedMatrix, vendorColor, modelsWithResults } from '../../../frontend/src/model/plot-points';
import { readFitForm, sizable, toFitRequest } from '../../../frontend/src/model/fit-form';
import { blankRecord, diffRecords, parseDraft } from '../../../frontend/src/model/proposal-draft';
import { recordFields } from '../../../frontend/src/model/record-fields';
import { describeExpiry, sessionExpiryMs } from '../../../frontend/src/ic/session-expiry';
import { describeError, fromCandidResult } from '../../../frontend/src/ic/api-error';
import { resolveConfig, MAINNET_II_URL } from '../../../frontend/src/config/app-config';
import { fmtNum } from '../../../frontend/src/model/format';

const load = <T>(file: string, key: string): T[] => {
    const json = JSON.parse(readFileSync(`data/${file}`, 'utf8')) as unknown;
    return (Array.isArray(json) ? json : (json as Record<string, T[]>)[key]) as T[];
};
const hardware = load<Hardware>('hardware.json', 'hardware');
const models = load<Model>('models.json', 'models');
const runtimes = load<Runtime>('runtimes.json', 'runtimes');
const results = load<BenchmarkResult>('benchmarks.json', 'results');

describe('plot data', () => {
    it('keeps only positive known values for log axes, one series per vendor', () => {
        const series = peakSeries(hardware, 'fp16', 'tdp');
        const points = series.flatMap((s) => s.points);
        expect(points.length).toBeGreaterThan(5);
        expect(points.every((p) => p.x > 0 && p.y > 0)).toBe(true);
        expect(new Set(series.map((s) => s.vendor)).size).toBe(series.length);
        const withTdp = hardware.filter((h) => h.peak.fp16.dense !== null && h.tdp_w !== null && h.tdp_w > 0 && h.peak.fp16.dense > 0);
        expect(points).toHaveLength(withTdp.length);
    });

    it('plots against USD prices only, labelled with the price kind and date', () => {
        const points = peakSeries(hardware, 'int8', 'price').flatMap((s) => s.points);
        expect(points.every((p) => /USD \((msrp|street), \d{4}-\d{2}-\d{2}\)$/.test(p.xLabel))).toBe(true);
    });

    it('gives known vendors brand colours and others a stable colour', () => {
        expect(vendorColor('NVIDIA')).toBe('#76b900');
        expect(vendorColor('Acme Chips')).toBe(vendorColor('acme chips'));
    });

    it('builds the hardware × runtime speed matrix with the best result per cell', () => {
        const model = modelsWithResults(results)[0]!;
        const m = speedMatrix(results, hardware, runtimes, model);
        expect(m.rows.length).toBeGreaterThan(0);
        for (const row of m.rows) for (const r of m.runtimes) {
            const v = row[r.id];
            if (v !== undefined) expect(typeof v).toBe('number');
        }
        const fake = [{ ...results[0]!, model_id: 'm', runtime_id: 'r', hardware_id: 'h', generation_tokens_per_s: 5, settings: { ...results[0]!.settings, device_count: 2 } },
            { ...results[0]!, model_id: 'm', runtime_id: 'r', hardware_id: 'h', generation_tokens_per_s: 9, settings: { ...results[0]!.settings, device_count: 2 } }];
        expect(speedMatrix(fake, [], [], 'm').rows).toEqual([{ hardware: 'h ×2', r: 9 }]);
    });
});

describe('fit form', () => {
    it('defaults to a sizable model and hardware with known memory, and builds a request', () => {
        const form = readFitForm(new URLSearchParams(''), models, hardware);
        expect(sizable(models.find((m) => m.id === form.model)!)).toBe(true);
        const req = toFitRequest(form, models);
        expect(req.ok && req.request.target).toEqual({ kind: 'hardware', hardware_id: form.hardware });
    });

    it('names the field to fix', () => {
        const form = readFitForm(new URLSearchParams('target=custom&mem=-1'), models, hardware);
        expect(toFitRequest(form, models)).toEqual({ ok: false, message: 'Device memory must be a positive number of GB.' });
        expect(toFitRequest({ ...form, target: 'phone', batch: '1.5' }, models)).toEqual({ ok: false, message: 'Batch must be a whole number.' });
        expect(toFitRequest({ ...form, model: 'nope' }, models)).toEqual({ ok: false, message: 'Pick a model.' });
    });
});

describe('proposal drafts', () => {
    it('validates drafts with the shared validators', () => {
        expect(parseDraft('hardware', JSON.stringify(hardware[0]))).toMatchObject({ ok: true });
        expect(parseDraft('hardware', '{')).toMatchObject({ ok: false, message: expect.stringMatching(/^Not valid JSON/) });
        const blank = parseDraft('runtime', JSON.stringify(blankRecord('runtime')));
        expect(blank.ok).toBe(false);
        expect(parseDraft('model', JSON.stringify({ ...models[0], id: 'Bad Id' }))).toMatchObject({ ok: false, message: expect.stringMatching(/^id: /) });
        expect(parseDraft('benchmark', JSON.stringify({ ...blankRecord('benchmark'), hardware_id: 'h', runtime_id: 'r', model_id: 'm', variant_id: 'v', ttft_ms: 20 }))).toMatchObject({ ok: true, draft: { kind: 'benchmark' } });
        expect(parseDraft('benchmark', JSON.stringify({ ...blankRecord('benchmark'), origin: 'published' }))).toMatchObject({ ok: false });
    });

    it('diffs an edit field by field, including notes and sources', () => {
        const before = hardware[0]!;
        const after = { ...before, tdp_w: 123, notes: 'new', sources: [...before.sources, { url: 'https://x.org', title: 'X', accessed: '2026-01-01' }] };
        const changes = diffRecords(JSON.stringify(before), JSON.stringify(after));
        const fields = changes.map((c) => c.field);
        expect(fields).toContain('tdp_w');
        expect(fields).toContain('notes');
        expect(fields).toContain(`sources.${before.sources.length}.url`);
        expect(changes.find((c) => c.field === 'tdp_w')).toEqual({ field: 'tdp_w', before: before.tdp_w, after: 123 });
        expect(diffRecords(null, JSON.stringify(before)).every((c) => c.before === undefined)).toBe(true);
    });
});

describe('record fields', () => {
    it('cites the sources behind each field', () => {
        const hw = hardware.find((h) => (h.source_refs ?? []).some((r) => r.field === 'tdp_w'))!;
        const row = recordFields(hw).find((r) => r.field === 'tdp_w')!;
        expect(row.sources).toEqual([...new Set(hw.source_refs!.filter((r) => r.field === 'tdp_w').map((r) => r.source + 1))]);
        expect(recordFields(hw).some((r) => r.field.startsWith('prices.'))).toBe(false);
    });
});

describe('session and errors', () => {
    it('reads the earliest expiry of a delegation chain and describes it', () => {
        const id = { getDelegation: () => ({ delegations: [{ delegation: { expiration: 5_000_000_000n } }, { delegation: { expiration: 3_000_000_000n } }] }) };
        expect(sessionExpiryMs(id)).toBe(3000);
        expect(sessionExpiryMs({})).toBeNull();
        expect(describeExpiry(3_600_000 * 2 + 60_000 * 5, 0)).toBe('in 2 h 5 min');
        expect(describeExpiry(100, 200)).toBe('expired');
    });

    it('maps Candid errors to messages', () => {
        const r = fromCandidResult({ Err: { InvalidInput: { field: 'tdp_w', reason: 'must be ≥ 0' } } });
        expect(!r.ok && describeError(r.error)).toBe('Invalid tdp_w: must be ≥ 0');
        expect(describeError({ kind: 'transport', message: 'fetch failed' })).toBe('Could not reach the canister: fetch failed');
    });

    it('resolves the identity provider per network', () => {
        expect(resolveConfig({ DFX_NETWORK: 'ic', CANISTER_ID_BACKEND: 'x' })).toMatchObject({ identityProviderUrl: MAINNET_II_URL, fetchRootKey: false, host: undefined, backendCanisterId: 'x' });
        expect(resolveConfig({ CANISTER_ID_INTERNET_IDENTITY: 'rdmx6-jaaaa-aaaaa-aaadq-cai' }).identityProviderUrl).toBe('http://rdmx6-jaaaa-aaaaa-aaadq-cai.localhost:4943/');
        expect(resolveConfig({ VITE_IC_HOST: 'http://127.0.0.1:9000' }).identityProviderUrl).toBe('http://127.0.0.1:9000/_/identity/');
        expect(resolveConfig({}).backendCanisterId).toBeNull();
    });

    it('formats numbers without grouping years', () => {
        expect(fmtNum(2020)).toBe('2020');
        expect(fmtNum(12345.678)).toBe('12,345.68');
        expect(fmtNum(null)).toBe('—');
    });
});

describe('log axes', () => {
    it('labels both ends with 1-2-5 ticks around the data', async () => {
        const { logAxis, MAX_LOG_TICKS } = await import('../../../frontend/src/model/plot-points');
        expect(logAxis([1599, 32000])).toEqual({ domain: [1000, 50000], ticks: [1000, 2000, 5000, 10000, 20000, 50000] });
        expect(logAxis([72, 1000])).toEqual({ domain: [50, 1000], ticks: [50, 100, 200, 500, 1000] });
        const wide = logAxis([0.01, 1e6]);
        expect(wide.ticks.length).toBeLessThanOrEqual(MAX_LOG_TICKS);
        expect(wide.domain).toEqual([0.01, 1e6]);
        expect(logAxis([])).toEqual({ domain: [1, 10], ticks: [1, 10] });
    });
});

describe('derived metric labels', () => {
    it('names each derived metric key', async () => {
        const { derivedLabel } = await import('../../../frontend/src/model/derived-label');
        expect(derivedLabel('ops_per_w.fp8.dense')).toBe('FP8 dense per watt');
        expect(derivedLabel('ops_per_price.int4.sparse')).toBe('INT4 with sparsity per unit of price');
        expect(derivedLabel('bandwidth_per_price')).toBe('Memory bandwidth per unit of price');
        expect(derivedLabel('other')).toBe('other');
    });
});

describe('adding a source to a draft', () => {
    it('appends a checked source and keeps the rest of the record', async () => {
        const { addSource } = await import('../../../frontend/src/model/proposal-draft');
        const draft = JSON.stringify(hardware[0]);
        const r = addSource(draft, { url: 'https://example.org/x', title: ' X ', accessed: '2026-11-26' });
        expect(r.ok).toBe(true);
        const next = JSON.parse((r as { text: string }).text) as Hardware;
        expect(next.sources.at(-1)).toEqual({ url: 'https://example.org/x', title: 'X', accessed: '2026-11-26' });
        expect(next.sources).toHaveLength(hardware[0]!.sources.length + 1);
        expect({ ...next, sources: hardware[0]!.sources }).toEqual(hardware[0]);
        expect(addSource(draft, { url: 'ftp://x', title: 'X', accessed: '2026-11-26' })).toMatchObject({ ok: false });
        expect(addSource(draft, { url: 'https://x', title: '', accessed: '2026-11-26' })).toMatchObject({ ok: false });
        expect(addSource(draft, { url: 'https://x', title: 'X', accessed: '26.11.2026' })).toMatchObject({ ok: false });
        expect(addSource('{', { url: 'https://x', title: 'X', accessed: '2026-11-26' })).toEqual({ ok: false, message: 'Fix the record JSON first.' });
    });
});
