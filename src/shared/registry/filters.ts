/**
 * List filters and sort keys per entity. Numeric filters exclude records whose value is unknown
 * (null): an unknown number cannot be said to satisfy a bound. Absent filter fields match all.
 */
import type {
  Availability, Backend, BenchmarkResult, Hardware, HardwareKind, Model, ModelFormat, Precision, QuantMethod, Runtime,
  RuntimeFeature, Task,
} from './types';
import { PRECISIONS } from './types';
import type { SortKeys } from './paginate';
import { opsPerWatt } from './derived-metrics';
import { hardwareTerms, matchScore, modelTerms, runtimeTerms, tokenize } from './search';

export interface HardwareFilter {
  readonly kinds?: readonly HardwareKind[];
  /** Case-insensitive exact vendor name. */
  readonly vendor?: string;
  readonly min_memory_gb?: number;
  readonly max_tdp_w?: number;
  readonly availability?: readonly Availability[];
  /** Only hardware with a known dense peak for this precision. */
  readonly precision?: Precision;
  /** Search words; see search.ts. */
  readonly text?: string;
}

export interface RuntimeFilter {
  readonly backend?: Backend;
  readonly model_format?: ModelFormat;
  readonly quant_method?: QuantMethod;
  /** Only runtimes where this feature is known to be supported (true). */
  readonly feature?: RuntimeFeature;
  readonly hardware_vendor?: string;
  /** Search words; see search.ts. */
  readonly text?: string;
}

export interface ModelFilter {
  readonly family?: string;
  readonly publisher?: string;
  readonly task?: Task;
  readonly max_params_b?: number;
  readonly min_context?: number;
  readonly format?: ModelFormat;
  readonly quant_method?: QuantMethod;
  /** Search words; see search.ts. */
  readonly text?: string;
}

export interface ResultFilter {
  readonly hardware_id?: string;
  readonly runtime_id?: string;
  readonly model_id?: string;
  readonly variant_id?: string;
  readonly submitter?: string;
}

const eqi = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
const textOk = (text: string | undefined, terms: string[]): boolean =>
  text === undefined || matchScore(tokenize(text), terms) > 0;

export function matchHardware(h: Hardware, f: HardwareFilter): boolean {
  return (
    (f.kinds === undefined || f.kinds.includes(h.kind)) &&
    (f.vendor === undefined || eqi(h.vendor, f.vendor)) &&
    (f.min_memory_gb === undefined || (h.memory_gb !== null && h.memory_gb >= f.min_memory_gb)) &&
    (f.max_tdp_w === undefined || (h.tdp_w !== null && h.tdp_w <= f.max_tdp_w)) &&
    (f.availability === undefined || (h.availability !== null && f.availability.includes(h.availability))) &&
    (f.precision === undefined || h.peak[f.precision].dense !== null) &&
    textOk(f.text, hardwareTerms(h))
  );
}

export function matchRuntime(r: Runtime, f: RuntimeFilter): boolean {
  return (
    (f.backend === undefined || r.backends.includes(f.backend)) &&
    (f.model_format === undefined || r.model_formats.includes(f.model_format)) &&
    (f.quant_method === undefined || r.quant_methods.includes(f.quant_method)) &&
    (f.feature === undefined || r.features[f.feature] === true) &&
    (f.hardware_vendor === undefined || r.hardware_vendors.includes(f.hardware_vendor.toLowerCase())) &&
    textOk(f.text, runtimeTerms(r))
  );
}

export function matchModel(m: Model, f: ModelFilter): boolean {
  return (
    (f.family === undefined || eqi(m.family, f.family)) &&
    (f.publisher === undefined || eqi(m.publisher, f.publisher)) &&
    (f.task === undefined || m.task_fit.includes(f.task)) &&
    (f.max_params_b === undefined || (m.params_total_b !== null && m.params_total_b <= f.max_params_b)) &&
    (f.min_context === undefined || (m.context_length !== null && m.context_length >= f.min_context)) &&
    (f.format === undefined || m.variants.some((v) => v.format === f.format)) &&
    (f.quant_method === undefined || m.variants.some((v) => v.quant_method === f.quant_method)) &&
    textOk(f.text, modelTerms(m))
  );
}

export function matchResult(r: BenchmarkResult, f: ResultFilter): boolean {
  return (
    (f.hardware_id === undefined || r.hardware_id === f.hardware_id) &&
    (f.runtime_id === undefined || r.runtime_id === f.runtime_id) &&
    (f.model_id === undefined || r.model_id === f.model_id) &&
    (f.variant_id === undefined || r.variant_id === f.variant_id) &&
    (f.submitter === undefined || r.submitter === f.submitter)
  );
}

const lower = (s: string): string => s.toLowerCase();

export const HARDWARE_SORT_KEYS: SortKeys<Hardware> = {
  id: (h) => h.id,
  name: (h) => lower(h.name),
  vendor: (h) => lower(h.vendor),
  release_year: (h) => h.release_year,
  memory_gb: (h) => h.memory_gb,
  memory_bandwidth_gb_s: (h) => h.memory_bandwidth_gb_s,
  tdp_w: (h) => h.tdp_w,
  ...Object.fromEntries(PRECISIONS.map((p) => [`peak_${p}_dense`, (h: Hardware) => h.peak[p].dense])),
  ...Object.fromEntries(PRECISIONS.map((p) => [`ops_per_w_${p}_dense`, (h: Hardware) => opsPerWatt(h, p)?.value ?? null])),
};

export const RUNTIME_SORT_KEYS: SortKeys<Runtime> = {
  id: (r) => r.id,
  name: (r) => lower(r.name),
  vendor: (r) => lower(r.vendor),
};

export const MODEL_SORT_KEYS: SortKeys<Model> = {
  id: (m) => m.id,
  name: (m) => lower(m.name),
  family: (m) => lower(m.family),
  publisher: (m) => lower(m.publisher),
  params_total_b: (m) => m.params_total_b,
  params_active_b: (m) => m.params_active_b,
  context_length: (m) => m.context_length,
  release_date: (m) => m.release_date,
};

/** Timestamps are bigint ns: sorted as 20-digit zero-padded strings so they stay exact. */
export const RESULT_SORT_KEYS: SortKeys<BenchmarkResult> = {
  result_id: (r) => r.result_id,
  timestamp: (r) => r.timestamp_ns.toString().padStart(20, '0'),
  generation_tokens_per_s: (r) => r.generation_tokens_per_s,
  prompt_tokens_per_s: (r) => r.prompt_tokens_per_s,
  ttft_ms: (r) => r.ttft_ms,
};
