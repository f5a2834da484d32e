import { describe, it, expect } from 'vitest';
import {
  bandwidthPerPrice, decodeTokensPerSecondUpperBound, hardwareDerivedMetrics, opsPerPrice, opsPerWatt, selectPrice,
  tokensPerJoule, tokensPerSecondPerPrice,
} from '../../../src/shared/registry/derived-metrics';
import { h100Sxm, llama31_70b, mysteryNpu, result1, rtx4090 } from './fixtures';

const USD = { currency: 'USD' };
const q4 = llama31_70b.variants[0]!;

describe('ops per watt', () => {
  it('H100 SXM FP8 dense: 1979 TFLOPS / 700 W = 2.827 TFLOPS/W, labelled derived with its formula', () => {
    const m = opsPerWatt(h100Sxm, 'fp8');
    expect(m).toEqual({
      value: 1979 / 700,
      unit: 'TFLOPS/W',
      formula: 'peak.fp8.dense (1979 TFLOPS) / tdp_w (700 W)',
      derived: true,
    });
    expect(m!.value).toBeCloseTo(2.8271, 4);
  });
  it('keeps sparsity apart and uses TOPS for integer precisions', () => {
    expect(opsPerWatt(h100Sxm, 'fp8', 'sparse')!.value).toBeCloseTo(3958 / 700, 10);
    expect(opsPerWatt(h100Sxm, 'int8')!.unit).toBe('TOPS/W');
    expect(opsPerWatt(mysteryNpu, 'int8')).toMatchObject({ value: 3, unit: 'TOPS/W' }); // 45 TOPS / 15 W
  });
  it('returns null when an input is unknown', () => {
    expect(opsPerWatt(h100Sxm, 'int4')).toBeNull();
    expect(opsPerWatt(h100Sxm, 'fp32', 'sparse')).toBeNull();
    expect(opsPerWatt({ ...h100Sxm, tdp_w: null }, 'fp8')).toBeNull();
  });
});

describe('per-price metrics', () => {
  it('prefers street over msrp and picks the latest date; never converts currency', () => {
    const hw = {
      ...h100Sxm,
      prices: [
        { value: 30000, currency: 'USD', kind: 'msrp' as const, as_of: '2023-01-01' },
        { value: 27000, currency: 'USD', kind: 'street' as const, as_of: '2024-01-01' },
        { value: 22000, currency: 'USD', kind: 'street' as const, as_of: '2025-06-01' },
        { value: 20000, currency: 'EUR', kind: 'street' as const, as_of: '2026-01-01' },
        { value: null, currency: 'USD', kind: 'street' as const, as_of: '2026-02-01' },
      ],
    };
    expect(selectPrice(hw, USD)!.value).toBe(22000);
    expect(selectPrice(hw, { currency: 'USD', kinds: ['msrp'] })!.value).toBe(30000);
    expect(selectPrice(hw, { currency: 'GBP' })).toBeNull();
  });
  it('RTX 4090 FP16 dense 165.2 TFLOPS / 1599 USD msrp', () => {
    const m = opsPerPrice(rtx4090, 'fp16', USD)!;
    expect(m.value).toBeCloseTo(165.2 / 1599, 12);
    expect(m.unit).toBe('TFLOPS/USD');
    expect(m.formula).toBe('peak.fp16.dense (165.2 TFLOPS) / msrp price 1599 USD (as of 2022-10-12)');
  });
  it('cloud-hour prices give per-hour units', () => {
    const m = opsPerPrice(h100Sxm, 'fp8', { currency: 'USD', kinds: ['cloud_hour'] })!;
    expect(m).toMatchObject({ value: 1979 / 2.5, unit: 'TFLOPS/USD/h', derived: true });
  });
  it('bandwidth per dollar: 3350 GB/s / 25000 USD', () => {
    expect(bandwidthPerPrice(h100Sxm, USD)).toMatchObject({ value: 0.134, unit: 'GB/s/USD' });
    expect(bandwidthPerPrice(mysteryNpu, USD)).toBeNull();
  });
});

describe('decode tokens/s upper bound', () => {
  it('Llama 3.1 70B Q4_K_M on H100 at 4096 context', () => {
    // bytes/token = 42.52e9 weights + 327680 B KV/token × 4096 = 42,520,000,000 + 1,342,177,280 = 43,862,177,280
    // bound = 3350e9 / 43,862,177,280 = 76.375... tokens/s
    const m = decodeTokensPerSecondUpperBound(h100Sxm, llama31_70b, q4, 4096, 'f16')!;
    expect(m.value).toBeCloseTo(3350e9 / 43_862_177_280, 9);
    expect(m.value).toBeCloseTo(76.375, 2);
    expect(m.unit).toBe('tokens/s');
    expect(m.derived).toBe(true);
    expect(m.formula).toContain('43862177280 B');
  });
  it('scales with devices and uses only active weights for MoE', () => {
    const two = decodeTokensPerSecondUpperBound(h100Sxm, llama31_70b, q4, 0, 'f16', 2)!;
    expect(two.value).toBeCloseTo((2 * 3350e9) / 42.52e9, 9);
    const moe = { ...llama31_70b, params_total_b: 100, params_active_b: 10 };
    const v = { ...q4, file_size_bytes: 50e9 };
    const m = decodeTokensPerSecondUpperBound(h100Sxm, { ...moe, variants: [v] }, v, 0, 'f16')!;
    expect(m.value).toBeCloseTo(3350e9 / 5e9, 9); // 10/100 of 50 GB read per token
  });
  it('is null when bandwidth or model size is unknown', () => {
    expect(decodeTokensPerSecondUpperBound(mysteryNpu, llama31_70b, q4, 4096, 'f16')).toBeNull();
    const bf16 = llama31_70b.variants[1]!;
    expect(decodeTokensPerSecondUpperBound(h100Sxm, { ...llama31_70b, params_total_b: null }, bf16, 1, 'f16')).toBeNull();
  });
});

describe('result-based metrics', () => {
  it('tokens per joule needs power', () => {
    expect(tokensPerJoule(result1)).toBeNull();
    expect(tokensPerJoule({ ...result1, power_w: 320 })).toMatchObject({ value: 1.25, unit: 'tokens/J' });
  });
  it('tokens/s per dollar needs the device count', () => {
    expect(tokensPerSecondPerPrice(result1, rtx4090, USD)!.value).toBeCloseTo(400 / 1599, 12);
    const unknownCount = { ...result1, settings: { ...result1.settings, device_count: null } };
    expect(tokensPerSecondPerPrice(unknownCount, rtx4090, USD)).toBeNull();
  });
});

describe('hardwareDerivedMetrics', () => {
  it('lists only computable metrics, each derived', () => {
    const names = hardwareDerivedMetrics(h100Sxm, USD).map((m) => m.name);
    expect(names).toContain('ops_per_w.fp8.dense');
    expect(names).toContain('ops_per_price.int8.sparse');
    expect(names).toContain('bandwidth_per_price');
    expect(names).not.toContain('ops_per_w.int4.dense');
    expect(names).not.toContain('ops_per_w.fp32.sparse');
    expect(hardwareDerivedMetrics(mysteryNpu, USD).map((m) => m.name)).toEqual(['ops_per_w.int8.dense']);
  });
});
