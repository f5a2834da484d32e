/** List filters of the registry API as predicates over domain records. */
import { purchasePriceUsd } from '../../../src/shared/registry/index-definitions';
import type { BenchmarkResult, Hardware, Model, Runtime } from '../../../src/shared/registry/types';

export interface HardwareFilter {
    kind: string | null;
    vendor: string | null;
    availability: string | null;
    min_memory_gb: number | null;
    max_price_usd: number | null;
    max_tdp_w: number | null;
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export function hardwareFilter(f: HardwareFilter): (h: Hardware) => boolean {
    return (h) => {
        if (f.kind !== null && h.kind !== f.kind) return false;
        if (f.vendor !== null && !same(h.vendor, f.vendor)) return false;
        if (f.availability !== null && h.availability !== f.availability) return false;
        if (f.min_memory_gb !== null && (h.memory_gb === null || h.memory_gb < f.min_memory_gb)) return false;
        const price = purchasePriceUsd(h);
        if (f.max_price_usd !== null && (price === null || price > f.max_price_usd)) return false;
        if (f.max_tdp_w !== null && (h.tdp_w === null || h.tdp_w > f.max_tdp_w)) return false;
        return true;
    };
}

export function runtimeFilter(f: { hardware_vendor: string | null; model_format: string | null }): (r: Runtime) => boolean {
    return (r) =>
        (f.hardware_vendor === null || r.hardware_vendors.some((v) => same(v, f.hardware_vendor as string))) &&
        (f.model_format === null || r.model_formats.some((m) => same(m, f.model_format as string)));
}

export interface ModelFilter {
    family: string | null;
    publisher: string | null;
    task: string | null;
    max_params_b: number | null;
    min_context: number | null;
}

export function modelFilter(f: ModelFilter): (m: Model) => boolean {
    return (m) => {
        if (f.family !== null && !same(m.family, f.family)) return false;
        if (f.publisher !== null && !same(m.publisher, f.publisher)) return false;
        if (f.task !== null && !m.task_fit.includes(f.task as Model['task_fit'][number])) return false;
        if (f.max_params_b !== null && (m.params_total_b === null || m.params_total_b > f.max_params_b)) return false;
        if (f.min_context !== null && (m.context_length === null || m.context_length < f.min_context)) return false;
        return true;
    };
}

export function benchmarkFilter(f: { hardware_id: string | null; runtime_id: string | null; model_id: string | null; submitter: string | null }): (r: BenchmarkResult) => boolean {
    return (r) =>
        (f.hardware_id === null || r.hardware_id === f.hardware_id) &&
        (f.runtime_id === null || r.runtime_id === f.runtime_id) &&
        (f.model_id === null || r.model_id === f.model_id) &&
        (f.submitter === null || r.submitter === f.submitter);
}
