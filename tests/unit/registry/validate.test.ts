import { describe, it, expect } from 'vitest';
import { validateHardware } from '../../../src/shared/registry/validate-hardware';
import { validateRuntime } from '../../../src/shared/registry/validate-runtime';
import { validateModel } from '../../../src/shared/registry/validate-model';
import { validateBenchmarkResult, validateBenchmarkSubmission } from '../../../src/shared/registry/validate-result';
import { validateDataset } from '../../../src/shared/registry/validate-dataset';
import * as L from '../../../src/shared/registry/limits.constants';
import { h100Sxm, llama31_70b, llamaCpp, mutate, mysteryNpu, qwen05b, result1, rtx4090 } from './fixtures';

type Case = [string, (d: any) => void, string];

function fieldOf(r: { ok: boolean; error?: unknown }): string | undefined {
  if (r.ok) return undefined;
  const e = r.error as { code: string; field?: string };
  expect(e.code).toBe('InvalidInput');
  return e.field;
}

const long = (n: number): string => 'x'.repeat(n);

describe('validateHardware', () => {
  it('accepts valid records, including all-null numbers', () => {
    expect(validateHardware(h100Sxm).ok).toBe(true);
    expect(validateHardware(rtx4090).ok).toBe(true);
    expect(validateHardware(mysteryNpu).ok).toBe(true);
    const unknowns = mutate(h100Sxm, (d) => {
      for (const k of ['memory_gb', 'memory_type', 'memory_bandwidth_gb_s', 'tdp_w', 'interconnect', 'form_factor', 'release_year', 'availability']) d[k] = null;
      d.prices = [{ value: null, currency: 'EUR', kind: 'msrp', as_of: '2024-02-29' }];
    });
    expect(validateHardware(unknowns)).toEqual({ ok: true, value: unknowns });
  });

  const cases: Case[] = [
    ['id', (d) => (d.id = 'Bad Id'), 'id'],
    ['id too long', (d) => (d.id = 'a' + long(L.ID_MAX_CHARS)), 'id'],
    ['vendor empty', (d) => (d.vendor = ''), 'vendor'],
    ['name too long', (d) => (d.name = long(L.NAME_MAX_CHARS + 1)), 'name'],
    ['name padded', (d) => (d.name = ' H100'), 'name'],
    ['name control char', (d) => (d.name = 'H\u0007100'), 'name'],
    ['name lone high surrogate', (d) => (d.name = 'H100 \ud83d'), 'name'],
    ['name lone low surrogate', (d) => (d.name = '\ude80 H100'), 'name'],
    ['kind enum', (d) => (d.kind = 'tpu'), 'kind'],
    ['memory_gb below', (d) => (d.memory_gb = 0), 'memory_gb'],
    ['memory_gb above', (d) => (d.memory_gb = L.MEMORY_GB_RANGE.max + 1), 'memory_gb'],
    ['memory_gb NaN', (d) => (d.memory_gb = Number.NaN), 'memory_gb'],
    ['memory_gb string', (d) => (d.memory_gb = '80'), 'memory_gb'],
    ['memory_type too long', (d) => (d.memory_type = long(L.SHORT_TEXT_MAX_CHARS + 1)), 'memory_type'],
    ['bandwidth above', (d) => (d.memory_bandwidth_gb_s = L.MEMORY_BANDWIDTH_GB_S_RANGE.max * 2), 'memory_bandwidth_gb_s'],
    ['tdp negative', (d) => (d.tdp_w = -1), 'tdp_w'],
    ['tdp above', (d) => (d.tdp_w = L.TDP_W_RANGE.max + 1), 'tdp_w'],
    ['price negative', (d) => (d.prices[0].value = -5), 'prices.0.value'],
    ['price above', (d) => (d.prices[1].value = L.PRICE_VALUE_RANGE.max + 1), 'prices.1.value'],
    ['currency', (d) => (d.prices[0].currency = 'usd'), 'prices.0.currency'],
    ['price kind', (d) => (d.prices[0].kind = 'rent'), 'prices.0.kind'],
    ['price date', (d) => (d.prices[0].as_of = '2023-02-29'), 'prices.0.as_of'],
    ['price date format', (d) => (d.prices[0].as_of = '2023-2-1'), 'prices.0.as_of'],
    ['too many prices', (d) => (d.prices = Array.from({ length: L.PRICES_MAX + 1 }, () => d.prices[0])), 'prices'],
    ['peak missing precision', (d) => delete d.peak.int4, 'peak.int4'],
    ['peak extra precision', (d) => (d.peak.fp64 = { dense: 1, sparse: null }), 'peak.fp64'],
    ['peak above', (d) => (d.peak.fp8.dense = L.PEAK_TFLOPS_RANGE.max + 1), 'peak.fp8.dense'],
    ['peak negative', (d) => (d.peak.int8.sparse = -1), 'peak.int8.sparse'],
    ['interconnect bw', (d) => (d.interconnect_bandwidth_gb_s = -1), 'interconnect_bandwidth_gb_s'],
    ['form factor', (d) => (d.form_factor = 'box'), 'form_factor'],
    ['release year low', (d) => (d.release_year = 1969), 'release_year'],
    ['release year fraction', (d) => (d.release_year = 2022.5), 'release_year'],
    ['availability', (d) => (d.availability = 'soon'), 'availability'],
    ['missing field', (d) => delete d.tdp_w, 'tdp_w'],
    ['unknown field (typo)', (d) => (d.memory_gib = 80), 'memory_gib'],
    ['no sources', (d) => (d.sources = []), 'sources'],
    ['too many sources', (d) => (d.sources = Array.from({ length: L.SOURCES_MAX + 1 }, () => d.sources[0])), 'sources'],
    ['source url scheme', (d) => (d.sources[0].url = 'ftp://example.org/x'), 'sources.0.url'],
    ['source url javascript', (d) => (d.sources[0].url = 'javascript:alert(1)'), 'sources.0.url'],
    ['source url spaces', (d) => (d.sources[0].url = 'https://exa mple.org'), 'sources.0.url'],
    ['source url too long', (d) => (d.sources[0].url = 'https://example.org/' + long(L.URL_MAX_CHARS)), 'sources.0.url'],
    ['source title too long', (d) => (d.sources[0].title = long(L.TITLE_MAX_CHARS + 1)), 'sources.0.title'],
    ['source accessed', (d) => (d.sources[0].accessed = '2026-13-01'), 'sources.0.accessed'],
    ['source note too long', (d) => (d.sources[0].note = long(L.NOTE_MAX_CHARS + 1)), 'sources.0.note'],
    ['source note null', (d) => (d.sources[0].note = null), 'sources.0.note'],
    ['source_ref index out of range', (d) => (d.source_refs[0].source = 1), 'source_refs.0.source'],
    ['source_ref field path', (d) => (d.source_refs[0].field = 'Peak FP8'), 'source_refs.0.field'],
    ['source_ref names no field', (d) => (d.source_refs[0].field = 'peak.fp64.dense'), 'source_refs.0.field'],
    ['source_ref past an array', (d) => (d.source_refs[0].field = 'prices.5.value'), 'source_refs.0.field'],
    ['inherited key is not a field', (d) => (d.source_refs[0].field = 'constructor'), 'source_refs.0.field'],
    ['too many source_refs', (d) => (d.source_refs = Array.from({ length: L.SOURCE_REFS_MAX + 1 }, () => d.source_refs[0])), 'source_refs'],
    ['notes too long', (d) => (d.notes = long(L.NOTES_MAX_CHARS + 1)), 'notes'],
  ];
  it.each(cases)('rejects %s', (_name, edit, field) => {
    expect(fieldOf(validateHardware(mutate(h100Sxm, edit)))).toBe(field);
  });

  it('source_refs may name nested, array and null-valued fields', () => {
    const refs = mutate(h100Sxm, (d) => (d.source_refs = [
      { field: 'prices.1.value', source: 0 }, { field: 'peak.int4.dense', source: 0, note: 'not published' }, { field: 'tdp_w', source: 0 },
    ]));
    expect(validateHardware(refs).ok).toBe(true);
  });

  it('rejects non-objects with a root error', () => {
    expect(validateHardware(null)).toEqual({ ok: false, error: { code: 'InvalidInput', field: '(root)', reason: 'must be an object' } });
    expect(fieldOf(validateHardware([h100Sxm]))).toBe('(root)');
  });

  it('accepts boundary values exactly at the limits', () => {
    const atMax = mutate(h100Sxm, (d) => {
      d.memory_gb = L.MEMORY_GB_RANGE.max;
      d.name = long(L.NAME_MAX_CHARS - 2) + '🚀'; // a surrogate pair is well-formed
      d.id = 'a' + 'b'.repeat(L.ID_MAX_CHARS - 1);
      d.release_year = L.RELEASE_YEAR_RANGE.min;
      d.sources = Array.from({ length: L.SOURCES_MAX }, () => d.sources[0]);
      d.notes = long(L.NOTES_MAX_CHARS);
    });
    expect(validateHardware(atMax).ok).toBe(true);
  });
});

