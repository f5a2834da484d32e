import { describe, it, expect } from 'vitest';
import { matchScore, searchAll, tokenize } from '../../../src/shared/registry/search';
import { compareHardware, compareRecords } from '../../../src/shared/registry/compare';
import { COMPARE_MAX_IDS } from '../../../src/shared/registry/limits.constants';
import { h100Sxm, llama31_70b, llamaCpp, mysteryNpu, qwen05b, rtx4090 } from './fixtures';

const data = { hardware: [h100Sxm, rtx4090, mysteryNpu], runtimes: [llamaCpp], models: [llama31_70b, qwen05b] };

describe('search', () => {
  it('tokenizes case-insensitively on non-letters, keeping unicode letters', () => {
    expect(tokenize('NVIDIA H100-SXM5 80GB, Qwen2.5 模型')).toEqual(['nvidia', 'h100', 'sxm5', '80gb', 'qwen2', '5', '模型']);
  });
  it('every query token must prefix-match; exact beats prefix', () => {
    expect(matchScore(['h100'], ['NVIDIA H100 SXM5'])).toBe(2);
    expect(matchScore(['h1'], ['NVIDIA H100 SXM5'])).toBe(1);
    expect(matchScore(['h100', 'pcie'], ['NVIDIA H100 SXM5'])).toBe(0);
  });
  it('searchAll ranks across kinds: exact hits first, then entity, then id', () => {
    const r = searchAll(data, 'NVIDIA', 10);
    expect(r.ok && r.value.map((h) => h.id)).toEqual(['nvidia-h100-sxm', 'nvidia-rtx-4090']);
    const g = searchAll(data, 'gguf', 10); // runtime format and nothing else
    expect(g.ok && g.value).toEqual([{ entity: 'runtime', id: 'llama-cpp', name: 'llama.cpp', score: 2 }]);
    const q = searchAll(data, 'q4_k', 10); // tokens q4, k: both exact tokens of the quant label Q4_K_M
    expect(q.ok && q.value.map((h) => [h.id, h.score])).toEqual([['llama-3.1-70b-instruct', 4]]);
    const l = searchAll(data, 'llama', 10);
    expect(l.ok && l.value.map((h) => h.entity)).toEqual(['model', 'runtime']);
    const one = searchAll(data, 'n', 1);
    expect(one.ok && one.value.length).toBe(1);
  });
  it('rejects empty, overlong and zero-limit queries', () => {
    const f = (q: string, limit = 10) => { const r = searchAll(data, q, limit); return r.ok ? null : r.error; };
    expect(f('')).toMatchObject({ code: 'InvalidInput', field: 'query' });
    expect(f('--')).toMatchObject({ field: 'query', reason: 'must contain a letter or digit' });
    expect(f('a'.repeat(257))).toMatchObject({ field: 'query' });
    expect(f(Array.from({ length: 17 }, (_, i) => `w${i}`).join(' '))).toMatchObject({ field: 'query' });
    expect(f('h100', 0)).toMatchObject({ field: 'limit' });
  });
});

describe('compare', () => {
  it('aligns fields across records and flags differences', () => {
    const r = compareRecords(data.hardware, 'hardware', ['nvidia-h100-sxm', 'acme-npu-1']);
    if (!r.ok) throw new Error('unexpected');
    const row = (f: string) => r.value.rows.find((x) => x.field === f);
    expect(row('memory_gb')).toEqual({ field: 'memory_gb', values: [80, 16], differs: true, derived: false, unit: null });
    expect(row('peak.fp8.dense')!.values).toEqual([1979, null]);
    expect(row('memory_type')).toMatchObject({ values: ['HBM3', 'HBM3'], differs: false });
    expect(row('prices.1.value')!.values).toEqual([2.5, null]); // the NPU has no prices
    expect(row('sources.0.url')).toBeUndefined();
    const m = compareRecords(data.models, 'model', ['qwen2.5-0.5b-instruct', 'llama-3.1-70b-instruct']);
    expect(m.ok && m.value.rows.find((x) => x.field === 'task_fit')!.values).toEqual(['chat', 'chat, code, reasoning']);
  });
  it('hardware comparison adds derived rows', () => {
    const r = compareHardware(data.hardware, ['nvidia-h100-sxm', 'nvidia-rtx-4090'], { currency: 'USD' });
    if (!r.ok) throw new Error('unexpected');
    const d = r.value.rows.find((x) => x.field === 'derived.ops_per_w.fp8.dense')!;
    expect(d.derived).toBe(true);
    expect(d.unit).toBe('TFLOPS/W');
    expect(d.values[0]).toBeCloseTo(1979 / 700, 12);
    expect(d.values[1]).toBeCloseTo(330.3 / 450, 12);
    expect(r.value.rows.find((x) => x.field === 'derived.ops_per_w.int8.dense')!.values).toEqual([1979 / 700, null]);
  });
  it('errors: too many ids, duplicates, unknown ids, bad ids', () => {
    const many = Array.from({ length: COMPARE_MAX_IDS + 1 }, (_, i) => `id${i}`);
    expect(compareRecords(data.hardware, 'hardware', many)).toEqual({ ok: false, error: { code: 'LimitExceeded', limit: 'compare_ids', max: COMPARE_MAX_IDS } });
    expect(compareRecords(data.hardware, 'hardware', ['acme-npu-1', 'acme-npu-1'])).toMatchObject({ ok: false, error: { field: 'ids.1' } });
    expect(compareRecords(data.hardware, 'hardware', ['nope'])).toEqual({ ok: false, error: { code: 'NotFound', entity: 'hardware', id: 'nope' } });
    expect(compareRecords(data.hardware, 'hardware', ['Bad Id'])).toMatchObject({ ok: false, error: { field: 'ids.0' } });
    expect(compareRecords(data.hardware, 'hardware', [])).toMatchObject({ ok: false, error: { field: 'ids' } });
  });
});
