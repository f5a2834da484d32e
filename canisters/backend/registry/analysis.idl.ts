/** Candid types of the fit calculator, recommendations and derived metrics. */
import { IDL } from 'azle';

import { KV_DTYPES } from '../../../src/shared/registry/model-size';
import { TASKS } from '../../../src/shared/registry/types';
import { unitVariant } from './registry.idl';

export const KvDtype = unitVariant(KV_DTYPES);

export const FitTarget = IDL.Variant({
    hardware: IDL.Record({ hardware_id: IDL.Text }),
    custom: IDL.Record({ memory_bytes: IDL.Float64 }),
    ic_canister: IDL.Null,
    browser: IDL.Null,
    phone: IDL.Null
});

export const FitRequest = IDL.Record({
    model_id: IDL.Text,
    variant_id: IDL.Text,
    target: FitTarget,
    context_tokens: IDL.Opt(IDL.Float64),
    batch: IDL.Opt(IDL.Nat32),
    kv_dtype: IDL.Opt(KvDtype)
});

export const FitResult = IDL.Record({
    fits: IDL.Bool,
    target_label: IDL.Text,
    device_memory_bytes: IDL.Float64,
    context_tokens: IDL.Float64,
    weights_bytes: IDL.Float64,
    kv_cache_bytes: IDL.Float64,
    overhead_bytes: IDL.Float64,
    total_bytes: IDL.Float64,
    headroom_bytes: IDL.Float64,
    max_context_tokens: IDL.Float64,
    devices_needed: IDL.Opt(IDL.Float64),
    breakdown: IDL.Vec(IDL.Text)
});

export const DerivedMetric = IDL.Record({ name: IDL.Text, value: IDL.Float64, unit: IDL.Text, formula: IDL.Text, derived: IDL.Bool });

export const Excluded = IDL.Record({ id: IDL.Text, reason: IDL.Text });

export const RecommendHardwareRequest = IDL.Record({
    model_id: IDL.Text,
    variant_id: IDL.Text,
    context_tokens: IDL.Opt(IDL.Float64),
    batch: IDL.Opt(IDL.Nat32),
    kv_dtype: IDL.Opt(KvDtype),
    currency: IDL.Opt(IDL.Text),
    max_price: IDL.Opt(IDL.Float64),
    max_tdp_w: IDL.Opt(IDL.Float64),
    max_devices: IDL.Opt(IDL.Nat32),
    limit: IDL.Opt(IDL.Nat32)
});

export const RankedHardware = IDL.Record({
    rank: IDL.Nat32,
    hardware_id: IDL.Text,
    devices: IDL.Nat32,
    total_price: IDL.Opt(IDL.Float64),
    total_tdp_w: IDL.Opt(IDL.Float64),
    decode_tokens_per_s_upper_bound: IDL.Opt(IDL.Float64),
    price_per_decode_token_per_s: IDL.Opt(IDL.Float64),
    explanation: IDL.Vec(IDL.Text)
});

export const RecommendModelsRequest = IDL.Record({
    target: FitTarget,
    task: IDL.Opt(unitVariant(TASKS)),
    benchmark: IDL.Opt(IDL.Text),
    min_score: IDL.Opt(IDL.Float64),
    context_tokens: IDL.Opt(IDL.Float64),
    batch: IDL.Opt(IDL.Nat32),
    kv_dtype: IDL.Opt(KvDtype),
    max_devices: IDL.Opt(IDL.Nat32),
    limit: IDL.Opt(IDL.Nat32)
});

export const RankedModel = IDL.Record({
    rank: IDL.Nat32,
    model_id: IDL.Text,
    variant_id: IDL.Text,
    score: IDL.Opt(IDL.Float64),
    devices: IDL.Nat32,
    total_bytes: IDL.Float64,
    max_context_tokens: IDL.Float64,
    decode_tokens_per_s_upper_bound: IDL.Opt(IDL.Float64),
    explanation: IDL.Vec(IDL.Text)
});

function recommendation(item: IDL.Type): IDL.RecordClass {
    return IDL.Record({ ranked: IDL.Vec(item), excluded: IDL.Vec(Excluded), criteria: IDL.Vec(IDL.Text), candidates_considered: IDL.Nat32 });
}
export const HardwareRecommendation = recommendation(RankedHardware);
export const ModelRecommendation = recommendation(RankedModel);
