/**
 * Hand-written registry records for unit tests. Figures follow the vendors' public spec sheets
 * (NVIDIA H100 datasheet; Meta Llama 3.1 config.json) but are test inputs, not the seed dataset.
 */
import type { BenchmarkResult, Hardware, Model, PeakPerformance, Runtime } from '../../../src/shared/registry/types';

const SRC = { url: 'https://example.org/spec', title: 'Spec sheet', accessed: '2026-11-01' };

export function peak(partial: Partial<PeakPerformance> = {}): PeakPerformance {
  const none = { dense: null, sparse: null };
  return { fp32: none, tf32: none, bf16: none, fp16: none, fp8: none, int8: none, int4: none, ...partial };
}

export const h100Sxm: Hardware = {
  id: 'nvidia-h100-sxm',
  vendor: 'NVIDIA',
  name: 'H100 SXM5 80GB',
  kind: 'gpu',
  memory_gb: 80,
  memory_type: 'HBM3',
  memory_bandwidth_gb_s: 3350,
  tdp_w: 700,
  prices: [
    { value: 25000, currency: 'USD', kind: 'street', as_of: '2026-10-01' },
    { value: 2.5, currency: 'USD', kind: 'cloud_hour', as_of: '2026-10-01' },
  ],
  peak: peak({
    fp32: { dense: 67, sparse: null },
    tf32: { dense: 494.7, sparse: 989.4 },
    bf16: { dense: 989.4, sparse: 1978.9 },
    fp16: { dense: 989.4, sparse: 1978.9 },
    fp8: { dense: 1979, sparse: 3958 },
    int8: { dense: 1979, sparse: 3958 },
  }),
  interconnect: 'NVLink 4',
  interconnect_bandwidth_gb_s: 900,
  form_factor: 'sxm',
  release_year: 2022,
  availability: 'available',
  sources: [SRC],
  source_refs: [{ field: 'peak.fp8.dense', source: 0 }],
};

export const rtx4090: Hardware = {
  ...h100Sxm,
  id: 'nvidia-rtx-4090',
  name: 'GeForce RTX 4090',
  memory_gb: 24,
  memory_type: 'GDDR6X',
  memory_bandwidth_gb_s: 1008,
  tdp_w: 450,
  prices: [{ value: 1599, currency: 'USD', kind: 'msrp', as_of: '2022-10-12' }],
  peak: peak({ fp16: { dense: 165.2, sparse: 330.4 }, fp8: { dense: 330.3, sparse: 660.6 } }),
  interconnect: 'PCIe 4.0 x16',
  interconnect_bandwidth_gb_s: 64,
  form_factor: 'pcie_card',
  source_refs: undefined,
};

/** Unknown price and bandwidth: recommendations must not invent them. */
export const mysteryNpu: Hardware = {
  ...h100Sxm,
  id: 'acme-npu-1',
  vendor: 'Acme',
  name: 'NPU One',
  kind: 'npu',
  memory_gb: 16,
  memory_bandwidth_gb_s: null,
  tdp_w: 15,
  prices: [],
  peak: peak({ int8: { dense: 45, sparse: null } }),
  interconnect: null,
  interconnect_bandwidth_gb_s: null,
  form_factor: 'soc',
  source_refs: undefined,
};