describe('validateRuntime', () => {
  it('accepts a valid runtime', () => expect(validateRuntime(llamaCpp).ok).toBe(true));
  const cases: Case[] = [
    ['license empty', (d) => (d.license = ''), 'license'],
    ['license too long', (d) => (d.license = long(L.LICENSE_MAX_CHARS + 1)), 'license'],
    ['vendor slug', (d) => (d.hardware_vendors[0] = 'NVIDIA'), 'hardware_vendors.0'],
    ['vendor repeat', (d) => d.hardware_vendors.push('nvidia'), 'hardware_vendors.4'],
    ['too many vendors', (d) => (d.hardware_vendors = Array.from({ length: L.HARDWARE_VENDORS_MAX + 1 }, (_, i) => `v${i}`)), 'hardware_vendors'],
    ['backend enum', (d) => (d.backends = ['cuda', 'glide']), 'backends.1'],
    ['backend repeat', (d) => (d.backends = ['cuda', 'cuda']), 'backends.1'],
    ['format enum', (d) => (d.model_formats = ['ggml']), 'model_formats.0'],
    ['quant enum', (d) => (d.quant_methods = ['q4']), 'quant_methods.0'],
    ['feature missing', (d) => delete d.features.cpu_offload, 'features.cpu_offload'],
    ['feature not bool', (d) => (d.features.cpu_offload = 'yes'), 'features.cpu_offload'],
    ['ease enum', (d) => (d.ease_of_install = 'trivial'), 'ease_of_install'],
    ['version too long', (d) => (d.latest_version = long(L.SHORT_TEXT_MAX_CHARS + 1)), 'latest_version'],
    ['homepage scheme', (d) => (d.homepage = 'github.com/ggml-org/llama.cpp'), 'homepage'],
  ];
  it.each(cases)('rejects %s', (_name, edit, field) => {
    expect(fieldOf(validateRuntime(mutate(llamaCpp, edit)))).toBe(field);
  });
});

