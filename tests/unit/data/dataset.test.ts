import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../../src/shared/registry/validate-dataset';
import { validateHardware } from '../../../src/shared/registry/validate-hardware';
import { validateModel } from '../../../src/shared/registry/validate-model';
import { validateBenchmarkSubmission } from '../../../src/shared/registry/validate-result';
import { validateRuntime } from '../../../src/shared/registry/validate-runtime';
import { compileSchemas, DATASET_FILES, loadAll, loadDataset, type DatasetName } from './dataset-files';

/** Counts the registry promises (issue #4). */
const MIN_HARDWARE = 40;
const MIN_RUNTIMES = 10;
const MIN_MODELS = 30;
const PROMISED_VENDORS = [
    'NVIDIA', 'AMD', 'Intel', 'Google', 'Tenstorrent', 'Groq', 'd-Matrix', 'Esperanto Technologies', 'Cerebras', 'Apple', 'Qualcomm',
];

const schemaFor = compileSchemas();
const seed = loadAll();
const submissions = loadDataset('benchmarks') as unknown[];

function duplicates(ids: readonly string[]): string[] {
    return ids.filter((id, i) => ids.indexOf(id) !== i);
}

function failuresOf<T extends { id?: string }>(items: readonly T[], check: (x: unknown) => { ok: boolean }): unknown[] {
    return items.map((x, i) => ({ at: x.id ?? i, r: check(x) })).filter((x) => !x.r.ok);
}

describe('seed dataset: JSON Schemas (draft 2020-12)', () => {
    for (const name of Object.keys(DATASET_FILES) as DatasetName[]) {
        it(`data/${DATASET_FILES[name].data} validates against ${DATASET_FILES[name].schema}`, () => {
            const validate = schemaFor(DATASET_FILES[name].schema);
            const ok = validate(loadDataset(name));
            expect(validate.errors ?? []).toEqual([]);
            expect(ok).toBe(true);
        });
    }

    it('rejects an unknown field, an empty sources list and a guessed-looking string number', () => {
        const hw = schemaFor(DATASET_FILES.hardware.schema);
        const [first] = seed.hardware;
        expect(hw([{ ...first, extra: 1 }])).toBe(false);
        expect(hw([{ ...first, sources: [] }])).toBe(false);
        expect(hw([{ ...first, tdp_w: '700' }])).toBe(false);
        const models = schemaFor(DATASET_FILES.models.schema);
        expect(models([{ ...seed.models[0], architecture: { ...seed.models[0]!.architecture, layers: 1.5 } }])).toBe(false);
    });
});

describe('seed dataset: shared validators', () => {
    it('every hardware, runtime and model record passes its validator', () => {
        expect(failuresOf(seed.hardware, validateHardware)).toEqual([]);
        expect(failuresOf(seed.runtimes, validateRuntime)).toEqual([]);
        expect(failuresOf(seed.models, validateModel)).toEqual([]);
    });

    it('every benchmark entry is a valid submission', () => {
        expect(failuresOf(submissions as { id?: string }[], validateBenchmarkSubmission)).toEqual([]);
    });

    it('the whole seed passes validateDataset (unique ids, references between files)', () => {
        const r = validateDataset(seed);
        expect(r.ok ? null : r.error).toBeNull();
    });
});

describe('seed dataset: coverage', () => {
    it(`has at least ${MIN_HARDWARE} accelerators, ${MIN_RUNTIMES} runtimes and ${MIN_MODELS} models`, () => {
        expect(seed.hardware.length).toBeGreaterThanOrEqual(MIN_HARDWARE);
        expect(seed.runtimes.length).toBeGreaterThanOrEqual(MIN_RUNTIMES);
        expect(seed.models.length).toBeGreaterThanOrEqual(MIN_MODELS);
    });

    it('has unique ids per kind, and variant ids unique across all models', () => {
        expect(duplicates(seed.hardware.map((h) => h.id))).toEqual([]);
        expect(duplicates(seed.runtimes.map((r) => r.id))).toEqual([]);
        expect(duplicates(seed.models.map((m) => m.id))).toEqual([]);
        expect(duplicates(seed.models.flatMap((m) => m.variants.map((v) => v.id)))).toEqual([]);
    });

    it('covers the vendors the registry promises', () => {
        const vendors = new Set(seed.hardware.map((h) => h.vendor));
        expect(PROMISED_VENDORS.filter((v) => !vendors.has(v))).toEqual([]);
    });

    it('includes mixture-of-experts models and GGUF Q4_K_M and Q8_0 variants', () => {
        expect(seed.models.filter((m) => m.architecture.kind === 'moe').length).toBeGreaterThanOrEqual(3);
        const labels = new Set(seed.models.flatMap((m) => m.variants.map((v) => v.quant_label)));
        expect(labels.has('Q4_K_M') && labels.has('Q8_0')).toBe(true);
    });
});
