/**
 * Candid IDL for the registry wire types, written with @dfinity/candid (azle re-exports the same
 * `IDL`). Used by candid-mapping.test.ts to prove the mapping's shapes encode; the canister's own
 * IDL should match these field for field.
 */
import { IDL } from '@dfinity/candid';
import {
  ARCH_KINDS, AVAILABILITIES, BACKENDS, ENTITY_KINDS, EVALUATORS, FORM_FACTORS, HARDWARE_KINDS, INSTALL_EASES,
  MODEL_FORMATS, PRECISIONS, PRICE_KINDS, QUANT_METHODS, RESULT_ORIGINS, RUNTIME_FEATURES, TASKS,
} from '../../../src/shared/registry/types';

const tags = (names: readonly string[]) => IDL.Variant(Object.fromEntries(names.map((n) => [n, IDL.Null])));
const F = IDL.Opt(IDL.Float64);
const T = IDL.Opt(IDL.Text);

const Source = IDL.Record({ url: IDL.Text, title: IDL.Text, accessed: IDL.Text, note: T });
const SourceRef = IDL.Record({ field: IDL.Text, source: IDL.Nat32, note: T });
const provenance = { sources: IDL.Vec(Source), source_refs: IDL.Opt(IDL.Vec(SourceRef)), notes: T };

const PeakValue = IDL.Record({ dense: F, sparse: F });
export const HardwareIdl = IDL.Record({
  id: IDL.Text, vendor: IDL.Text, name: IDL.Text, kind: tags(HARDWARE_KINDS), memory_gb: F, memory_type: T,
  memory_bandwidth_gb_s: F, tdp_w: F,
  prices: IDL.Vec(IDL.Record({ value: F, currency: IDL.Text, kind: tags(PRICE_KINDS), as_of: IDL.Text })),
  peak: IDL.Record(Object.fromEntries(PRECISIONS.map((p) => [p, PeakValue]))),
  interconnect: T, interconnect_bandwidth_gb_s: F, form_factor: IDL.Opt(tags(FORM_FACTORS)), release_year: F,
  availability: IDL.Opt(tags(AVAILABILITIES)), ...provenance,
});

export const RuntimeIdl = IDL.Record({
  id: IDL.Text, name: IDL.Text, vendor: IDL.Text, license: IDL.Text, hardware_vendors: IDL.Vec(IDL.Text),
  backends: IDL.Vec(tags(BACKENDS)), model_formats: IDL.Vec(tags(MODEL_FORMATS)), quant_methods: IDL.Vec(tags(QUANT_METHODS)),
  features: IDL.Record(Object.fromEntries(RUNTIME_FEATURES.map((f) => [f, IDL.Opt(IDL.Bool)]))),
  ease_of_install: IDL.Opt(tags(INSTALL_EASES)), latest_version: T, homepage: T, ...provenance,
});

export const ModelIdl = IDL.Record({
  id: IDL.Text, name: IDL.Text, family: IDL.Text, publisher: IDL.Text, backing: T, params_total_b: F, params_active_b: F,
  architecture: IDL.Record({
    kind: IDL.Opt(tags(ARCH_KINDS)), layers: F, hidden_size: F, attention_heads: F, kv_heads: F, head_dim: F,
    vocab_size: F, experts_total: F, experts_active: F,
  }),
  context_length: F, license: IDL.Text, release_date: T, update_cadence: T, task_fit: IDL.Vec(tags(TASKS)),
  variants: IDL.Vec(IDL.Record({
    id: IDL.Text, format: tags(MODEL_FORMATS), quant_method: tags(QUANT_METHODS), quant_label: T, bits_per_weight: F,
    file_size_bytes: F, sha256: T, url: T,
  })),
  scores: IDL.Vec(IDL.Record({
    benchmark: IDL.Text, score: F, shots: F, harness: T, harness_version: T, chat_template: IDL.Opt(IDL.Bool),
    evaluator: IDL.Opt(tags(EVALUATORS)), source: IDL.Nat32,
  })),
  ...provenance,
});

const submission = {
  hardware_id: IDL.Text, runtime_id: IDL.Text, model_id: IDL.Text, variant_id: IDL.Text,
  settings: IDL.Record({ batch_size: F, prompt_tokens: F, output_tokens: F, concurrency: F, device_count: F }),
  prompt_tokens_per_s: F, generation_tokens_per_s: F, ttft_ms: F, power_w: F, origin: tags(RESULT_ORIGINS),
  model_sha256: T, runtime_version: T, notes: T, sources: IDL.Vec(Source),
};
export const SubmissionIdl = IDL.Record(submission);
export const ResultIdl = IDL.Record({ ...submission, result_id: IDL.Text, submitter: IDL.Text, timestamp_ns: IDL.Nat64 });

export const RegistryErrorIdl = IDL.Variant({
  NotFound: IDL.Record({ entity: tags(ENTITY_KINDS), id: IDL.Text }),
  InvalidInput: IDL.Record({ field: IDL.Text, reason: IDL.Text }),
  Unauthorized: IDL.Record({ reason: IDL.Text }),
  Conflict: IDL.Record({ id: IDL.Text, reason: IDL.Text }),
  LimitExceeded: IDL.Record({ limit: IDL.Text, max: IDL.Float64 }),
});

export const FitTargetIdl = IDL.Variant({
  hardware: IDL.Record({ hardware_id: IDL.Text }), custom: IDL.Record({ memory_bytes: IDL.Float64 }),
  ic_canister: IDL.Null, browser: IDL.Null, phone: IDL.Null,
});
export const FitResultIdl = IDL.Record({
  fits: IDL.Bool, target_label: IDL.Text, device_memory_bytes: IDL.Float64, context_tokens: IDL.Float64,
  weights_bytes: IDL.Float64, kv_cache_bytes: IDL.Float64, overhead_bytes: IDL.Float64, total_bytes: IDL.Float64,
  headroom_bytes: IDL.Float64, max_context_tokens: IDL.Float64, devices_needed: F, breakdown: IDL.Vec(IDL.Text),
});
const recommendation = (item: IDL.Type) => IDL.Record({
  ranked: IDL.Vec(item), excluded: IDL.Vec(IDL.Record({ id: IDL.Text, reason: IDL.Text })), criteria: IDL.Vec(IDL.Text),
});
export const HardwareRecommendationIdl = recommendation(IDL.Record({
  rank: IDL.Float64, hardware_id: IDL.Text, devices: IDL.Float64, total_price: F, total_tdp_w: F,
  decode_tokens_per_s_upper_bound: F, price_per_decode_token_per_s: F, explanation: IDL.Vec(IDL.Text),
}));
export const ModelRecommendationIdl = recommendation(IDL.Record({
  rank: IDL.Float64, model_id: IDL.Text, variant_id: IDL.Text, score: F, devices: IDL.Float64, total_bytes: IDL.Float64,
  max_context_tokens: IDL.Float64, decode_tokens_per_s_upper_bound: F, explanation: IDL.Vec(IDL.Text),
}));
export const SearchHitIdl = IDL.Record({ entity: tags(ENTITY_KINDS), id: IDL.Text, name: IDL.Text, score: IDL.Float64 });
export const ComparisonIdl = IDL.Record({
  ids: IDL.Vec(IDL.Text),
  rows: IDL.Vec(IDL.Record({
    field: IDL.Text, differs: IDL.Bool, derived: IDL.Bool, unit: T,
    values: IDL.Vec(IDL.Variant({ text: IDL.Text, number: IDL.Float64, bool: IDL.Bool, none: IDL.Null })),
  })),
});