describe('validateModel', () => {
  it('accepts valid models', () => {
    expect(validateModel(llama31_70b).ok).toBe(true);
    expect(validateModel(qwen05b).ok).toBe(true);
  });
  const cases: Case[] = [
    ['family too long', (d) => (d.family = long(L.NAME_MAX_CHARS + 1)), 'family'],
    ['params below', (d) => (d.params_total_b = 0), 'params_total_b'],
    ['params above', (d) => (d.params_total_b = L.PARAMS_B_RANGE.max + 1), 'params_total_b'],
    ['active > total', (d) => (d.params_active_b = 100), 'params_active_b'],
    ['layers fraction', (d) => (d.architecture.layers = 80.5), 'architecture.layers'],
    ['layers above', (d) => (d.architecture.layers = L.LAYERS_RANGE.max + 1), 'architecture.layers'],
    ['hidden above', (d) => (d.architecture.hidden_size = L.HIDDEN_SIZE_RANGE.max + 1), 'architecture.hidden_size'],
    ['kv heads > heads', (d) => (d.architecture.kv_heads = 128), 'architecture.kv_heads'],
    ['head_dim zero', (d) => (d.architecture.head_dim = 0), 'architecture.head_dim'],
    ['vocab above', (d) => (d.architecture.vocab_size = L.VOCAB_RANGE.max + 1), 'architecture.vocab_size'],
    ['experts active > total', (d) => ((d.architecture.experts_total = 8), (d.architecture.experts_active = 9)), 'architecture.experts_active'],
    ['arch kind', (d) => (d.architecture.kind = 'mamba'), 'architecture.kind'],
    ['context above', (d) => (d.context_length = L.CONTEXT_TOKENS_RANGE.max + 1), 'context_length'],
    ['release date', (d) => (d.release_date = 'July 2024'), 'release_date'],
    ['cadence too long', (d) => (d.update_cadence = long(L.NOTE_MAX_CHARS + 1)), 'update_cadence'],
    ['task enum', (d) => (d.task_fit = ['poetry']), 'task_fit.0'],
    ['variant id', (d) => (d.variants[0].id = 'Q4'), 'variants.0.id'],
    ['variant repeat', (d) => (d.variants[1].id = d.variants[0].id), 'variants.1'],
    ['variant format', (d) => (d.variants[0].format = 'bin'), 'variants.0.format'],
    ['bits below', (d) => (d.variants[0].bits_per_weight = 0.5), 'variants.0.bits_per_weight'],
    ['bits above', (d) => (d.variants[0].bits_per_weight = 33), 'variants.0.bits_per_weight'],
    ['file size fraction', (d) => (d.variants[0].file_size_bytes = 1.5), 'variants.0.file_size_bytes'],
    ['sha256', (d) => (d.variants[0].sha256 = 'ABC'), 'variants.0.sha256'],
    ['too many variants', (d) => (d.variants = Array.from({ length: L.VARIANTS_MAX + 1 }, (_, i) => ({ ...d.variants[0], id: `v${i}` }))), 'variants'],
    ['score above', (d) => (d.scores[0].score = L.SCORE_RANGE.max + 1), 'scores.0.score'],
    ['shots negative', (d) => (d.scores[0].shots = -1), 'scores.0.shots'],
    ['benchmark slug', (d) => (d.scores[0].benchmark = 'MMLU Pro'), 'scores.0.benchmark'],
    ['score source index', (d) => (d.scores[0].source = 3), 'scores.0.source'],
    ['evaluator enum', (d) => (d.scores[0].evaluator = 'me'), 'scores.0.evaluator'],
    ['too many scores', (d) => (d.scores = Array.from({ length: L.SCORES_MAX + 1 }, () => d.scores[0])), 'scores'],
  ];
  it.each(cases)('rejects %s', (_name, edit, field) => {
    expect(fieldOf(validateModel(mutate(llama31_70b, edit)))).toBe(field);
  });
});

