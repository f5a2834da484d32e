/**
 * Registry domain types: hardware, runtimes, models (with variants and quality scores) and
 * benchmark results. Pure TS types that map 1:1 onto Candid (see candid-mapping.ts):
 *
 * - Every number is `number | null`; null means "unknown", never a guess (wire: `opt float64`).
 * - Optional annotations (`note`, `notes`, `source_refs`) are `?:` fields (wire: `opt`).
 * - Ids are slugs `[a-z0-9][a-z0-9._-]{0,63}` (ID_PATTERN in limits.constants.ts).
 * - Dates are ISO `YYYY-MM-DD` strings; timestamps are bigint nanoseconds since the Unix epoch.
 * - Enumerations are string unions backed by `as const` arrays (wire: Candid variants).
 * - Every record carries `sources` (at least one; benchmark results may have none, see BenchmarkResult).
 * - Units are in the field names: `_gb` = 10^9 bytes, `_gb_s` = 10^9 bytes/s, `_w` = watts,
 *   `_b` = billions, `_bytes`, `_ms`, `_per_s`.
 *
 * Bounds for every field live in limits.constants.ts; validate.ts enforces them.
 */

/** Slug id, `[a-z0-9][a-z0-9._-]{0,63}`. */
export type Id = string;
/** ISO calendar date `YYYY-MM-DD`. */
export type IsoDate = string;
/** Nanoseconds since the Unix epoch (IC time). */
export type TimestampNs = bigint;

// ---------------------------------------------------------------------------------------------
// Provenance
// ---------------------------------------------------------------------------------------------

/** Where a record's facts come from. `url` must be http(s). */
export interface Source {
  readonly url: string;
  readonly title: string;
  /** Date the source was read. */
  readonly accessed: IsoDate;
  readonly note?: string;
}

/**
 * Per-number provenance: says which source (index into the record's `sources`) a field came from.
 * `field` is a dotted path into the record, e.g. `tdp_w`, `peak.fp8.dense`, `prices.0.value`,
 * `variants.1.file_size_bytes`. Several refs for the same field record that sources disagree;
 * `note` says how (e.g. "vendor says 3.35 TB/s, review measured 3.0").
 */
export interface SourceRef {
  readonly field: string;
  readonly source: number;
  readonly note?: string;
}

/** Fields shared by every sourced record. */
export interface Sourced {
  readonly sources: readonly Source[];
  readonly source_refs?: readonly SourceRef[];
  /** Free-text caveats (e.g. where sources disagree, or why a number is null). */
  readonly notes?: string;
}

// ---------------------------------------------------------------------------------------------
// Hardware
// ---------------------------------------------------------------------------------------------

export const HARDWARE_KINDS = ['gpu', 'npu', 'lpu', 'asic', 'soc', 'cpu'] as const;
export type HardwareKind = (typeof HARDWARE_KINDS)[number];

/** Numeric precisions. Float precisions are measured in TFLOPS, integer ones in TOPS. */
export const PRECISIONS = ['fp32', 'tf32', 'bf16', 'fp16', 'fp8', 'int8', 'int4'] as const;
export type Precision = (typeof PRECISIONS)[number];
export const FLOAT_PRECISIONS: readonly Precision[] = ['fp32', 'tf32', 'bf16', 'fp16', 'fp8'];

export const PRICE_KINDS = ['msrp', 'street', 'cloud_hour'] as const;
/** `msrp`/`street`: one unit's purchase price. `cloud_hour`: rental per device-hour. */
export type PriceKind = (typeof PRICE_KINDS)[number];

export const FORM_FACTORS = [
  'sxm', // NVIDIA SXM module
  'oam', // OCP Accelerator Module
  'pcie_card',
  'mxm',
  'm2',
  'soc', // integrated system-on-chip (phones, laptops, Apple silicon)
  'system', // whole appliance / server / dev kit
  'cloud_only', // rentable only (e.g. TPU, Groq LPU)
  'socket', // CPU socket
  'other',
] as const;
export type FormFactor = (typeof FORM_FACTORS)[number];

export const AVAILABILITIES = ['available', 'cloud_only', 'announced', 'discontinued'] as const;
export type Availability = (typeof AVAILABILITIES)[number];

/** Peak throughput for one precision: TFLOPS (float) or TOPS (int). Dense and with-sparsity kept apart. */
export interface PeakValue {
  readonly dense: number | null;
  readonly sparse: number | null;
}

/** Every precision is present; unknown values are null. */
export type PeakPerformance = { readonly [P in Precision]: PeakValue };

export interface Price {
  readonly value: number | null;
  /** ISO 4217 code, e.g. `USD`. */
  readonly currency: string;
  readonly kind: PriceKind;
  readonly as_of: IsoDate;
}

