/** Candid wire ↔ domain for API values: errors, fit targets/results, derived metrics, recommendations, search hits, comparisons. */
import type { EntityKind, RegistryError } from './types';
import type { FitResult, FitTarget } from './fit';
import type { DerivedMetric } from './derived-metrics';
import type { Excluded, Recommendation } from './recommend.utils';
import type { RankedHardware } from './recommend-hardware';
import type { RankedModel } from './recommend-models';
import type { SearchHit } from './search';
import type { CompareValue, Comparison } from './compare';
import { fromOpt, fromTag, toOpt, toTag, type Opt, type Tag } from './candid.utils';

export type CandidRegistryError =
  | { NotFound: { entity: Tag<Extract<RegistryError, { code: 'NotFound' }>['entity']>; id: string } }
  | { InvalidInput: { field: string; reason: string } }
  | { Unauthorized: { reason: string } }
  | { Conflict: { id: string; reason: string } }
  | { LimitExceeded: { limit: string; max: number } };

export function toCandidError(e: RegistryError): CandidRegistryError {
  switch (e.code) {
    case 'NotFound': return { NotFound: { entity: toTag(e.entity), id: e.id } };
    case 'InvalidInput': return { InvalidInput: { field: e.field, reason: e.reason } };
    case 'Unauthorized': return { Unauthorized: { reason: e.reason } };
    case 'Conflict': return { Conflict: { id: e.id, reason: e.reason } };
    case 'LimitExceeded': return { LimitExceeded: { limit: e.limit, max: e.max } };
  }
}

export function fromCandidError(c: CandidRegistryError): RegistryError {
  if ('NotFound' in c) return { code: 'NotFound', entity: fromTag(c.NotFound.entity), id: c.NotFound.id };
  if ('InvalidInput' in c) return { code: 'InvalidInput', ...c.InvalidInput };
  if ('Unauthorized' in c) return { code: 'Unauthorized', ...c.Unauthorized };
  if ('Conflict' in c) return { code: 'Conflict', ...c.Conflict };
  return { code: 'LimitExceeded', ...c.LimitExceeded };
}

export type CandidFitTarget =
  | { hardware: { hardware_id: string } }
  | { custom: { memory_bytes: number } }
  | { ic_canister: null }
  | { browser: null }
  | { phone: null };

export function toCandidFitTarget(t: FitTarget): CandidFitTarget {
  switch (t.kind) {
    case 'hardware': return { hardware: { hardware_id: t.hardware_id } };
    case 'custom': return { custom: { memory_bytes: t.memory_bytes } };
    default: return { [t.kind]: null } as CandidFitTarget;
  }
}

export function fromCandidFitTarget(c: CandidFitTarget): FitTarget {
  if ('hardware' in c) return { kind: 'hardware', hardware_id: c.hardware.hardware_id };
  if ('custom' in c) return { kind: 'custom', memory_bytes: c.custom.memory_bytes };
  return { kind: fromTag(c as Tag<'ic_canister' | 'browser' | 'phone'>) };
}

export type CandidFitResult = Omit<FitResult, 'devices_needed' | 'breakdown'> & { devices_needed: Opt<number>; breakdown: string[] };

export function toCandidFitResult(r: FitResult): CandidFitResult {
  return { ...r, devices_needed: toOpt(r.devices_needed), breakdown: [...r.breakdown] };
}

export function fromCandidFitResult(c: CandidFitResult): FitResult {
  return { ...c, devices_needed: fromOpt(c.devices_needed) };
}

/** `derived` is always true; it stays on the wire so clients can label the number. */
export type CandidDerivedMetric = DerivedMetric;
export const toCandidDerivedMetric = (m: DerivedMetric | null): Opt<CandidDerivedMetric> => toOpt(m);

// --- recommendations, search, compare ----------------------------------------------------------

