/**
 * Candid wire types of the registry (the `.did` is generated from these). Mapping rules, shared with
 * src/shared/registry/candid-mapping.ts: a nullable number is `opt float64`, a nullable text `opt text`,
 * an optional field `opt`, an enumeration a variant of unit tags, a timestamp `nat64` (ns).
 */
import { IDL } from 'azle';

import { AVAILABILITIES, ARCH_KINDS, BACKENDS, ENTITY_KINDS, EVALUATORS, FORM_FACTORS, HARDWARE_KINDS, INSTALL_EASES, MODEL_FORMATS, PRECISIONS, PRICE_KINDS, QUANT_METHODS, RESULT_ORIGINS, RUNTIME_FEATURES, TASKS } from '../../../src/shared/registry/types';

const OptF64 = IDL.Opt(IDL.Float64);
const OptText = IDL.Opt(IDL.Text);

/** A Candid variant of unit tags for a string enumeration (`'gpu'` ↔ `{ gpu : null }`). */
export function unitVariant(tags: readonly string[]): IDL.VariantClass {
    return IDL.Variant(Object.fromEntries(tags.map((t) => [t, IDL.Null])));
}

export const Source = IDL.Record({ url: IDL.Text, title: IDL.Text, accessed: IDL.Text, note: OptText });
export const SourceRef = IDL.Record({ field: IDL.Text, source: IDL.Nat32, note: OptText });
const sourced = { sources: IDL.Vec(Source), source_refs: IDL.Opt(IDL.Vec(SourceRef)), notes: OptText };

export const HardwareKind = unitVariant(HARDWARE_KINDS);
export const Precision = unitVariant(PRECISIONS);
export const PeakValue = IDL.Record({ dense: OptF64, sparse: OptF64 });
export const PeakPerformance = IDL.Record(Object.fromEntries(PRECISIONS.map((p) => [p, PeakValue])));
export const Price = IDL.Record({ value: OptF64, currency: IDL.Text, kind: unitVariant(PRICE_KINDS), as_of: IDL.Text });

export const Hardware = IDL.Record({
    id: IDL.Text,
    vendor: IDL.Text,
    name: IDL.Text,
    kind: HardwareKind,
    memory_gb: OptF64,
    memory_type: OptText,
    memory_bandwidth_gb_s: OptF64,
    tdp_w: OptF64,
    prices: IDL.Vec(Price),
    peak: PeakPerformance,
    interconnect: OptText,
    interconnect_bandwidth_gb_s: OptF64,
    form_factor: IDL.Opt(unitVariant(FORM_FACTORS)),
    release_year: OptF64,
    availability: IDL.Opt(unitVariant(AVAILABILITIES)),
    ...sourced
});

export const Runtime = IDL.Record({
    id: IDL.Text,
    name: IDL.Text,
    vendor: IDL.Text,
    license: IDL.Text,
    hardware_vendors: IDL.Vec(IDL.Text),
    backends: IDL.Vec(unitVariant(BACKENDS)),
    model_formats: IDL.Vec(unitVariant(MODEL_FORMATS)),
    quant_methods: IDL.Vec(unitVariant(QUANT_METHODS)),
    features: IDL.Record(Object.fromEntries(RUNTIME_FEATURES.map((f) => [f, IDL.Opt(IDL.Bool)]))),
    ease_of_install: IDL.Opt(unitVariant(INSTALL_EASES)),
    latest_version: OptText,
    homepage: OptText,
    ...sourced
});

export const Architecture = IDL.Record({
    kind: IDL.Opt(unitVariant(ARCH_KINDS)),
    layers: OptF64,
    hidden_size: OptF64,
    attention_heads: OptF64,
    kv_heads: OptF64,
    head_dim: OptF64,
    vocab_size: OptF64,
    experts_total: OptF64,
    experts_active: OptF64
});

export const ModelVariant = IDL.Record({
    id: IDL.Text,
    format: unitVariant(MODEL_FORMATS),
    quant_method: unitVariant(QUANT_METHODS),
    quant_label: OptText,
    bits_per_weight: OptF64,
    file_size_bytes: OptF64,
    sha256: OptText,
    url: OptText
});

export const QualityScore = IDL.Record({
    benchmark: IDL.Text,
    score: OptF64,
    shots: OptF64,
    harness: OptText,
    harness_version: OptText,
    chat_template: IDL.Opt(IDL.Bool),
    evaluator: IDL.Opt(unitVariant(EVALUATORS)),
    source: IDL.Nat32
});

export const Model = IDL.Record({
    id: IDL.Text,
    name: IDL.Text,
    family: IDL.Text,
    publisher: IDL.Text,
    backing: OptText,
    params_total_b: OptF64,
    params_active_b: OptF64,
    architecture: Architecture,
    context_length: OptF64,
    license: IDL.Text,
    release_date: OptText,
    update_cadence: OptText,
    task_fit: IDL.Vec(unitVariant(TASKS)),
    variants: IDL.Vec(ModelVariant),
    scores: IDL.Vec(QualityScore),
    ...sourced
});

export const BenchmarkSettings = IDL.Record({
    batch_size: OptF64,
    prompt_tokens: OptF64,
    output_tokens: OptF64,
    concurrency: OptF64,
    device_count: OptF64
});

const submissionFields = {
    hardware_id: IDL.Text,
    runtime_id: IDL.Text,
    model_id: IDL.Text,
    variant_id: IDL.Text,
    settings: BenchmarkSettings,
    prompt_tokens_per_s: OptF64,
    generation_tokens_per_s: OptF64,
    ttft_ms: OptF64,
    power_w: OptF64,
    origin: unitVariant(RESULT_ORIGINS),
    model_sha256: OptText,
    runtime_version: OptText,
    notes: OptText,
    sources: IDL.Vec(Source)
};
export const BenchmarkSubmission = IDL.Record(submissionFields);
export const BenchmarkResult = IDL.Record({ ...submissionFields, result_id: IDL.Text, submitter: IDL.Text, timestamp_ns: IDL.Nat64 });

export const EntityKind = unitVariant(ENTITY_KINDS);

/** Stable error codes (src/shared/registry/types.ts RegistryError). */
export const RegistryError = IDL.Variant({
    NotFound: IDL.Record({ entity: EntityKind, id: IDL.Text }),
    InvalidInput: IDL.Record({ field: IDL.Text, reason: IDL.Text }),
    Unauthorized: IDL.Record({ reason: IDL.Text }),
    Conflict: IDL.Record({ id: IDL.Text, reason: IDL.Text }),
    LimitExceeded: IDL.Record({ limit: IDL.Text, max: IDL.Float64 })
});

export function Result(ok: IDL.Type): IDL.VariantClass {
    return IDL.Variant({ Ok: ok, Err: RegistryError });
}