export interface Hardware extends Sourced {
  readonly id: Id;
  readonly vendor: string;
  readonly name: string;
  readonly kind: HardwareKind;
  /** Device memory in GB (10^9 bytes) as the vendor states it; for SoCs the unified memory of the configuration. */
  readonly memory_gb: number | null;
  /** e.g. `HBM3`, `GDDR6X`, `LPDDR5X`. */
  readonly memory_type: string | null;
  /** Peak memory bandwidth, GB/s (10^9 bytes/s). */
  readonly memory_bandwidth_gb_s: number | null;
  /** Board/module TDP (or TBP) in watts. */
  readonly tdp_w: number | null;
  /** Zero or more prices (MSRP, street, cloud per hour), each dated. */
  readonly prices: readonly Price[];
  readonly peak: PeakPerformance;
  /** e.g. `NVLink 4`, `PCIe 5.0 x16`, `Infinity Fabric`. */
  readonly interconnect: string | null;
  /** Device-to-device bandwidth, GB/s, total bidirectional as vendors state it. */
  readonly interconnect_bandwidth_gb_s: number | null;
  readonly form_factor: FormFactor | null;
  readonly release_year: number | null;
  readonly availability: Availability | null;
}

// ---------------------------------------------------------------------------------------------
// Runtimes
// ---------------------------------------------------------------------------------------------

export const BACKENDS = [
  'cuda', 'rocm', 'metal', 'vulkan', 'sycl', 'opencl', 'cpu', 'webgpu', 'wasm', 'xla', 'directml', 'coreml',
  'qnn', 'openvino', 'neuron', 'other',
] as const;
export type Backend = (typeof BACKENDS)[number];

export const MODEL_FORMATS = [
  'safetensors', 'gguf', 'onnx', 'tensorrt_engine', 'mlc', 'mlx', 'coreml', 'pytorch', 'openvino_ir', 'tflite',
  'executorch', 'exl2', 'other',
] as const;
export type ModelFormat = (typeof MODEL_FORMATS)[number];

/** Quantization method families. The exact type (e.g. GGUF `Q4_K_M`) goes in ModelVariant.quant_label. */
export const QUANT_METHODS = [
  'none', // unquantized (fp32/bf16/fp16 weights)
  'gguf', // llama.cpp quant types (Q8_0, Q4_K_M, IQ4_XS, ...)
  'awq', 'gptq', 'fp8', 'int8', 'bitsandbytes', 'exl2', 'mlx', 'mlc', 'hqq', 'mxfp4', 'nvfp4', 'other',
] as const;
export type QuantMethod = (typeof QUANT_METHODS)[number];

export const RUNTIME_FEATURES = [
  'continuous_batching', 'paged_attention', 'speculative_decoding', 'cpu_offload', 'openai_compatible_server',
  'prefix_caching', 'tensor_parallel', 'pipeline_parallel', 'structured_output', 'multi_lora',
] as const;
export type RuntimeFeature = (typeof RUNTIME_FEATURES)[number];
/** true = supported, false = not supported, null = unknown. Every feature is present. */
export type RuntimeFeatures = { readonly [F in RuntimeFeature]: boolean | null };

/** easy: one command / prebuilt binary; moderate: package manager plus GPU drivers/config; hard: build from source or cluster setup. */
export const INSTALL_EASES = ['easy', 'moderate', 'hard'] as const;
export type InstallEase = (typeof INSTALL_EASES)[number];

export interface Runtime extends Sourced {
  readonly id: Id;
  readonly name: string;
  readonly vendor: string;
  /** SPDX id where one exists (e.g. `Apache-2.0`, `MIT`), else a short name. */
  readonly license: string;
  /** Hardware vendors supported, lower-case (e.g. `nvidia`, `amd`, `apple`, `intel`). */
  readonly hardware_vendors: readonly string[];
  readonly backends: readonly Backend[];
  readonly model_formats: readonly ModelFormat[];
  readonly quant_methods: readonly QuantMethod[];
  readonly features: RuntimeFeatures;
  readonly ease_of_install: InstallEase | null;
  /** Latest version checked, e.g. `0.6.3` or `b4500`. */
  readonly latest_version: string | null;
  /** Home page or repository (http(s)). */
  readonly homepage: string | null;
}

// ---------------------------------------------------------------------------------------------
// Models
// ---------------------------------------------------------------------------------------------

export const TASKS = ['chat', 'reasoning', 'math', 'code', 'vision', 'tool_use', 'multilingual', 'embedding'] as const;
export type Task = (typeof TASKS)[number];

export const ARCH_KINDS = ['dense', 'moe', 'ssm', 'hybrid'] as const;
export type ArchKind = (typeof ARCH_KINDS)[number];

export interface Architecture {
  readonly kind: ArchKind | null;
  readonly layers: number | null;
  readonly hidden_size: number | null;
  readonly attention_heads: number | null;
  /** Key/value heads (GQA); equals attention_heads for plain MHA. */
  readonly kv_heads: number | null;
  readonly head_dim: number | null;
  readonly vocab_size: number | null;
  /** MoE only: experts per layer and experts active per token; null for dense. */
  readonly experts_total: number | null;
  readonly experts_active: number | null;
}

