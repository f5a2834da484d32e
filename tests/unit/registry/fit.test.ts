import { describe, it, expect } from 'vitest';
import { computeFit, type FitRequest } from '../../../src/shared/registry/fit';
import { IC_CANISTER_USABLE_BYTES, PHONE_BUDGET_BYTES } from '../../../src/shared/registry/fit.constants';
import type { Hardware } from '../../../src/shared/registry/types';
import { h100Sxm, llama31_70b, qwen05b, rtx4090 } from './fixtures';

const hw = new Map<string, Hardware>([h100Sxm, rtx4090].map((h) => [h.id, h]));
const find = (id: string): Hardware | null => hw.get(id) ?? null;
const q4 = llama31_70b.variants[0]!;
const base: FitRequest = {
  model: llama31_70b, variant: q4, target: { kind: 'hardware', hardware_id: 'nvidia-h100-sxm' },
  context_tokens: 32768, batch: 1, kv_dtype: 'f16',
};

function fit(over: Partial<FitRequest>) {
  const r = computeFit({ ...base, ...over }, find);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

describe('computeFit: Llama 3.1 70B Q4_K_M at 32k context', () => {
  /*
   * Hand computation (f16 KV, batch 1):
   *   KV per token = 2 × 80 layers × 8 KV heads × 128 head dim × 2 B = 327,680 B
   *   KV cache     = 327,680 × 32,768 = 10,737,418,240 B = 10.00 GiB
   *   weights      = 42,520,000,000 B (Q4_K_M file size)
   *   overhead     = 512 MiB + 5% × (42,520,000,000 + 10,737,418,240)
   *                = 536,870,912 + 2,662,870,912 = 3,199,741,824 B
   *   total        = 53,257,418,240 + 3,199,741,824 = 56,457,160,064 B
   *   H100 80 GB   = 80,000,000,000 B → fits, headroom 23,542,839,936 B
   *   max context  = floor(((80e9 − 536,870,912) / 1.05 − 42.52e9) / 327,680) = floor(101,193.76) = 101,193
   *   RTX 4090 24 GB: devices = ceil(53,257,418,240 × 1.05 / (24e9 − 536,870,912)) = ceil(2.383) = 3
   */
  it('fits one H100 with the hand-computed numbers', () => {
    const r = fit({});
    expect(r.kv_cache_bytes).toBe(10_737_418_240);
    expect(r.weights_bytes).toBe(42_520_000_000);
    expect(r.overhead_bytes).toBeCloseTo(3_199_741_824, 0);
    expect(r.total_bytes).toBeCloseTo(56_457_160_064, 0);
    expect(r.headroom_bytes).toBeCloseTo(23_542_839_936, 0);
    expect(r.fits).toBe(true);
    expect(r.devices_needed).toBe(1);
    expect(r.max_context_tokens).toBe(101_193);
    expect(r.breakdown).toContain('KV cache = 327680 B × 32768 tokens × batch 1 = 10.00 GiB (10737418240 B)');
    expect(r.breakdown.some((l) => l.startsWith('fits: total 52.58 GiB'))).toBe(true);
  });

  it('needs 3 RTX 4090s', () => {
    const r = fit({ target: { kind: 'hardware', hardware_id: 'nvidia-rtx-4090' } });
    expect(r.fits).toBe(false);
    expect(r.devices_needed).toBe(3);
    expect(r.max_context_tokens).toBe(0); // weights alone exceed 24 GB
    expect(r.breakdown.some((l) => l.startsWith('does not fit'))).toBe(true);
  });

  it('batch and KV dtype scale the cache', () => {
    expect(fit({ batch: 4 }).kv_cache_bytes).toBe(4 * 10_737_418_240);
    expect(fit({ kv_dtype: 'q8_0' }).kv_cache_bytes).toBe(10_737_418_240 * (34 / 64));
    expect(fit({ kv_dtype: 'f32' }).kv_cache_bytes).toBe(2 * 10_737_418_240);
  });

  it('caps max context at the model context length', () => {
    const r = fit({ target: { kind: 'custom', memory_bytes: 1e12 } });
    expect(r.max_context_tokens).toBe(131072);
    expect(r.breakdown.some((l) => l.includes("capped at the model's 131072"))).toBe(true);
  });

  it('defaults context to 4096 and warns beyond the trained context', () => {
    expect(fit({ context_tokens: null }).context_tokens).toBe(4096);
    expect(fit({ context_tokens: 200_000 }).breakdown.at(-1)).toContain("exceeds the model's trained context");
  });

  it('uses params × bits when the file size is unknown', () => {
    const bf16 = llama31_70b.variants[1]!; // 70.6e9 × 16 / 8 = 141.2e9 B
    const r = fit({ variant: bf16, context_tokens: 4096 });
    expect(r.weights_bytes).toBeCloseTo(141.2e9, 0);
    expect(r.fits).toBe(false);
    // (141.2e9 + 1,342,177,280) × 1.05 / (80e9 − 536,870,912) = 1.884 → 2
    expect(r.devices_needed).toBe(2);
  });
});

describe('computeFit: wasm targets', () => {
  const q8 = qwen05b.variants[0]!;
  it('Qwen2.5 0.5B Q8_0 fits the IC canister heap (3.75 GiB)', () => {
    // KV/token = 2 × 24 × 2 × 64 × 2 = 12,288 B; 4096 ctx → 50,331,648 B
    // total = 581,331,648 (531e6 + 50,331,648) + 268,435,456 (256 MiB) + 29,066,582.4 (5% × 581,331,648) = 878,833,686.4 B
    const r = fit({ model: qwen05b, variant: q8, target: { kind: 'ic_canister' }, context_tokens: 4096 });
    expect(r.device_memory_bytes).toBe(IC_CANISTER_USABLE_BYTES);
    expect(r.kv_cache_bytes).toBe(50_331_648);
    expect(r.total_bytes).toBeCloseTo(878_833_686.4, 1);
    expect(r.fits).toBe(true);
    expect(r.max_context_tokens).toBe(32768);
    expect(r.breakdown.some((l) => l.includes('stable memory'))).toBe(true);
  });
  it('70B does not fit a canister, browser or phone, and cannot be split', () => {
    for (const kind of ['ic_canister', 'browser', 'phone'] as const) {
      const r = fit({ target: { kind } });
      expect(r.fits).toBe(false);
      expect(r.devices_needed).toBeNull();
      expect(r.max_context_tokens).toBe(0);
    }
    expect(fit({ target: { kind: 'phone' } }).device_memory_bytes).toBe(PHONE_BUDGET_BYTES);
  });
});

describe('computeFit: errors as values', () => {
  const run = (over: Partial<FitRequest>) => computeFit({ ...base, ...over }, find);
  it('unknown hardware is NotFound', () => {
    expect(run({ target: { kind: 'hardware', hardware_id: 'nope' } })).toEqual({ ok: false, error: { code: 'NotFound', entity: 'hardware', id: 'nope' } });
  });
  it('rejects out-of-range inputs', () => {
    const field = (r: ReturnType<typeof run>) => (!r.ok && r.error.code === 'InvalidInput' ? r.error.field : null);
    expect(field(run({ batch: 0 }))).toBe('batch');
    expect(field(run({ batch: 1.5 }))).toBe('batch');
    expect(field(run({ context_tokens: 0 }))).toBe('context_tokens');
    expect(field(run({ kv_dtype: 'int3' as never }))).toBe('kv_dtype');
    expect(field(run({ target: { kind: 'custom', memory_bytes: -1 } }))).toBe('target.memory_bytes');
    expect(field(run({ variant: qwen05b.variants[0]! }))).toBe('variant_id');
    const noArch = { ...llama31_70b, architecture: { ...llama31_70b.architecture, kv_heads: null } };
    expect(field(run({ model: noArch }))).toBe('model_id');
    const noSize = { ...q4, file_size_bytes: null, bits_per_weight: null };
    expect(field(run({ model: { ...llama31_70b, variants: [noSize] }, variant: noSize }))).toBe('variant_id');
    expect(field(computeFit({ ...base, target: { kind: 'hardware', hardware_id: 'x' } }, () => ({ ...h100Sxm, memory_gb: null })))).toBe('target.hardware_id');
  });
});

import { headDim } from '../../../src/shared/registry/model-size';

describe('head dimension', () => {
  it('derives hidden_size / attention_heads when head_dim is not stated', () => {
    const base = { kind: 'dense', layers: 80, hidden_size: 8192, attention_heads: 64, kv_heads: 8, vocab_size: null, experts_total: null, experts_active: null } as const;
    expect(headDim({ architecture: { ...base, head_dim: null } } as never)).toEqual({ value: 128, derived: true });
    expect(headDim({ architecture: { ...base, head_dim: 256 } } as never)).toEqual({ value: 256, derived: false });
    expect(headDim({ architecture: { ...base, head_dim: null, attention_heads: null } } as never)).toBeNull();
  });
});
