import { describe, expect, it } from 'vitest';
import type { Sourced } from '../../../src/shared/registry/types';
import { loadAll, valueAt } from './dataset-files';

const seed = loadAll();
const records: { kind: string; id: string; rec: Sourced }[] = [
    ...seed.hardware.map((r) => ({ kind: 'hardware', id: r.id, rec: r })),
    ...seed.runtimes.map((r) => ({ kind: 'runtime', id: r.id, rec: r })),
    ...seed.models.map((r) => ({ kind: 'model', id: r.id, rec: r })),
];
const HTTP_URL = /^https?:\/\/[^\s/]+\/?\S*$/;

describe('seed dataset: provenance', () => {
    it('every record has at least one source with an http(s) URL, a title and an access date', () => {
        const bad = records.flatMap(({ kind, id, rec }) => {
            if (rec.sources.length === 0) return [`${kind} ${id}: no sources`];
            return rec.sources.filter((s) => !HTTP_URL.test(s.url) || s.title.length === 0 || !/^\d{4}-\d{2}-\d{2}$/.test(s.accessed))
                .map((s) => `${kind} ${id}: ${s.url}`);
        });
        expect(bad).toEqual([]);
    });

    it('every source_ref points at an existing source and at a field that holds a value', () => {
        const bad = records.flatMap(({ kind, id, rec }) => (rec.source_refs ?? [])
            .filter((r) => r.source >= rec.sources.length || valueAt(rec, r.field) === undefined || valueAt(rec, r.field) === null)
            .map((r) => `${kind} ${id}: ${r.field} -> ${r.source}`));
        expect(bad).toEqual([]);
    });

    it('every quality score names a source of its model', () => {
        const bad = seed.models.flatMap((m) => m.scores.filter((s) => s.source >= m.sources.length).map((s) => `${m.id}: ${s.benchmark}`));
        expect(bad).toEqual([]);
    });

    it('every price is dated (as_of) and has a currency code', () => {
        const bad = seed.hardware.flatMap((h) => h.prices
            .filter((p) => !/^\d{4}-\d{2}-\d{2}$/.test(p.as_of) || !/^[A-Z]{3}$/.test(p.currency))
            .map((p) => `${h.id}: ${JSON.stringify(p)}`));
        expect(bad).toEqual([]);
        expect(seed.hardware.some((h) => h.prices.length > 0)).toBe(true);
    });

    it('published benchmark results carry sources and point at existing records', () => {
        const hw = new Set(seed.hardware.map((h) => h.id));
        const rt = new Set(seed.runtimes.map((r) => r.id));
        const variants = new Map(seed.models.map((m) => [m.id, new Set(m.variants.map((v) => v.id))]));
        const bad = seed.results.filter((r) => r.sources.length === 0 || !hw.has(r.hardware_id) || !rt.has(r.runtime_id)
            || !variants.get(r.model_id)?.has(r.variant_id));
        expect(bad).toEqual([]);
    });

    it('never stores a with-sparsity figure below the dense one', () => {
        const bad = seed.hardware.flatMap((h) => Object.entries(h.peak)
            .filter(([, v]) => v.dense !== null && v.sparse !== null && v.sparse < v.dense)
            .map(([p]) => `${h.id}.${p}`));
        expect(bad).toEqual([]);
    });
});