/** A downloadable form of a model: format + quantization. Ids are unique across all models. */
export interface ModelVariant {
  readonly id: Id;
  readonly format: ModelFormat;
  readonly quant_method: QuantMethod;
  /** Exact quant type, e.g. `Q4_K_M`, `Q8_0`, `AWQ-INT4-g128`, `BF16`. */
  readonly quant_label: string | null;
  /** Average bits per weight including scales (e.g. Q4_K_M ≈ 4.85). */
  readonly bits_per_weight: number | null;
  readonly file_size_bytes: number | null;
  /** Lower-case hex SHA-256 of the (first) file, 64 chars. */
  readonly sha256: string | null;
  /** Download page (http(s)). */
  readonly url: string | null;
}

export const EVALUATORS = ['publisher', 'independent'] as const;
export type Evaluator = (typeof EVALUATORS)[number];

/** One quality score, with the settings needed to reproduce it (anchors.md §1.14). */
export interface QualityScore {
  /** Benchmark slug, e.g. `mmlu_pro`, `gpqa_diamond`, `humaneval`, `math_500`, `ifeval`. */
  readonly benchmark: string;
  /** Score on a 0–100 scale (percent), as reported. */
  readonly score: number | null;
  readonly shots: number | null;
  /** e.g. `lm-evaluation-harness`, `simple-evals`. */
  readonly harness: string | null;
  readonly harness_version: string | null;
  /** Whether the chat template was applied; null if unreported. */
  readonly chat_template: boolean | null;
  /** Who ran it: the model publisher (self-reported) or an independent evaluator. */
  readonly evaluator: Evaluator | null;
  /** Index into the model's `sources`. */
  readonly source: number;
}

export interface Model extends Sourced {
  readonly id: Id;
  readonly name: string;
  /** e.g. `llama-3.1`, `qwen2.5`. */
  readonly family: string;
  /** Organisation that released the weights. */
  readonly publisher: string;
  /** Company or funder behind the publisher (may equal publisher). */
  readonly backing: string | null;
  /** Total parameters in billions. */
  readonly params_total_b: number | null;
  /** Parameters active per token in billions (MoE); equals params_total_b for dense models. */
  readonly params_active_b: number | null;
  readonly architecture: Architecture;
  /** Maximum context length in tokens. */
  readonly context_length: number | null;
  /** SPDX id or license name, e.g. `Apache-2.0`, `Llama 3.1 Community License`. */
  readonly license: string;
  readonly release_date: IsoDate | null;
  /** Free text, e.g. `~6 months between major versions`. */
  readonly update_cadence: string | null;
  readonly task_fit: readonly Task[];
  readonly variants: readonly ModelVariant[];
  readonly scores: readonly QualityScore[];
}

// ---------------------------------------------------------------------------------------------
// Benchmark results (runtime performance), append-only
// ---------------------------------------------------------------------------------------------

export const RESULT_ORIGINS = ['measured', 'published', 'vendor_claimed'] as const;
/** measured: the submitter ran it; published: copied from a third-party source; vendor_claimed: vendor marketing figure. */
export type ResultOrigin = (typeof RESULT_ORIGINS)[number];

export interface BenchmarkSettings {
  readonly batch_size: number | null;
  /** Prompt (input) tokens per request. */
  readonly prompt_tokens: number | null;
  /** Generated (output) tokens per request. */
  readonly output_tokens: number | null;
  readonly concurrency: number | null;
  /** Number of devices (chips) used; comparisons must state it (MLPerf results rule). */
  readonly device_count: number | null;
}

/** What a submitter sends; the canister adds result_id, submitter and timestamp_ns. */
export interface BenchmarkSubmission {
  readonly hardware_id: Id;
  readonly runtime_id: Id;
  readonly model_id: Id;
  readonly variant_id: Id;
  readonly settings: BenchmarkSettings;
  readonly prompt_tokens_per_s: number | null;
  readonly generation_tokens_per_s: number | null;
  /** Time to first token, milliseconds. */
  readonly ttft_ms: number | null;
  /** Average power draw during the run, watts. */
  readonly power_w: number | null;
  readonly origin: ResultOrigin;
  readonly model_sha256: string | null;
  readonly runtime_version: string | null;
  readonly notes?: string;
  /**
   * Sources may be empty for `measured` results: the submitter principal and timestamp are then
   * the provenance. `published` and `vendor_claimed` results need at least one source.
   */
  readonly sources: readonly Source[];
}

export interface BenchmarkResult extends BenchmarkSubmission {
  /** Stable, never reused. */
  readonly result_id: Id;
  /** Principal text of the submitter. */
  readonly submitter: string;
  readonly timestamp_ns: TimestampNs;
}

// ---------------------------------------------------------------------------------------------
// Errors (stable codes; canister maps these to a Candid variant)
// ---------------------------------------------------------------------------------------------

export const ENTITY_KINDS = ['hardware', 'runtime', 'model', 'variant', 'result'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export type RegistryError =
  | { readonly code: 'NotFound'; readonly entity: EntityKind; readonly id: string }
  | { readonly code: 'InvalidInput'; readonly field: string; readonly reason: string }
  | { readonly code: 'Unauthorized'; readonly reason: string }
  | { readonly code: 'Conflict'; readonly id: string; readonly reason: string }
  | { readonly code: 'LimitExceeded'; readonly limit: string; readonly max: number };

export type RegistryErrorCode = RegistryError['code'];
