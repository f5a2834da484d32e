/**
 * Every text bound, exercised at max (accepted) and max + 1 (rejected with that field), and every
 * numeric range at min/max (accepted) and just outside (rejected), for each record kind.
 */
import { describe, it, expect } from 'vitest';
import { validateHardware } from '../../../src/shared/registry/validate-hardware';
import { validateRuntime } from '../../../src/shared/registry/validate-runtime';
import { validateModel } from '../../../src/shared/registry/validate-model';
import { validateBenchmarkResult } from '../../../src/shared/registry/validate-result';
import { valueAtPath } from '../../../src/shared/registry/validate-sources';
import * as L from '../../../src/shared/registry/limits.constants';
import type { NumberRange } from '../../../src/shared/registry/limits.constants';
import { h100Sxm, llama31_70b, llamaCpp, mutate, result1 } from './fixtures';

type Validate = (v: unknown) => { ok: boolean; error?: unknown };

function setAt(obj: any, path: string, value: unknown): void {
  const parts = path.split('.');
  const last = parts.pop()!;
  for (const p of parts) obj = obj[p];
  obj[last] = value;
}

function fieldOf(r: { ok: boolean; error?: unknown }): string | null {
  return r.ok ? null : (r.error as { field: string }).field;
}

const texts: [string, unknown, Validate, string, number][] = [
  ['hardware', h100Sxm, validateHardware, 'vendor', L.NAME_MAX_CHARS],
  ['hardware', h100Sxm, validateHardware, 'name', L.NAME_MAX_CHARS],
  ['hardware', h100Sxm, validateHardware, 'memory_type', L.SHORT_TEXT_MAX_CHARS],
  ['hardware', h100Sxm, validateHardware, 'interconnect', L.NAME_MAX_CHARS],
  ['hardware', h100Sxm, validateHardware, 'sources.0.title', L.TITLE_MAX_CHARS],
  ['hardware', h100Sxm, validateHardware, 'notes', L.NOTES_MAX_CHARS],
  ['runtime', llamaCpp, validateRuntime, 'name', L.NAME_MAX_CHARS],
  ['runtime', llamaCpp, validateRuntime, 'vendor', L.NAME_MAX_CHARS],
  ['runtime', llamaCpp, validateRuntime, 'license', L.LICENSE_MAX_CHARS],
  ['runtime', llamaCpp, validateRuntime, 'latest_version', L.SHORT_TEXT_MAX_CHARS],
  ['model', llama31_70b, validateModel, 'name', L.NAME_MAX_CHARS],
  ['model', llama31_70b, validateModel, 'family', L.NAME_MAX_CHARS],
  ['model', llama31_70b, validateModel, 'publisher', L.NAME_MAX_CHARS],
  ['model', llama31_70b, validateModel, 'backing', L.NAME_MAX_CHARS],
  ['model', llama31_70b, validateModel, 'license', L.LICENSE_MAX_CHARS],
  ['model', llama31_70b, validateModel, 'update_cadence', L.NOTE_MAX_CHARS],
  ['model', llama31_70b, validateModel, 'variants.0.quant_label', L.SHORT_TEXT_MAX_CHARS],
  ['model', llama31_70b, validateModel, 'scores.0.harness', L.SHORT_TEXT_MAX_CHARS],
  ['model', llama31_70b, validateModel, 'scores.0.harness_version', L.SHORT_TEXT_MAX_CHARS],
  ['result', result1, validateBenchmarkResult, 'runtime_version', L.SHORT_TEXT_MAX_CHARS],
  ['result', result1, validateBenchmarkResult, 'notes', L.NOTES_MAX_CHARS],
];

describe.each(texts)('%s text bound: %s', (_kind, rec, validate, path, max) => {
  it(`accepts ${max} chars and rejects ${max + 1}`, () => {
    expect(fieldOf(validate(mutate(rec, (d) => setAt(d, path, 'x'.repeat(max)))))).toBeNull();
    expect(fieldOf(validate(mutate(rec, (d) => setAt(d, path, 'x'.repeat(max + 1)))))).toBe(path);
  });
});

