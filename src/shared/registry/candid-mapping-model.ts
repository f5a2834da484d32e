/** Candid wire ↔ domain for models (architecture, variants, scores) and benchmark results. */
import type {
  Architecture, BenchmarkResult, BenchmarkSettings, BenchmarkSubmission, Model, ModelVariant, QualityScore,
} from './types';
import {
  fromOpt, fromOptTag, fromProvenance, fromTag, optional, optTag, toOpt, toProvenance, toSource, fromSource, toTag,
  type CandidProvenance, type CandidSource, type Opt, type Tag,
} from './candid.utils';

export interface CandidArchitecture {
  kind: Opt<Tag<NonNullable<Architecture['kind']>>>; layers: Opt<number>; hidden_size: Opt<number>;
  attention_heads: Opt<number>; kv_heads: Opt<number>; head_dim: Opt<number>; vocab_size: Opt<number>;
  experts_total: Opt<number>; experts_active: Opt<number>;
}
export interface CandidVariant {
  id: string; format: Tag<ModelVariant['format']>; quant_method: Tag<ModelVariant['quant_method']>; quant_label: Opt<string>;
  bits_per_weight: Opt<number>; file_size_bytes: Opt<number>; sha256: Opt<string>; url: Opt<string>;
}
export interface CandidScore {
  benchmark: string; score: Opt<number>; shots: Opt<number>; harness: Opt<string>; harness_version: Opt<string>;
  chat_template: Opt<boolean>; evaluator: Opt<Tag<NonNullable<QualityScore['evaluator']>>>; source: number;
}
export interface CandidModel extends CandidProvenance {
  id: string; name: string; family: string; publisher: string; backing: Opt<string>; params_total_b: Opt<number>;
  params_active_b: Opt<number>; architecture: CandidArchitecture; context_length: Opt<number>; license: string;
  release_date: Opt<string>; update_cadence: Opt<string>; task_fit: Tag<Model['task_fit'][number]>[];
  variants: CandidVariant[]; scores: CandidScore[];
}

const ARCH_NUMBERS = ['layers', 'hidden_size', 'attention_heads', 'kv_heads', 'head_dim', 'vocab_size', 'experts_total', 'experts_active'] as const;

function toArch(a: Architecture): CandidArchitecture {
  const out = { kind: optTag(a.kind) } as CandidArchitecture;
  for (const k of ARCH_NUMBERS) out[k] = toOpt(a[k]);
  return out;
}
function fromArch(c: CandidArchitecture): Architecture {
  const out: Record<string, unknown> = { kind: fromOptTag(c.kind) };
  for (const k of ARCH_NUMBERS) out[k] = fromOpt(c[k]);
  return out as unknown as Architecture;
}

const toVariant = (v: ModelVariant): CandidVariant => ({
  id: v.id, format: toTag(v.format), quant_method: toTag(v.quant_method), quant_label: toOpt(v.quant_label),
  bits_per_weight: toOpt(v.bits_per_weight), file_size_bytes: toOpt(v.file_size_bytes), sha256: toOpt(v.sha256), url: toOpt(v.url),
});
const fromVariant = (c: CandidVariant): ModelVariant => ({
  id: c.id, format: fromTag(c.format), quant_method: fromTag(c.quant_method), quant_label: fromOpt(c.quant_label),
  bits_per_weight: fromOpt(c.bits_per_weight), file_size_bytes: fromOpt(c.file_size_bytes), sha256: fromOpt(c.sha256), url: fromOpt(c.url),
});
const toScore = (s: QualityScore): CandidScore => ({
  benchmark: s.benchmark, score: toOpt(s.score), shots: toOpt(s.shots), harness: toOpt(s.harness),
  harness_version: toOpt(s.harness_version), chat_template: toOpt(s.chat_template), evaluator: optTag(s.evaluator), source: s.source,
});
const fromScore = (c: CandidScore): QualityScore => ({
  benchmark: c.benchmark, score: fromOpt(c.score), shots: fromOpt(c.shots), harness: fromOpt(c.harness),
  harness_version: fromOpt(c.harness_version), chat_template: fromOpt(c.chat_template), evaluator: fromOptTag(c.evaluator), source: c.source,
});