export const llama31_70b: Model = {
  id: 'llama-3.1-70b-instruct',
  name: 'Llama 3.1 70B Instruct',
  family: 'llama-3.1',
  publisher: 'Meta',
  backing: 'Meta',
  params_total_b: 70.6,
  params_active_b: 70.6,
  architecture: {
    kind: 'dense', layers: 80, hidden_size: 8192, attention_heads: 64, kv_heads: 8, head_dim: 128,
    vocab_size: 128256, experts_total: null, experts_active: null,
  },
  context_length: 131072,
  license: 'Llama 3.1 Community License',
  release_date: '2024-07-23',
  update_cadence: null,
  task_fit: ['chat', 'code', 'reasoning'],
  variants: [
    { id: 'llama-3.1-70b-instruct-q4_k_m', format: 'gguf', quant_method: 'gguf', quant_label: 'Q4_K_M', bits_per_weight: 4.85, file_size_bytes: 42_520_000_000, sha256: null, url: null },
    { id: 'llama-3.1-70b-instruct-bf16', format: 'safetensors', quant_method: 'none', quant_label: 'BF16', bits_per_weight: 16, file_size_bytes: null, sha256: null, url: null },
  ],
  scores: [
    { benchmark: 'mmlu_pro', score: 66.4, shots: 5, harness: null, harness_version: null, chat_template: true, evaluator: 'publisher', source: 0 },
  ],
  sources: [SRC],
};

export const qwen05b: Model = {
  ...llama31_70b,
  id: 'qwen2.5-0.5b-instruct',
  name: 'Qwen2.5 0.5B Instruct',
  family: 'qwen2.5',
  publisher: 'Qwen',
  backing: 'Alibaba',
  params_total_b: 0.49,
  params_active_b: 0.49,
  architecture: {
    kind: 'dense', layers: 24, hidden_size: 896, attention_heads: 14, kv_heads: 2, head_dim: 64,
    vocab_size: 151936, experts_total: null, experts_active: null,
  },
  context_length: 32768,
  license: 'Apache-2.0',
  task_fit: ['chat'],
  variants: [
    { id: 'qwen2.5-0.5b-instruct-q8_0', format: 'gguf', quant_method: 'gguf', quant_label: 'Q8_0', bits_per_weight: 8.5, file_size_bytes: 531_000_000, sha256: null, url: null },
  ],
  scores: [
    { benchmark: 'mmlu_pro', score: 15.0, shots: 5, harness: null, harness_version: null, chat_template: true, evaluator: 'publisher', source: 0 },
  ],
};

export const llamaCpp: Runtime = {
  id: 'llama-cpp',
  name: 'llama.cpp',
  vendor: 'ggml-org',
  license: 'MIT',
  hardware_vendors: ['nvidia', 'amd', 'apple', 'intel'],
  backends: ['cuda', 'rocm', 'metal', 'vulkan', 'cpu'],
  model_formats: ['gguf'],
  quant_methods: ['gguf'],
  features: {
    continuous_batching: true, paged_attention: false, speculative_decoding: true, cpu_offload: true,
    openai_compatible_server: true, prefix_caching: true, tensor_parallel: null, pipeline_parallel: null,
    structured_output: true, multi_lora: true,
  },
  ease_of_install: 'easy',
  latest_version: 'b4500',
  homepage: 'https://github.com/ggml-org/llama.cpp',
  sources: [SRC],
};

export const result1: BenchmarkResult = {
  result_id: 'r-000001',
  hardware_id: 'nvidia-rtx-4090',
  runtime_id: 'llama-cpp',
  model_id: 'qwen2.5-0.5b-instruct',
  variant_id: 'qwen2.5-0.5b-instruct-q8_0',
  settings: { batch_size: 1, prompt_tokens: 512, output_tokens: 128, concurrency: 1, device_count: 1 },
  prompt_tokens_per_s: 20000,
  generation_tokens_per_s: 400,
  ttft_ms: 30,
  power_w: null,
  origin: 'measured',
  model_sha256: null,
  runtime_version: 'b4500',
  submitter: 'aaaaa-aa',
  timestamp_ns: 1_700_000_000_000_000_000n,
  sources: [],
};

/** Deep-clones a record and applies `edit` to it (for building invalid inputs). */
export function mutate<T>(rec: T, edit: (draft: any) => void): unknown {
  const copy = cloneDeep(rec);
  edit(copy);
  return copy;
}

function cloneDeep<T>(v: T): T {
  if (Array.isArray(v)) return v.map(cloneDeep) as T;
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = cloneDeep(x);
    return out as T;
  }
  return v;
}
