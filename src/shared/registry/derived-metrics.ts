/**
 * Derived metrics, computed from stored raw fields and always labelled `derived: true` with the
 * formula used (anchors.md §3.1: derived figures are never presented as official vendor numbers).
 * Each function returns null when any input is unknown: nothing is estimated.
 * Float precisions give TFLOPS-based units (TFLOPS/W), integer precisions TOPS-based (TOPS/W).
 */
import {
  FLOAT_PRECISIONS, type BenchmarkResult, type Hardware, type Model, type ModelVariant, type Precision, type Price,
  type PriceKind,
} from './types';
import { decodeBytesPerToken, type KvDtype } from './model-size';

export interface DerivedMetric {
  readonly value: number;
  readonly unit: string;
  readonly formula: string;
  readonly derived: true;
}

export type Sparsity = 'dense' | 'sparse';

const derived = (value: number, unit: string, formula: string): DerivedMetric => ({ value, unit, formula, derived: true });

/** `TFLOPS` for float precisions, `TOPS` for integer ones. */
export function opsUnit(precision: Precision): 'TFLOPS' | 'TOPS' {
  return FLOAT_PRECISIONS.includes(precision) ? 'TFLOPS' : 'TOPS';
}

/** Purchase prices (msrp, street) are per unit; `cloud_hour` is per device-hour. */
export interface PriceChoice {
  readonly currency: string;
  /** Which price kinds to accept, in order of preference; default street then msrp. */
  readonly kinds?: readonly PriceKind[];
}

/**
 * The price used for per-$ metrics: the first accepted kind that has a known value in the wanted
 * currency, latest `as_of` within that kind. Never converts currencies.
 */
export function selectPrice(hw: Hardware, choice: PriceChoice): Price | null {
  for (const kind of choice.kinds ?? ['street', 'msrp']) {
    let best: Price | null = null;
    for (const p of hw.prices) {
      if (p.kind !== kind || p.currency !== choice.currency || p.value === null || p.value <= 0) continue;
      if (best === null || p.as_of > best.as_of) best = p;
    }
    if (best) return best;
  }
  return null;
}

function priceLabel(p: Price): string {
  return `${p.kind} price ${p.value} ${p.currency}${p.kind === 'cloud_hour' ? '/h' : ''} (as of ${p.as_of})`;
}

/** Peak ops per watt: peak.<precision>.<sparsity> / tdp_w. */
export function opsPerWatt(hw: Hardware, precision: Precision, sparsity: Sparsity = 'dense'): DerivedMetric | null {
  const peak = hw.peak[precision][sparsity];
  if (peak === null || hw.tdp_w === null || hw.tdp_w <= 0) return null;
  const u = opsUnit(precision);
  return derived(peak / hw.tdp_w, `${u}/W`, `peak.${precision}.${sparsity} (${peak} ${u}) / tdp_w (${hw.tdp_w} W)`);
}

/** Peak ops per unit of currency: peak.<precision>.<sparsity> / price. */
export function opsPerPrice(
  hw: Hardware, precision: Precision, choice: PriceChoice, sparsity: Sparsity = 'dense',
): DerivedMetric | null {
  const peak = hw.peak[precision][sparsity];
  const price = selectPrice(hw, choice);
  if (peak === null || price === null || price.value === null) return null;
  const u = opsUnit(precision);
  const per = price.kind === 'cloud_hour' ? `${price.currency}/h` : price.currency;
  return derived(peak / price.value, `${u}/${per}`, `peak.${precision}.${sparsity} (${peak} ${u}) / ${priceLabel(price)}`);
}

/** Memory bandwidth per unit of currency: memory_bandwidth_gb_s / price. */
export function bandwidthPerPrice(hw: Hardware, choice: PriceChoice): DerivedMetric | null {
  const bw = hw.memory_bandwidth_gb_s;
  const price = selectPrice(hw, choice);
  if (bw === null || price === null || price.value === null) return null;
  const per = price.kind === 'cloud_hour' ? `${price.currency}/h` : price.currency;
  return derived(bw / price.value, `GB/s/${per}`, `memory_bandwidth_gb_s (${bw} GB/s) / ${priceLabel(price)}`);
}

/**
 * Upper bound on single-sequence decode speed: each generated token reads every active weight and
 * the KV cache once, so tokens/s ≤ bandwidth / bytes per token. Real speeds are lower (compute,
 * kernel efficiency); this is a roofline bound, not a measurement.
 */
export function decodeTokensPerSecondUpperBound(
  hw: Hardware, model: Model, variant: ModelVariant, contextTokens: number, kvDtype: KvDtype, devices = 1,
): DerivedMetric | null {
  const bw = hw.memory_bandwidth_gb_s;
  const perToken = decodeBytesPerToken(model, variant, contextTokens, kvDtype);
  if (bw === null || perToken === null || perToken.bytes <= 0) return null;
  const value = (devices * bw * 1e9) / perToken.bytes;
  const dev = devices === 1 ? '' : `${devices} devices × `;
  return derived(
    value,
    'tokens/s',
    `${dev}memory_bandwidth_gb_s (${bw} GB/s) × 1e9 / bytes per token (${Math.round(perToken.bytes)} B: ${perToken.explain})`,
  );
}

/** Generation tokens per joule from a benchmark result: generation_tokens_per_s / power_w. */
export function tokensPerJoule(result: BenchmarkResult): DerivedMetric | null {
  const tps = result.generation_tokens_per_s;
  if (tps === null || result.power_w === null || result.power_w <= 0) return null;
  return derived(tps / result.power_w, 'tokens/J', `generation_tokens_per_s (${tps}) / power_w (${result.power_w} W)`);
}

/**
 * Generation tokens per second per unit of currency for a result on its hardware:
 * generation_tokens_per_s / (device_count × price). An unknown device_count gives null: a per-$
 * figure without the chip count would be misleading (MLPerf: comparisons must state chip counts).
 */
export function tokensPerSecondPerPrice(result: BenchmarkResult, hw: Hardware, choice: PriceChoice): DerivedMetric | null {
  const tps = result.generation_tokens_per_s;
  const n = result.settings.device_count;
  const price = selectPrice(hw, choice);
  if (tps === null || n === null || price === null || price.value === null) return null;
  const per = price.kind === 'cloud_hour' ? `${price.currency}/h` : price.currency;
  return derived(
    tps / (n * price.value),
    `tokens/s/${per}`,
    `generation_tokens_per_s (${tps}) / (${n} devices × ${priceLabel(price)})`,
  );
}

export interface NamedMetric {
  /** e.g. `ops_per_w.fp8.dense`, `ops_per_price.int8.sparse`, `bandwidth_per_price`. */
  readonly name: string;
  readonly metric: DerivedMetric;
}

/** Every hardware metric that can be computed (known inputs only), for list/compare views. */
export function hardwareDerivedMetrics(hw: Hardware, choice: PriceChoice): NamedMetric[] {
  const out: NamedMetric[] = [];
  for (const p of Object.keys(hw.peak) as Precision[]) {
    for (const s of ['dense', 'sparse'] as const) {
      const w = opsPerWatt(hw, p, s);
      if (w) out.push({ name: `ops_per_w.${p}.${s}`, metric: w });
      const d = opsPerPrice(hw, p, choice, s);
      if (d) out.push({ name: `ops_per_price.${p}.${s}`, metric: d });
    }
  }
  const b = bandwidthPerPrice(hw, choice);
  if (b) out.push({ name: 'bandwidth_per_price', metric: b });
  return out;
}