export function toCandidModel(m: Model): CandidModel {
  return {
    id: m.id, name: m.name, family: m.family, publisher: m.publisher, backing: toOpt(m.backing),
    params_total_b: toOpt(m.params_total_b), params_active_b: toOpt(m.params_active_b), architecture: toArch(m.architecture),
    context_length: toOpt(m.context_length), license: m.license, release_date: toOpt(m.release_date),
    update_cadence: toOpt(m.update_cadence), task_fit: m.task_fit.map(toTag), variants: m.variants.map(toVariant),
    scores: m.scores.map(toScore), ...toProvenance(m),
  };
}

export function fromCandidModel(c: CandidModel): Model {
  return {
    id: c.id, name: c.name, family: c.family, publisher: c.publisher, backing: fromOpt(c.backing),
    params_total_b: fromOpt(c.params_total_b), params_active_b: fromOpt(c.params_active_b), architecture: fromArch(c.architecture),
    context_length: fromOpt(c.context_length), license: c.license, release_date: fromOpt(c.release_date),
    update_cadence: fromOpt(c.update_cadence), task_fit: c.task_fit.map(fromTag), variants: c.variants.map(fromVariant),
    scores: c.scores.map(fromScore), ...fromProvenance(c),
  };
}

// --- benchmark results -----------------------------------------------------------------------

export type CandidSettings = { -readonly [K in keyof BenchmarkSettings]: Opt<number> };
export interface CandidSubmission {
  hardware_id: string; runtime_id: string; model_id: string; variant_id: string; settings: CandidSettings;
  prompt_tokens_per_s: Opt<number>; generation_tokens_per_s: Opt<number>; ttft_ms: Opt<number>; power_w: Opt<number>;
  origin: Tag<BenchmarkSubmission['origin']>; model_sha256: Opt<string>; runtime_version: Opt<string>; notes: Opt<string>;
  sources: CandidSource[];
}
/** `submitter` is the principal's text form here; the canister converts to/from `Principal`. */
export interface CandidResult extends CandidSubmission { result_id: string; submitter: string; timestamp_ns: bigint }

const SETTINGS = ['batch_size', 'prompt_tokens', 'output_tokens', 'concurrency', 'device_count'] as const;

export function toCandidSubmission(s: BenchmarkSubmission): CandidSubmission {
  const settings = {} as CandidSettings;
  for (const k of SETTINGS) settings[k] = toOpt(s.settings[k]);
  return {
    hardware_id: s.hardware_id, runtime_id: s.runtime_id, model_id: s.model_id, variant_id: s.variant_id, settings,
    prompt_tokens_per_s: toOpt(s.prompt_tokens_per_s), generation_tokens_per_s: toOpt(s.generation_tokens_per_s),
    ttft_ms: toOpt(s.ttft_ms), power_w: toOpt(s.power_w), origin: toTag(s.origin), model_sha256: toOpt(s.model_sha256),
    runtime_version: toOpt(s.runtime_version), notes: toOpt(s.notes), sources: s.sources.map(toSource),
  };
}

export function fromCandidSubmission(c: CandidSubmission): BenchmarkSubmission {
  const settings: Record<string, number | null> = {};
  for (const k of SETTINGS) settings[k] = fromOpt(c.settings[k]);
  return {
    hardware_id: c.hardware_id, runtime_id: c.runtime_id, model_id: c.model_id, variant_id: c.variant_id,
    settings: settings as unknown as BenchmarkSettings,
    prompt_tokens_per_s: fromOpt(c.prompt_tokens_per_s), generation_tokens_per_s: fromOpt(c.generation_tokens_per_s),
    ttft_ms: fromOpt(c.ttft_ms), power_w: fromOpt(c.power_w), origin: fromTag(c.origin), model_sha256: fromOpt(c.model_sha256),
    runtime_version: fromOpt(c.runtime_version), ...optional('notes', c.notes), sources: c.sources.map(fromSource),
  };
}

export function toCandidResult(r: BenchmarkResult): CandidResult {
  return { ...toCandidSubmission(r), result_id: r.result_id, submitter: r.submitter, timestamp_ns: r.timestamp_ns };
}

export function fromCandidResult(c: CandidResult): BenchmarkResult {
  return { ...fromCandidSubmission(c), result_id: c.result_id, submitter: c.submitter, timestamp_ns: c.timestamp_ns };
}
