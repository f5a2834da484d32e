import { describe, it, expect } from 'vitest';
import { recommendHardwareForModel, recommendModelsForHardware, type HardwareForModelRequest, type ModelsForTargetRequest } from '../../../src/shared/registry/recommend';
import type { Hardware } from '../../../src/shared/registry/types';
import { h100Sxm, llama31_70b, mysteryNpu, qwen05b, rtx4090 } from './fixtures';

const q4 = llama31_70b.variants[0]!;
const all = [h100Sxm, rtx4090, mysteryNpu];
const find = (id: string): Hardware | null => all.find((h) => h.id === id) ?? null;

const hwReq: HardwareForModelRequest = {
  model: llama31_70b, variant: q4, hardware: all, context_tokens: 4096, batch: 1, kv_dtype: 'f16',
  currency: 'USD', max_price: null, max_tdp_w: null, max_devices: 8, limit: 10,
};

describe('recommendHardwareForModel', () => {
  it('ranks by price per decode token/s (hand-computed)', () => {
    // bytes/token at 4096 ctx = 42.52e9 + 327,680 × 4096 = 43,862,177,280 B
    // H100: 1 device, 25000 USD, bound 3350e9/43.862e9 = 76.375 tok/s → 327.3 USD per tok/s
    // 4090: at 4096 ctx needs ceil((42.52e9 + 1,342,177,280) × 1.05 / (24e9 − 536,870,912)) = ceil(1.9626) = 2 devices,
    //       3198 USD, bound 2 × 1008e9 / 43.862e9 = 45.963 tok/s → 69.58 USD per tok/s
    const r = recommendHardwareForModel(hwReq);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const [first, second] = r.value.ranked;
    expect(first).toMatchObject({ rank: 1, hardware_id: 'nvidia-rtx-4090', devices: 2, total_price: 3198, total_tdp_w: 900 });
    expect(first!.decode_tokens_per_s_upper_bound).toBeCloseTo((2 * 1008e9) / 43_862_177_280, 9);
    expect(first!.price_per_decode_token_per_s).toBeCloseTo(3198 / ((2 * 1008e9) / 43_862_177_280), 9);
    expect(second).toMatchObject({ rank: 2, hardware_id: 'nvidia-h100-sxm', devices: 1, total_price: 25000 });
    expect(second!.price_per_decode_token_per_s).toBeCloseTo(25000 / (3350e9 / 43_862_177_280), 6);
    expect(first!.explanation.at(-1)).toBe('rank 1 of 3 by: lowest total price per decode tokens/s upper bound (derived: bandwidth / bytes per token)');
    expect(first!.explanation).toContain('price: 2 × 1599 USD (msrp, as of 2022-10-12) = 3198 USD');
    // The 16 GB NPU fits on 3 devices (≤ 8 allowed) so it is ranked too, last (no price, no bandwidth).
    expect(r.value.excluded).toEqual([]);
    expect(r.value.ranked.map((x) => x.hardware_id)).toEqual(['nvidia-rtx-4090', 'nvidia-h100-sxm', 'acme-npu-1']);
  });

  it('puts unpriced hardware last and explains why', () => {
    const r = recommendHardwareForModel(hwReq);
    if (!r.ok) throw new Error('unexpected');
    const npu = r.value.ranked.find((x) => x.hardware_id === 'acme-npu-1')!;
    expect(npu.rank).toBe(3);
    expect(npu.price_per_decode_token_per_s).toBeNull();
    expect(npu.explanation).toContain('price per decode token/s: unknown, ranked after priced hardware');
  });

  it('applies price, TDP and device limits (unknown values fail a set limit)', () => {
    const r = recommendHardwareForModel({ ...hwReq, max_price: 5000, max_tdp_w: 1000, max_devices: 2 });
    if (!r.ok) throw new Error('unexpected');
    expect(r.value.ranked.map((x) => x.hardware_id)).toEqual(['nvidia-rtx-4090']);
    expect(r.value.excluded).toEqual([
      { id: 'nvidia-h100-sxm', reason: 'price 25000 USD > max 5000' },
      { id: 'acme-npu-1', reason: 'does not fit on 2 device(s) (needs 3)' },
    ]);
    const tdp = recommendHardwareForModel({ ...hwReq, max_tdp_w: 800 });
    expect(tdp.ok && tdp.value.excluded.find((x) => x.id === 'nvidia-rtx-4090')!.reason).toBe('TDP 900 W > max 800 W');
    const eur = recommendHardwareForModel({ ...hwReq, currency: 'EUR', max_price: 1e6 });
    expect(eur.ok && eur.value.ranked.length).toBe(0);
    expect(eur.ok && eur.value.excluded[0]!.reason).toBe('no EUR price known');
  });

  it('rejects bad requests as values', () => {
    const f = (over: Partial<HardwareForModelRequest>) => {
      const r = recommendHardwareForModel({ ...hwReq, ...over });
      return !r.ok && r.error.code === 'InvalidInput' ? r.error.field : null;
    };
    expect(f({ limit: 0 })).toBe('limit');
    expect(f({ limit: 51 })).toBe('limit');
    expect(f({ currency: 'usd' })).toBe('currency');
    expect(f({ max_price: -1 })).toBe('max_price');
    expect(f({ max_devices: 0 })).toBe('max_devices');
    expect(f({ batch: 0 })).toBe('batch');
  });
});