type Nullables<T, K extends keyof T> = Omit<T, K> & { -readonly [P in K]: Opt<NonNullable<T[P]>> };
/** Opt-wraps the listed nullable fields (and copies arrays so the wire value is mutable). */
function wrap<T extends object, K extends keyof T>(v: T, keys: readonly K[]): Nullables<T, K> {
  const out: Record<string, unknown> = { ...(v as Record<string, unknown>) };
  for (const k of keys) out[k as string] = toOpt(v[k] as unknown);
  for (const [k, x] of Object.entries(out)) if (Array.isArray(x) && !(keys as readonly string[]).includes(k)) out[k] = [...x];
  return out as Nullables<T, K>;
}
function unwrap<T, K extends keyof T>(c: Nullables<T, K>, keys: readonly K[]): T {
  const out: Record<string, unknown> = { ...c };
  for (const k of keys) out[k as string] = fromOpt(out[k as string] as Opt<unknown>);
  return out as T;
}

const HW_NULLABLE = ['total_price', 'total_tdp_w', 'decode_tokens_per_s_upper_bound', 'price_per_decode_token_per_s'] as const;
const MODEL_NULLABLE = ['score', 'decode_tokens_per_s_upper_bound'] as const;
export type CandidRankedHardware = Nullables<RankedHardware, (typeof HW_NULLABLE)[number]>;
export type CandidRankedModel = Nullables<RankedModel, (typeof MODEL_NULLABLE)[number]>;
export interface CandidRecommendation<T> { ranked: T[]; excluded: Excluded[]; criteria: string[] }

export function toCandidHardwareRecommendation(r: Recommendation<RankedHardware>): CandidRecommendation<CandidRankedHardware> {
  return { ranked: r.ranked.map((x) => wrap(x, HW_NULLABLE)), excluded: r.excluded.map((e) => ({ ...e })), criteria: [...r.criteria] };
}
export function fromCandidHardwareRecommendation(c: CandidRecommendation<CandidRankedHardware>): Recommendation<RankedHardware> {
  return { ranked: c.ranked.map((x) => unwrap<RankedHardware, (typeof HW_NULLABLE)[number]>(x, HW_NULLABLE)), excluded: c.excluded, criteria: c.criteria };
}
export function toCandidModelRecommendation(r: Recommendation<RankedModel>): CandidRecommendation<CandidRankedModel> {
  return { ranked: r.ranked.map((x) => wrap(x, MODEL_NULLABLE)), excluded: r.excluded.map((e) => ({ ...e })), criteria: [...r.criteria] };
}
export function fromCandidModelRecommendation(c: CandidRecommendation<CandidRankedModel>): Recommendation<RankedModel> {
  return { ranked: c.ranked.map((x) => unwrap<RankedModel, (typeof MODEL_NULLABLE)[number]>(x, MODEL_NULLABLE)), excluded: c.excluded, criteria: c.criteria };
}

export type CandidSearchHit = Omit<SearchHit, 'entity'> & { entity: Tag<EntityKind> };
export const toCandidSearchHit = (h: SearchHit): CandidSearchHit => ({ ...h, entity: toTag(h.entity) });
export const fromCandidSearchHit = (c: CandidSearchHit): SearchHit => ({ ...c, entity: fromTag(c.entity) });

/** Candid `variant { text : text; number : float64; bool : bool; none }`. */
export type CandidCompareValue = { text: string } | { number: number } | { bool: boolean } | { none: null };
export interface CandidCompareRow { field: string; values: CandidCompareValue[]; differs: boolean; derived: boolean; unit: Opt<string> }
export interface CandidComparison { ids: string[]; rows: CandidCompareRow[] }

function toCompareValue(v: CompareValue): CandidCompareValue {
  if (v === null) return { none: null };
  if (typeof v === 'string') return { text: v };
  return typeof v === 'number' ? { number: v } : { bool: v };
}
function fromCompareValue(c: CandidCompareValue): CompareValue {
  if ('text' in c) return c.text;
  if ('number' in c) return c.number;
  return 'bool' in c ? c.bool : null;
}

export function toCandidComparison(c: Comparison): CandidComparison {
  return {
    ids: [...c.ids],
    rows: c.rows.map((r) => ({ field: r.field, values: r.values.map(toCompareValue), differs: r.differs, derived: r.derived, unit: toOpt(r.unit) })),
  };
}
export function fromCandidComparison(c: CandidComparison): Comparison {
  return {
    ids: c.ids,
    rows: c.rows.map((r) => ({ field: r.field, values: r.values.map(fromCompareValue), differs: r.differs, derived: r.derived, unit: fromOpt(r.unit) })),
  };
}
