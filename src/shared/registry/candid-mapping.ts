/**
 * Candid wire ↔ domain conversions (style.md §10.5). On the wire, `T | null` and `?:` fields are
 * `opt T` (`[] | [T]` in JS), enumerations are variants (`{ gpu: null }`), numbers are float64
 * except source indexes (nat32) and timestamps (nat64, bigint). `fromCandid*` only reshapes; run
 * the validate* functions on the result before storing it.
 */
import type { Hardware, PeakPerformance, PeakValue, Price, Runtime, RuntimeFeatures } from './types';
import { PRECISIONS, RUNTIME_FEATURES } from './types';
import {
  fromOpt, fromOptTag, fromProvenance, fromTag, optTag, toOpt, toProvenance, toTag, type CandidProvenance, type Opt, type Tag,
} from './candid.utils';

// --- hardware --------------------------------------------------------------------------------

export interface CandidPeakValue { dense: Opt<number>; sparse: Opt<number> }
export type CandidPeak = { [P in keyof PeakPerformance]: CandidPeakValue };
export interface CandidPrice { value: Opt<number>; currency: string; kind: Tag<Price['kind']>; as_of: string }
export interface CandidHardware extends CandidProvenance {
  id: string; vendor: string; name: string; kind: Tag<Hardware['kind']>; memory_gb: Opt<number>; memory_type: Opt<string>;
  memory_bandwidth_gb_s: Opt<number>; tdp_w: Opt<number>; prices: CandidPrice[]; peak: CandidPeak; interconnect: Opt<string>;
  interconnect_bandwidth_gb_s: Opt<number>; form_factor: Opt<Tag<NonNullable<Hardware['form_factor']>>>;
  release_year: Opt<number>; availability: Opt<Tag<NonNullable<Hardware['availability']>>>;
}

const toPeakValue = (p: PeakValue): CandidPeakValue => ({ dense: toOpt(p.dense), sparse: toOpt(p.sparse) });
const fromPeakValue = (p: CandidPeakValue): PeakValue => ({ dense: fromOpt(p.dense), sparse: fromOpt(p.sparse) });

export function toCandidHardware(h: Hardware): CandidHardware {
  return {
    id: h.id, vendor: h.vendor, name: h.name, kind: toTag(h.kind), memory_gb: toOpt(h.memory_gb), memory_type: toOpt(h.memory_type),
    memory_bandwidth_gb_s: toOpt(h.memory_bandwidth_gb_s), tdp_w: toOpt(h.tdp_w),
    prices: h.prices.map((p) => ({ value: toOpt(p.value), currency: p.currency, kind: toTag(p.kind), as_of: p.as_of })),
    peak: Object.fromEntries(PRECISIONS.map((p) => [p, toPeakValue(h.peak[p])])) as CandidPeak,
    interconnect: toOpt(h.interconnect), interconnect_bandwidth_gb_s: toOpt(h.interconnect_bandwidth_gb_s),
    form_factor: optTag(h.form_factor), release_year: toOpt(h.release_year), availability: optTag(h.availability),
    ...toProvenance(h),
  };
}

export function fromCandidHardware(c: CandidHardware): Hardware {
  return {
    id: c.id, vendor: c.vendor, name: c.name, kind: fromTag(c.kind), memory_gb: fromOpt(c.memory_gb), memory_type: fromOpt(c.memory_type),
    memory_bandwidth_gb_s: fromOpt(c.memory_bandwidth_gb_s), tdp_w: fromOpt(c.tdp_w),
    prices: c.prices.map((p) => ({ value: fromOpt(p.value), currency: p.currency, kind: fromTag(p.kind), as_of: p.as_of })),
    peak: Object.fromEntries(PRECISIONS.map((p) => [p, fromPeakValue(c.peak[p])])) as unknown as PeakPerformance,
    interconnect: fromOpt(c.interconnect), interconnect_bandwidth_gb_s: fromOpt(c.interconnect_bandwidth_gb_s),
    form_factor: fromOptTag(c.form_factor), release_year: fromOpt(c.release_year), availability: fromOptTag(c.availability),
    ...fromProvenance(c),
  };
}

// --- runtime ---------------------------------------------------------------------------------

export type CandidFeatures = { [F in keyof RuntimeFeatures]: Opt<boolean> };
export interface CandidRuntime extends CandidProvenance {
  id: string; name: string; vendor: string; license: string; hardware_vendors: string[];
  backends: Tag<Runtime['backends'][number]>[]; model_formats: Tag<Runtime['model_formats'][number]>[];
  quant_methods: Tag<Runtime['quant_methods'][number]>[]; features: CandidFeatures;
  ease_of_install: Opt<Tag<NonNullable<Runtime['ease_of_install']>>>; latest_version: Opt<string>; homepage: Opt<string>;
}

export function toCandidRuntime(r: Runtime): CandidRuntime {
  return {
    id: r.id, name: r.name, vendor: r.vendor, license: r.license, hardware_vendors: [...r.hardware_vendors],
    backends: r.backends.map(toTag), model_formats: r.model_formats.map(toTag), quant_methods: r.quant_methods.map(toTag),
    features: Object.fromEntries(RUNTIME_FEATURES.map((f) => [f, toOpt(r.features[f])])) as CandidFeatures,
    ease_of_install: optTag(r.ease_of_install), latest_version: toOpt(r.latest_version), homepage: toOpt(r.homepage),
    ...toProvenance(r),
  };
}

export function fromCandidRuntime(c: CandidRuntime): Runtime {
  return {
    id: c.id, name: c.name, vendor: c.vendor, license: c.license, hardware_vendors: [...c.hardware_vendors],
    backends: c.backends.map(fromTag), model_formats: c.model_formats.map(fromTag), quant_methods: c.quant_methods.map(fromTag),
    features: Object.fromEntries(RUNTIME_FEATURES.map((f) => [f, fromOpt(c.features[f])])) as unknown as RuntimeFeatures,
    ease_of_install: fromOptTag(c.ease_of_install), latest_version: fromOpt(c.latest_version), homepage: fromOpt(c.homepage),
    ...fromProvenance(c),
  };
}

export * from './candid.utils';
export * from './candid-mapping-model';
export * from './candid-mapping-api';
