/**
 * Registry reads through the real wasm: lookups, listing with sort/filter/cursor, search, compare, export,
 * derived metrics, the fit calculator and recommendations, on the seed dataset.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { errCode, startBackend, unwrap, type BackendEnv } from './helpers';

const seed = (name: string): { id: string }[] => JSON.parse(readFileSync(`data/${name}.json`, 'utf8'));
const page = (over: Partial<{ sort: [] | [string]; descending: [] | [boolean]; cursor: [] | [string]; limit: [] | [number] }> = {}) => ({
    sort: [] as [] | [string],
    descending: [] as [] | [boolean],
    cursor: [] as [] | [string],
    limit: [] as [] | [number],
    ...over
});
type HardwareFilter = Parameters<BackendEnv['anonymous']['list_hardware']>[0]['filter'];
const noHardwareFilter: HardwareFilter = { kind: [], vendor: [], availability: [], min_memory_gb: [], max_price_usd: [], max_tdp_w: [] };

let env: BackendEnv;
const listHardwarePage = async (cursor: [] | [string]) => unwrap(await env.anonymous.list_hardware({ page: page({ cursor, limit: [7] }), filter: noHardwareFilter }));
const exportModels = async (cursor: [] | [string]) => unwrap(await env.anonymous.export_records({ model: null }, cursor, [10]));
beforeAll(async () => {
    env = await startBackend();
});

describe('lookups', () => {
    it('gets a seeded accelerator with its sources and dense/sparse peaks apart', async () => {
        const h = unwrap(await env.anonymous.get_hardware('nvidia-h100-sxm5-80gb'));
        expect(h.vendor).toBe('NVIDIA');
        expect(h.sources.length).toBeGreaterThan(0);
        expect(h.sources[0]?.url).toMatch(/^https?:\/\//);
        const fp8 = h.peak.fp8;
        expect(fp8.dense[0]).toBeGreaterThan(0);
        if (fp8.sparse.length === 1) expect(fp8.sparse[0]).toBeGreaterThanOrEqual(fp8.dense[0] as number);
    });

    it('answers NotFound with the entity and id for unknown records', async () => {
        const r = await env.anonymous.get_model('no-such-model');
        expect(r).toEqual({ Err: { NotFound: { entity: { model: null }, id: 'no-such-model' } } });
        expect(errCode(await env.anonymous.get_runtime('nope'))).toBe('NotFound');
        expect(errCode(await env.anonymous.get_benchmark('r999'))).toBe('NotFound');
    });
});

describe('listing', () => {
    it('walks every hardware record exactly once through cursor pages, in name order', async () => {
        const names: string[] = [];
        let cursor: [] | [string] = [];
        for (let i = 0; i < 100; i++) {
            const p: Awaited<ReturnType<typeof listHardwarePage>> = await listHardwarePage(cursor);
            names.push(...p.items.map((h) => h.name));
            expect(Number(p.total)).toBe(seed('hardware').length);
            if (p.next_cursor.length === 0) break;
            cursor = p.next_cursor;
        }
        expect(names).toHaveLength(seed('hardware').length);
        expect(new Set(names).size).toBe(names.length);
        const sorted = [...names].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
        expect(names.map((n) => n.toLowerCase())).toEqual(sorted.map((n) => n.toLowerCase()));
    });

    it('sorts by memory descending with unknown values last', async () => {
        const p = unwrap(await env.anonymous.list_hardware({ page: page({ sort: ['memory_gb'], descending: [true], limit: [100] }), filter: noHardwareFilter }));
        const mem = p.items.map((h) => (h.memory_gb.length === 0 ? null : h.memory_gb[0]));
        const known = mem.filter((m): m is number => m !== null);
        expect(known).toEqual([...known].sort((a, b) => b - a));
        const firstNull = mem.indexOf(null);
        if (firstNull >= 0) expect(mem.slice(firstNull).every((m) => m === null)).toBe(true);
    });

    it('filters by vendor and price and reports bad sort fields, cursors and limits as InvalidInput', async () => {
        const amd = unwrap(await env.anonymous.list_hardware({ page: page({ limit: [100] }), filter: { ...noHardwareFilter, vendor: ['amd'] } }));
        expect(amd.items.length).toBeGreaterThan(0);
        expect(amd.items.every((h) => h.vendor === 'AMD')).toBe(true);
        const cheap = unwrap(await env.anonymous.list_hardware({ page: page({ sort: ['price_usd'], limit: [100] }), filter: { ...noHardwareFilter, max_price_usd: [2000] } }));
        expect(cheap.items.length).toBeGreaterThan(0);
        const bad = await env.anonymous.list_hardware({ page: page({ sort: ['colour'] }), filter: noHardwareFilter });
        expect(bad).toMatchObject({ Err: { InvalidInput: { field: 'sort' } } });
        const badCursor = await env.anonymous.list_hardware({ page: page({ cursor: ['name~asc'] }), filter: noHardwareFilter });
        expect(badCursor).toMatchObject({ Err: { InvalidInput: { field: 'cursor' } } });
        const tooMany = await env.anonymous.list_hardware({ page: page({ limit: [1000] }), filter: noHardwareFilter });
        expect(tooMany).toMatchObject({ Err: { InvalidInput: { field: 'limit' } } });
    });

    it('lists models by task and runtimes by format, and the seeded benchmark results', async () => {
        const code = unwrap(await env.anonymous.list_models({ page: page({ limit: [100] }), filter: { family: [], publisher: [], task: [{ code: null }], max_params_b: [], min_context: [] } }));
        expect(code.items.every((m) => m.task_fit.some((t) => 'code' in t))).toBe(true);
        const gguf = unwrap(await env.anonymous.list_runtimes({ page: page({ limit: [100] }), filter: { hardware_vendor: [], model_format: ['gguf'] } }));
        expect(gguf.items.map((r) => r.id)).toContain('llama-cpp');
        const results = unwrap(await env.anonymous.list_benchmarks({ page: page({ limit: [100] }), filter: { hardware_id: [], runtime_id: [], model_id: [], submitter: [] } }));
        expect(results.items).toHaveLength(seed('benchmarks').length);
        expect(results.items[0]?.result_id).toMatch(/^r\d{12}$/);
    });
});

describe('search, compare, export', () => {
    it('finds records by name tokens and prefixes', async () => {
        const hits = unwrap(await env.anonymous.search('h100', []));
        expect(hits.map((h) => h.id)).toContain('nvidia-h100-sxm5-80gb');
        const both = unwrap(await env.anonymous.search('gemma 27', []));
        expect(both.map((h) => h.id)).toEqual(expect.arrayContaining(['gemma-2-27b-it', 'gemma-3-27b-it']));
        expect(errCode(await env.anonymous.search('   ', []))).toBe('InvalidInput');
    });

    it('compares up to 4 records and refuses more', async () => {
        const ids = ['nvidia-h100-sxm5-80gb', 'amd-instinct-mi300x', 'intel-gaudi-3', 'nvidia-rtx-4090'];
        expect(unwrap(await env.anonymous.compare_hardware(ids)).map((h) => h.id)).toEqual(ids);
        expect(errCode(await env.anonymous.compare_hardware([...ids, 'nvidia-l4']))).toBe('InvalidInput');
        expect(errCode(await env.anonymous.compare_hardware(['nvidia-h100-sxm5-80gb', 'missing']))).toBe('NotFound');
    });

    it('exports every model in id order as JSON chunks', async () => {
        const ids: string[] = [];
        let cursor: [] | [string] = [];
        for (;;) {
            const chunk: Awaited<ReturnType<typeof exportModels>> = await exportModels(cursor);
            ids.push(...(JSON.parse(chunk.json) as { id: string }[]).map((m) => m.id));
            if (chunk.next_cursor.length === 0) break;
            cursor = chunk.next_cursor;
        }
        expect(ids).toEqual(seed('models').map((m) => m.id).sort());
    });
});

describe('derived metrics, fit and recommendations', () => {
    it('labels derived metrics with their formula', async () => {
        const metrics = unwrap(await env.anonymous.hardware_metrics('nvidia-h100-sxm5-80gb', []));
        const perWatt = metrics.find((m) => m.name === 'ops_per_w.fp8.dense');
        expect(perWatt?.derived).toBe(true);
        expect(perWatt?.formula).toContain('tdp_w');
        expect(perWatt?.unit).toContain('/W');
    });

    it('computes whether Qwen2.5 72B Q4_K_M fits one H100 at 32k context, with the arithmetic', async () => {
        const fit = unwrap(
            await env.anonymous.fit({
                model_id: 'qwen2.5-72b-instruct',
                variant_id: 'qwen2.5-72b-instruct-gguf-q4_k_m',
                target: { hardware: { hardware_id: 'nvidia-h100-sxm5-80gb' } },
                context_tokens: [32768],
                batch: [],
                kv_dtype: []
            })
        );
        expect(fit.total_bytes).toBeCloseTo(fit.weights_bytes + fit.kv_cache_bytes + fit.overhead_bytes, 0);
        expect(fit.fits).toBe(fit.total_bytes <= fit.device_memory_bytes);
        expect(fit.breakdown.length).toBeGreaterThan(2);
        expect(fit.breakdown.join('\n')).toContain('derived: 8192 hidden / 64 heads');
        const canister = unwrap(await env.anonymous.fit({ model_id: 'qwen2.5-72b-instruct', variant_id: 'qwen2.5-72b-instruct-gguf-q4_k_m', target: { ic_canister: null }, context_tokens: [], batch: [], kv_dtype: [] }));
        expect(canister.fits).toBe(false);
        const wrongVariant = await env.anonymous.fit({ model_id: 'qwen2.5-72b-instruct', variant_id: 'gemma-3-4b-it-gguf-q4_k_m', target: { phone: null }, context_tokens: [], batch: [], kv_dtype: [] });
        expect(wrongVariant).toMatchObject({ Err: { InvalidInput: { field: 'variant_id' } } });
    });

    it('recommends hardware under a price limit with explained ranks', async () => {
        const rec = unwrap(
            await env.anonymous.recommend_hardware({
                model_id: 'qwen2.5-7b-instruct',
                variant_id: 'qwen2.5-7b-instruct-gguf-q4_k_m',
                context_tokens: [16384],
                batch: [],
                kv_dtype: [],
                currency: [],
                max_price: [2500],
                max_tdp_w: [],
                max_devices: [1],
                limit: [5]
            })
        );
        expect(rec.criteria.length).toBeGreaterThan(0);
        for (const r of rec.ranked) {
            expect(r.total_price[0]).toBeLessThanOrEqual(2500);
            expect(r.explanation.length).toBeGreaterThan(0);
        }
        expect(rec.ranked.map((r) => r.rank)).toEqual(rec.ranked.map((_, i) => i + 1));
    });

    it('recommends models that fit a browser tab', async () => {
        const rec = unwrap(await env.anonymous.recommend_models({ target: { browser: null }, task: [], benchmark: [], min_score: [], context_tokens: [4096], batch: [], kv_dtype: [], max_devices: [], limit: [5] }));
        expect(rec.ranked.length).toBeGreaterThan(0);
        for (const m of rec.ranked) expect(m.total_bytes).toBeLessThan(4e9);
    });
});