const mReq: ModelsForTargetRequest = {
  target: { kind: 'hardware', hardware_id: 'nvidia-h100-sxm' }, models: [llama31_70b, qwen05b], task: null,
  benchmark: null, min_score: null, context_tokens: 4096, batch: 1, kv_dtype: 'f16', max_devices: 1, limit: 10,
};

describe('recommendModelsForHardware', () => {
  it('ranks by benchmark score and picks the most precise fitting variant', () => {
    const r = recommendModelsForHardware({ ...mReq, benchmark: 'mmlu_pro' }, find);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.ranked.map((x) => [x.model_id, x.variant_id, x.score])).toEqual([
      ['llama-3.1-70b-instruct', 'llama-3.1-70b-instruct-q4_k_m', 66.4], // BF16 (141 GB) does not fit one H100
      ['qwen2.5-0.5b-instruct', 'qwen2.5-0.5b-instruct-q8_0', 15],
    ]);
    expect(r.value.criteria[0]).toBe('highest mmlu_pro score');
    expect(r.value.ranked[0]!.explanation[0]).toBe('mmlu_pro 66.4 (5-shot, publisher evaluator, source 0)');
  });

  it('with 2 devices prefers the BF16 variant', () => {
    const r = recommendModelsForHardware({ ...mReq, max_devices: 2 }, find);
    expect(r.ok && r.value.ranked.find((x) => x.model_id === 'llama-3.1-70b-instruct')).toMatchObject({ variant_id: 'llama-3.1-70b-instruct-bf16', devices: 2 });
  });

  it('without a benchmark ranks by decode bound (smaller models are faster)', () => {
    const r = recommendModelsForHardware(mReq, find);
    expect(r.ok && r.value.ranked.map((x) => x.model_id)).toEqual(['qwen2.5-0.5b-instruct', 'llama-3.1-70b-instruct']);
  });

  it('filters by task, min score and fit with reasons', () => {
    const r = recommendModelsForHardware({ ...mReq, task: 'code', benchmark: 'mmlu_pro', min_score: 70 }, find);
    if (!r.ok) throw new Error('unexpected');
    expect(r.value.ranked).toEqual([]);
    expect(r.value.excluded).toEqual([
      { id: 'llama-3.1-70b-instruct', reason: 'mmlu_pro 66.4 < 70' },
      { id: 'qwen2.5-0.5b-instruct', reason: 'not listed for task code' },
    ]);
    const ic = recommendModelsForHardware({ ...mReq, target: { kind: 'ic_canister' } }, find);
    expect(ic.ok && ic.value.ranked.map((x) => x.model_id)).toEqual(['qwen2.5-0.5b-instruct']);
    expect(ic.ok && ic.value.excluded).toEqual([{ id: 'llama-3.1-70b-instruct', reason: 'no variant fits on 1 device(s)' }]);
    expect(ic.ok && ic.value.ranked[0]!.decode_tokens_per_s_upper_bound).toBeNull();
  });

  it('rejects bad requests as values', () => {
    const run = (over: Partial<ModelsForTargetRequest>) => recommendModelsForHardware({ ...mReq, ...over }, find);
    expect(run({ target: { kind: 'hardware', hardware_id: 'nope' } })).toEqual({ ok: false, error: { code: 'NotFound', entity: 'hardware', id: 'nope' } });
    const field = (r: ReturnType<typeof run>) => (!r.ok && r.error.code === 'InvalidInput' ? r.error.field : null);
    expect(field(run({ min_score: 50 }))).toBe('min_score');
    expect(field(run({ task: 'poetry' as never }))).toBe('task');
    expect(field(run({ benchmark: 'MMLU' }))).toBe('benchmark');
    expect(field(run({ batch: 99999 }))).toBe('batch');
  });
});
