/**
 * Memory arithmetic for a model variant: weight bytes, bytes read per decoded token and KV-cache
 * bytes per token. Shared by derived-metrics.ts, fit.ts and recommend.ts. All values are bytes
 * (decimal numbers, never rounded here) and each comes with a line saying how it was computed.
 */
import type { Model, ModelVariant } from './types';

/** KV-cache element types and their bytes per element (GGML block formats include the per-block scale). */
export const KV_DTYPES = ['f32', 'f16', 'bf16', 'fp8', 'q8_0', 'q4_0'] as const;
export type KvDtype = (typeof KV_DTYPES)[number];
export const KV_DTYPE_BYTES: { readonly [K in KvDtype]: number } = {
  f32: 4,
  f16: 2,
  bf16: 2,
  fp8: 1,
  q8_0: 34 / 32, // 32 int8 values + one f16 scale per block
  q4_0: 18 / 32, // 32 4-bit values + one f16 scale per block
};

export interface Sized {
  readonly bytes: number;
  readonly explain: string;
}

/**
 * Bytes of weights held in memory: the variant's file size when known (it includes embeddings and
 * quantization scales), else params_total_b × 10^9 × bits_per_weight / 8. Null when neither is known.
 */
export function weightBytes(model: Model, variant: ModelVariant): Sized | null {
  if (variant.file_size_bytes !== null) {
    return { bytes: variant.file_size_bytes, explain: `weights = variant file size = ${fmtBytes(variant.file_size_bytes)}` };
  }
  if (model.params_total_b !== null && variant.bits_per_weight !== null) {
    const bytes = (model.params_total_b * 1e9 * variant.bits_per_weight) / 8;
    return {
      bytes,
      explain: `weights = ${model.params_total_b}e9 params × ${variant.bits_per_weight} bits / 8 = ${fmtBytes(bytes)}`,
    };
  }
  return null;
}

/**
 * Weight bytes read from memory per decoded token: all weights for a dense model; for MoE only the
 * active share (params_active_b / params_total_b of the weights). Null when unknown.
 */
export function activeWeightBytes(model: Model, variant: ModelVariant): Sized | null {
  const w = weightBytes(model, variant);
  if (!w) return null;
  const total = model.params_total_b;
  const active = model.params_active_b;
  if (total === null || active === null || active >= total) {
    return { bytes: w.bytes, explain: `${w.explain}; all weights are read per token` };
  }
  const bytes = (w.bytes * active) / total;
  return { bytes, explain: `${w.explain}; MoE reads ${active}B of ${total}B params per token = ${fmtBytes(bytes)}` };
}

/**
 * KV-cache bytes per token of context for one sequence: 2 (K and V) × layers × kv_heads × head_dim
 * × bytes(kv dtype). Assumes full attention in every layer, so it is an upper bound for
 * sliding-window, SSM and hybrid models. Null when any dimension is unknown.
 */
/**
 * Head dimension: the stated one, else hidden_size / attention_heads — the rule transformers applies when
 * a config.json has no `head_dim` (Llama, Qwen2, Mistral configs omit it).
 */
export function headDim(model: Model): { value: number; derived: boolean } | null {
  const { head_dim, hidden_size, attention_heads } = model.architecture;
  if (head_dim !== null) return { value: head_dim, derived: false };
  if (hidden_size === null || attention_heads === null || hidden_size % attention_heads !== 0) return null;
  return { value: hidden_size / attention_heads, derived: true };
}

export function kvBytesPerToken(model: Model, kvDtype: KvDtype): Sized | null {
  const { layers, kv_heads, hidden_size, attention_heads } = model.architecture;
  const hd = headDim(model);
  if (layers === null || kv_heads === null || hd === null) return null;
  const bytes = 2 * layers * kv_heads * hd.value * KV_DTYPE_BYTES[kvDtype];
  const hdText = hd.derived ? `${hd.value} head dim (derived: ${hidden_size} hidden / ${attention_heads} heads)` : `${hd.value} head dim`;
  return {
    bytes,
    explain: `KV per token = 2 × ${layers} layers × ${kv_heads} KV heads × ${hdText} × ${KV_DTYPE_BYTES[kvDtype]} B (${kvDtype}) = ${fmtBytes(bytes)}`,
  };
}

/** Bytes read per decoded token at a given context: active weights + the KV cache of that context. */
export function decodeBytesPerToken(
  model: Model, variant: ModelVariant, contextTokens: number, kvDtype: KvDtype,
): Sized | null {
  const w = activeWeightBytes(model, variant);
  const kv = kvBytesPerToken(model, kvDtype);
  if (!w || !kv) return null;
  const bytes = w.bytes + kv.bytes * contextTokens;
  return {
    bytes,
    explain: `bytes per token = active weights ${fmtBytes(w.bytes)} + KV ${fmtBytes(kv.bytes)} × ${contextTokens} context = ${fmtBytes(bytes)}`,
  };
}

const GIB = 1024 ** 3;
const MIB = 1024 ** 2;

/** Human-readable byte count without Intl: `10.00 GiB (10737418240 B)`. */
export function fmtBytes(bytes: number): string {
  const exact = `${Math.round(bytes)} B`;
  if (Math.abs(bytes) >= GIB) return `${(bytes / GIB).toFixed(2)} GiB (${exact})`;
  if (Math.abs(bytes) >= MIB) return `${(bytes / MIB).toFixed(2)} MiB (${exact})`;
  return exact;
}
