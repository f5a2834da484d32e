import { describe, it, expect } from 'vitest';
import { IDL } from '@dfinity/candid';
import {
  fromCandidError, fromCandidFitResult, fromCandidFitTarget, fromCandidHardware, fromCandidModel, fromCandidResult,
  fromCandidRuntime, fromCandidSubmission, toCandidError, toCandidFitResult, toCandidFitTarget, toCandidHardware,
  toCandidModel, toCandidResult, toCandidRuntime, toCandidSubmission,
} from '../../../src/shared/registry/candid-mapping';
import { computeFit, type FitTarget } from '../../../src/shared/registry/fit';
import type { RegistryError } from '../../../src/shared/registry/types';
import { validateHardware } from '../../../src/shared/registry/validate-hardware';
import { h100Sxm, llama31_70b, llamaCpp, mysteryNpu, qwen05b, result1, rtx4090 } from './fixtures';
import {
  ComparisonIdl, FitResultIdl, FitTargetIdl, HardwareIdl, HardwareRecommendationIdl, ModelIdl, ModelRecommendationIdl,
  RegistryErrorIdl, ResultIdl, RuntimeIdl, SearchHitIdl,
} from './registry.idl';
import {
  fromCandidComparison, fromCandidHardwareRecommendation, fromCandidModelRecommendation, fromCandidSearchHit,
  toCandidComparison, toCandidHardwareRecommendation, toCandidModelRecommendation, toCandidSearchHit,
} from '../../../src/shared/registry/candid-mapping';
import { recommendHardwareForModel, recommendModelsForHardware } from '../../../src/shared/registry/recommend';
import { searchAll } from '../../../src/shared/registry/search';
import { compareHardware } from '../../../src/shared/registry/compare';

/** Encodes with the Candid library and decodes again: proves the wire shape matches the IDL. */
function viaCandid<T>(type: IDL.Type, value: T): T {
  return IDL.decode([type], IDL.encode([type], [value]))[0] as T;
}

describe('candid mapping', () => {
  it('hardware round-trips through real Candid bytes', () => {
    for (const h of [h100Sxm, rtx4090, mysteryNpu]) {
      const wire = toCandidHardware(h);
      expect(wire.memory_gb).toEqual(h.memory_gb === null ? [] : [h.memory_gb]);
      expect(wire.kind).toEqual({ [h.kind]: null });
      const back = fromCandidHardware(viaCandid(HardwareIdl, wire));
      expect(back).toEqual(JSON.parse(JSON.stringify(h)));
      expect(validateHardware(back).ok).toBe(true);
    }
    expect(toCandidHardware(h100Sxm).source_refs).toEqual([[{ field: 'peak.fp8.dense', source: 0, note: [] }]]);
    expect('source_refs' in fromCandidHardware(toCandidHardware(mysteryNpu))).toBe(false);
  });

  it('runtimes, models, results and submissions round-trip', () => {
    expect(fromCandidRuntime(viaCandid(RuntimeIdl, toCandidRuntime(llamaCpp)))).toEqual(llamaCpp);
    for (const m of [llama31_70b, qwen05b]) expect(fromCandidModel(viaCandid(ModelIdl, toCandidModel(m)))).toEqual(m);
    const withNotes = { ...result1, notes: 'warm cache', sources: [{ url: 'https://x.org/log', title: 'log', accessed: '2026-11-01', note: 'n' }] };
    for (const r of [result1, withNotes]) expect(fromCandidResult(viaCandid(ResultIdl, toCandidResult(r)))).toEqual(r);
    const { result_id: _a, submitter: _b, timestamp_ns: _c, ...sub } = withNotes;
    expect(fromCandidSubmission(toCandidSubmission(sub))).toEqual(sub);
  });

  it('errors map to a Candid variant with stable codes', () => {
    const errors: RegistryError[] = [
      { code: 'NotFound', entity: 'variant', id: 'x' },
      { code: 'InvalidInput', field: 'tdp_w', reason: 'too big' },
      { code: 'Unauthorized', reason: 'not a controller' },
      { code: 'Conflict', id: 'x', reason: 'exists' },
      { code: 'LimitExceeded', limit: 'compare_ids', max: 4 },
    ];
    for (const e of errors) expect(fromCandidError(viaCandid(RegistryErrorIdl, toCandidError(e)))).toEqual(e);
    expect(toCandidError(errors[1]!)).toEqual({ InvalidInput: { field: 'tdp_w', reason: 'too big' } });
  });

  it('fit targets and results', () => {
    const targets: FitTarget[] = [
      { kind: 'hardware', hardware_id: 'h' }, { kind: 'custom', memory_bytes: 8e9 }, { kind: 'ic_canister' }, { kind: 'browser' }, { kind: 'phone' },
    ];
    for (const t of targets) expect(fromCandidFitTarget(viaCandid(FitTargetIdl, toCandidFitTarget(t)))).toEqual(t);
    expect(toCandidFitTarget({ kind: 'ic_canister' })).toEqual({ ic_canister: null });
    const r = computeFit({ model: llama31_70b, variant: llama31_70b.variants[0]!, target: { kind: 'phone' }, context_tokens: 1024, batch: 1, kv_dtype: 'f16' }, () => null);
    if (!r.ok) throw new Error('unexpected');
    const wire = toCandidFitResult(r.value);
    expect(wire.devices_needed).toEqual([]);
    expect(fromCandidFitResult(viaCandid(FitResultIdl, wire))).toEqual(r.value);
  });

  it('recommendations, search hits and comparisons round-trip through Candid bytes', () => {
    const all = [h100Sxm, rtx4090, mysteryNpu];
    const hw = recommendHardwareForModel({
      model: llama31_70b, variant: llama31_70b.variants[0]!, hardware: all, context_tokens: 4096, batch: 1, kv_dtype: 'f16',
      currency: 'USD', max_price: null, max_tdp_w: 400, max_devices: 8, limit: 10,
    });
    if (!hw.ok) throw new Error('unexpected');
    expect(hw.value.ranked.some((x) => x.total_price === null)).toBe(true); // the unpriced NPU exercises opt
    expect(fromCandidHardwareRecommendation(viaCandid(HardwareRecommendationIdl, toCandidHardwareRecommendation(hw.value)))).toEqual(hw.value);
    const find = (id: string) => all.find((h) => h.id === id) ?? null;
    const ms = recommendModelsForHardware({
      target: { kind: 'ic_canister' }, models: [llama31_70b, qwen05b], task: null, benchmark: 'mmlu_pro', min_score: null,
      context_tokens: 2048, batch: 1, kv_dtype: 'f16', max_devices: 1, limit: 5,
    }, find);
    if (!ms.ok) throw new Error('unexpected');
    expect(fromCandidModelRecommendation(viaCandid(ModelRecommendationIdl, toCandidModelRecommendation(ms.value)))).toEqual(ms.value);
    const hits = searchAll({ hardware: all, runtimes: [llamaCpp], models: [llama31_70b] }, 'llama', 10);
    if (!hits.ok) throw new Error('unexpected');
    for (const h of hits.value) expect(fromCandidSearchHit(viaCandid(SearchHitIdl, toCandidSearchHit(h)))).toEqual(h);
    const cmp = compareHardware(all, ['nvidia-h100-sxm', 'acme-npu-1'], { currency: 'USD' });
    if (!cmp.ok) throw new Error('unexpected');
    expect(fromCandidComparison(viaCandid(ComparisonIdl, toCandidComparison(cmp.value)))).toEqual(cmp.value);
  });
});
