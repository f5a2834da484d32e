/**
 * What the registry indexes: for each entity kind, the sortable fields (value extractors) and the text
 * that search matches. Pure, so the canister and the frontend agree on names and semantics.
 */
import { selectPrice } from './derived-metrics';
import type { BenchmarkResult, Hardware, Model, Runtime } from './types';

export type SortValue = string | number | null;

/** The USD purchase price that sorting, filters and per-$ metrics use (derived-metrics.ts selectPrice: street, then MSRP). */
export function purchasePriceUsd(h: Hardware): number | null {
    return selectPrice(h, { currency: 'USD' })?.value ?? null;
}

export const HARDWARE_SORT_FIELDS = {
    name: (h: Hardware): SortValue => h.name,
    vendor: (h: Hardware): SortValue => `${h.vendor} ${h.name}`,
    memory_gb: (h: Hardware): SortValue => h.memory_gb,
    memory_bandwidth_gb_s: (h: Hardware): SortValue => h.memory_bandwidth_gb_s,
    tdp_w: (h: Hardware): SortValue => h.tdp_w,
    price_usd: (h: Hardware): SortValue => purchasePriceUsd(h),
    release_year: (h: Hardware): SortValue => h.release_year,
    fp16_dense: (h: Hardware): SortValue => h.peak.fp16.dense,
    bf16_dense: (h: Hardware): SortValue => h.peak.bf16.dense,
    fp8_dense: (h: Hardware): SortValue => h.peak.fp8.dense,
    int8_dense: (h: Hardware): SortValue => h.peak.int8.dense,
    int4_dense: (h: Hardware): SortValue => h.peak.int4.dense
} as const;

export const RUNTIME_SORT_FIELDS = {
    name: (r: Runtime): SortValue => r.name,
    vendor: (r: Runtime): SortValue => `${r.vendor} ${r.name}`
} as const;

export const MODEL_SORT_FIELDS = {
    name: (m: Model): SortValue => m.name,
    family: (m: Model): SortValue => `${m.family} ${m.name}`,
    publisher: (m: Model): SortValue => `${m.publisher} ${m.name}`,
    params_total_b: (m: Model): SortValue => m.params_total_b,
    context_length: (m: Model): SortValue => m.context_length,
    release_date: (m: Model): SortValue => m.release_date
} as const;

/** Results also sort by `id` (= submission order: result ids are sequential). */
export const RESULT_SORT_FIELDS = {
    generation_tokens_per_s: (r: BenchmarkResult): SortValue => r.generation_tokens_per_s,
    prompt_tokens_per_s: (r: BenchmarkResult): SortValue => r.prompt_tokens_per_s,
    ttft_ms: (r: BenchmarkResult): SortValue => r.ttft_ms
} as const;

export const DEFAULT_SORT = { hardware: 'name', runtime: 'name', model: 'name', result: 'id' } as const;

const TOKEN_PATTERN = /[a-z0-9][a-z0-9.+-]*/g;
const MAX_TOKENS_PER_RECORD = 32;

/** Lower-case word tokens of a text (ASCII letters, digits, `.+-` inside words); no Intl needed. */
export function tokenize(text: string): string[] {
    return [...new Set(text.toLowerCase().match(TOKEN_PATTERN) ?? [])];
}

export function searchTokens(kind: 'hardware' | 'runtime' | 'model', record: Hardware | Runtime | Model): string[] {
    const parts: string[] = [record.id, record.name];
    if (kind === 'hardware') parts.push((record as Hardware).vendor, (record as Hardware).kind);
    if (kind === 'runtime') parts.push((record as Runtime).vendor);
    if (kind === 'model') parts.push((record as Model).family, (record as Model).publisher);
    return tokenize(parts.join(' ')).slice(0, MAX_TOKENS_PER_RECORD);
}
