import { describe, expect, it } from 'vitest';
import type { Hardware, Sourced } from '../../../src/shared/registry/types';
import { validateHardware } from '../../../src/shared/registry/validate-hardware';
import { compileSchemas, DATASET_FILES, loadDataset, type DatasetName } from './dataset-files';

const MIN_HARDWARE = 40;
const ALL_FILES = Object.keys(DATASET_FILES) as DatasetName[];
const schemaFor = compileSchemas();

const hardware = loadDataset('hardware') as Hardware[];

function duplicates(ids: readonly string[]): string[] {
    return ids.filter((id, i) => ids.indexOf(id) !== i);
}

/** Every source URL is http(s) and every source_ref points at an existing source. */
function provenanceProblems(rec: Sourced & { id?: string }): string[] {
    const out: string[] = [];
    if (rec.sources.length < 1) out.push('no sources');
    for (const s of rec.sources) if (!/^https?:\/\/\S+$/.test(s.url)) out.push(`bad url ${s.url}`);
    for (const r of rec.source_refs ?? []) if (r.source >= rec.sources.length) out.push(`ref ${r.field} -> missing source ${r.source}`);
    return out;
}

describe('seed dataset: JSON Schemas', () => {
    for (const name of ALL_FILES.filter((n) => n === 'hardware')) {
        it(`${name}.json validates against its schema`, () => {
            const validate = schemaFor(DATASET_FILES[name].schema);
            const ok = validate(loadDataset(name));
            expect(validate.errors ?? []).toEqual([]);
            expect(ok).toBe(true);
        });
    }

    it('the schema rejects a record with an unknown field or a missing source', () => {
        const validate = schemaFor(DATASET_FILES.hardware.schema);
        const [first] = hardware;
        expect(validate([{ ...first, extra: 1 }])).toBe(false);
        expect(validate([{ ...first, sources: [] }])).toBe(false);
    });
});

describe('seed dataset: hardware', () => {
    it(`has at least ${MIN_HARDWARE} accelerators with unique ids`, () => {
        expect(hardware.length).toBeGreaterThanOrEqual(MIN_HARDWARE);
        expect(duplicates(hardware.map((h) => h.id))).toEqual([]);
    });

    it('passes the shared validator, record by record', () => {
        const failures = hardware.map((h) => ({ id: h.id, r: validateHardware(h) })).filter((x) => !x.r.ok);
        expect(failures).toEqual([]);
    });

    it('every record carries sources with http(s) URLs and in-range source refs', () => {
        const problems = hardware.flatMap((h) => provenanceProblems(h).map((p) => `${h.id}: ${p}`));
        expect(problems).toEqual([]);
    });

    it('every price has an as-of date and a currency', () => {
        for (const h of hardware) {
            for (const p of h.prices) {
                expect(p.as_of, h.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
                expect(p.currency, h.id).toMatch(/^[A-Z]{3}$/);
            }
        }
    });

    it('covers the vendors the registry promises', () => {
        const vendors = new Set(hardware.map((h) => h.vendor));
        for (const v of ['NVIDIA', 'AMD', 'Intel', 'Google', 'Tenstorrent', 'Groq', 'd-Matrix', 'Esperanto Technologies', 'Cerebras', 'Apple', 'Qualcomm']) {
            expect(vendors.has(v), v).toBe(true);
        }
    });

    it('never stores a with-sparsity figure below the dense one', () => {
        const bad = hardware.flatMap((h) => Object.entries(h.peak)
            .filter(([, v]) => v.dense !== null && v.sparse !== null && v.sparse < v.dense)
            .map(([p]) => `${h.id}.${p}`));
        expect(bad).toEqual([]);
    });
});