describe('validateBenchmarkResult', () => {
  it('accepts a measured result without sources', () => expect(validateBenchmarkResult(result1).ok).toBe(true));
  it('accepts a submission (no id/submitter/timestamp)', () => {
    const { result_id: _a, submitter: _b, timestamp_ns: _c, ...sub } = result1;
    expect(validateBenchmarkSubmission(sub).ok).toBe(true);
    expect(fieldOf(validateBenchmarkSubmission(result1))).toBe('result_id');
  });
  const cases: Case[] = [
    ['published without sources', (d) => (d.origin = 'published'), 'sources'],
    ['batch zero', (d) => (d.settings.batch_size = 0), 'settings.batch_size'],
    ['concurrency above', (d) => (d.settings.concurrency = L.CONCURRENCY_RANGE.max + 1), 'settings.concurrency'],
    ['device count fraction', (d) => (d.settings.device_count = 1.5), 'settings.device_count'],
    ['tokens/s negative', (d) => (d.generation_tokens_per_s = -1), 'generation_tokens_per_s'],
    ['ttft above', (d) => (d.ttft_ms = L.TTFT_MS_RANGE.max + 1), 'ttft_ms'],
    ['power above', (d) => (d.power_w = L.POWER_W_RANGE.max + 1), 'power_w'],
    ['no measurement', (d) => ((d.prompt_tokens_per_s = null), (d.generation_tokens_per_s = null), (d.ttft_ms = null)), 'generation_tokens_per_s'],
    ['submitter', (d) => (d.submitter = 'Not A Principal'), 'submitter'],
    ['timestamp number', (d) => (d.timestamp_ns = 5), 'timestamp_ns'],
    ['origin', (d) => (d.origin = 'guess'), 'origin'],
    ['hash', (d) => (d.model_sha256 = '00'), 'model_sha256'],
  ];
  it.each(cases)('rejects %s', (_name, edit, field) => {
    expect(fieldOf(validateBenchmarkResult(mutate(result1, edit)))).toBe(field);
  });
});

describe('validateDataset', () => {
  const ds = { hardware: [h100Sxm, rtx4090, mysteryNpu], runtimes: [llamaCpp], models: [llama31_70b, qwen05b], results: [result1] };
  it('accepts a consistent dataset', () => expect(validateDataset(ds).ok).toBe(true));
  it('reports duplicate ids as Conflict', () => {
    const r = validateDataset({ ...ds, hardware: [h100Sxm, h100Sxm] });
    expect(r).toEqual({ ok: false, error: { code: 'Conflict', id: 'nvidia-h100-sxm', reason: 'hardware id at hardware.1 duplicates hardware.0' } });
  });
  it('reports variant ids repeated across models', () => {
    const clash = { ...qwen05b, variants: [{ ...qwen05b.variants[0]!, id: llama31_70b.variants[0]!.id }] };
    const r = validateDataset({ ...ds, models: [llama31_70b, clash], results: [] });
    expect(!r.ok && r.error.code === 'Conflict' && r.error.id).toBe(llama31_70b.variants[0]!.id);
  });
  it('rejects dangling references', () => {
    expect(fieldOf(validateDataset({ ...ds, hardware: [h100Sxm] }))).toBe('results.0.hardware_id');
    expect(fieldOf(validateDataset({ ...ds, runtimes: [] }))).toBe('results.0.runtime_id');
    expect(fieldOf(validateDataset({ ...ds, models: [llama31_70b] }))).toBe('results.0.model_id');
    const wrongVariant = { ...result1, variant_id: llama31_70b.variants[0]!.id };
    expect(fieldOf(validateDataset({ ...ds, results: [wrongVariant] }))).toBe('results.0.variant_id');
  });
  it('prefixes record errors with their position', () => {
    expect(fieldOf(validateDataset({ ...ds, models: [llama31_70b, { ...qwen05b, license: '' }] }))).toBe('models.1.license');
  });
});