const numbers: [string, unknown, Validate, string, NumberRange][] = [
  ['hardware', h100Sxm, validateHardware, 'memory_gb', L.MEMORY_GB_RANGE],
  ['hardware', h100Sxm, validateHardware, 'memory_bandwidth_gb_s', L.MEMORY_BANDWIDTH_GB_S_RANGE],
  ['hardware', h100Sxm, validateHardware, 'tdp_w', L.TDP_W_RANGE],
  ['hardware', h100Sxm, validateHardware, 'prices.0.value', L.PRICE_VALUE_RANGE],
  ['hardware', h100Sxm, validateHardware, 'peak.bf16.sparse', L.PEAK_TFLOPS_RANGE],
  ['hardware', h100Sxm, validateHardware, 'interconnect_bandwidth_gb_s', L.INTERCONNECT_GB_S_RANGE],
  ['hardware', h100Sxm, validateHardware, 'release_year', L.RELEASE_YEAR_RANGE],
  ['model', llama31_70b, validateModel, 'params_active_b', L.PARAMS_B_RANGE],
  ['model', llama31_70b, validateModel, 'architecture.layers', L.LAYERS_RANGE],
  ['model', llama31_70b, validateModel, 'architecture.hidden_size', L.HIDDEN_SIZE_RANGE],
  ['model', llama31_70b, validateModel, 'architecture.head_dim', L.HEAD_DIM_RANGE],
  ['model', llama31_70b, validateModel, 'architecture.vocab_size', L.VOCAB_RANGE],
  ['model', llama31_70b, validateModel, 'context_length', L.CONTEXT_TOKENS_RANGE],
  ['model', llama31_70b, validateModel, 'variants.0.bits_per_weight', L.BITS_PER_WEIGHT_RANGE],
  ['model', llama31_70b, validateModel, 'variants.0.file_size_bytes', L.FILE_SIZE_BYTES_RANGE],
  ['model', llama31_70b, validateModel, 'scores.0.score', L.SCORE_RANGE],
  ['model', llama31_70b, validateModel, 'scores.0.shots', L.SHOTS_RANGE],
  ['result', result1, validateBenchmarkResult, 'settings.batch_size', L.BATCH_RANGE],
  ['result', result1, validateBenchmarkResult, 'settings.prompt_tokens', L.TOKENS_PER_REQUEST_RANGE],
  ['result', result1, validateBenchmarkResult, 'settings.output_tokens', L.TOKENS_PER_REQUEST_RANGE],
  ['result', result1, validateBenchmarkResult, 'settings.concurrency', L.CONCURRENCY_RANGE],
  ['result', result1, validateBenchmarkResult, 'settings.device_count', L.DEVICE_COUNT_RANGE],
  ['result', result1, validateBenchmarkResult, 'prompt_tokens_per_s', L.TOKENS_PER_S_RANGE],
  ['result', result1, validateBenchmarkResult, 'generation_tokens_per_s', L.TOKENS_PER_S_RANGE],
  ['result', result1, validateBenchmarkResult, 'ttft_ms', L.TTFT_MS_RANGE],
  ['result', result1, validateBenchmarkResult, 'power_w', L.POWER_W_RANGE],
];

describe.each(numbers)('%s numeric bound: %s', (_kind, rec, validate, path, range) => {
  it(`accepts ${range.min} and ${range.max} ${range.unit}, rejects outside, NaN and Infinity`, () => {
    expect(valueAtPath(rec, path)).not.toBeUndefined(); // the path names a real field
    const step = range.integer ? 1 : Math.max(range.max * 1e-9, 1e-9);
    // Nulls keep cross-field rules (active ≤ total) out of the way of the bound being tested.
    const relax = (d: any) => { if (path === 'params_active_b') d.params_total_b = null; };
    for (const ok of [range.min, range.max]) {
      expect(fieldOf(validate(mutate(rec, (d) => (relax(d), setAt(d, path, ok)))))).toBeNull();
    }
    for (const bad of [range.min - step, range.max + step * Math.max(1, range.max), Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(fieldOf(validate(mutate(rec, (d) => (relax(d), setAt(d, path, bad)))))).toBe(path);
    }
  });
});
