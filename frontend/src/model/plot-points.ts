/**
 * Plot data (pure): peak throughput per precision against TDP or price (log axes, so only positive known values),
 * grouped by vendor with stable colours; tokens/s by hardware × runtime for one model.
 */
import { opsUnit, selectPrice, type BenchmarkResult, type Hardware, type Precision, type Runtime } from '../../../src/shared/registry';

export type PeakAxis = 'tdp' | 'price';

export interface PeakPoint {
    readonly id: string;
    readonly name: string;
    readonly vendor: string;
    readonly x: number;
    readonly y: number;
    readonly xLabel: string;
}

export interface VendorSeries { readonly vendor: string; readonly color: string; readonly points: readonly PeakPoint[] }

const VENDOR_COLORS: Readonly<Record<string, string>> = {
    nvidia: '#76b900', amd: '#ed1c24', intel: '#0071c5', apple: '#8e8e93', google: '#fbbc04', qualcomm: '#3253dc',
    groq: '#f55036', aws: '#ff9900', cerebras: '#ff6a00', huawei: '#c7000b', tenstorrent: '#7b2ff7',
};
const FALLBACK = ['#17becf', '#9467bd', '#8c564b', '#e377c2', '#bcbd22', '#1f77b4', '#2ca02c', '#d62728'];

/** A vendor's colour: brand-like for known vendors, a stable palette pick (by name hash) for others. */
export function vendorColor(vendor: string): string {
    const key = vendor.toLowerCase().split(/\s+/)[0] ?? '';
    const known = VENDOR_COLORS[key];
    if (known !== undefined) return known;
    let h = 0;
    for (const ch of key) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
    return FALLBACK[h % FALLBACK.length]!;
}

export function peakSeries(hardware: readonly Hardware[], precision: Precision, axis: PeakAxis, sparsity: 'dense' | 'sparse' = 'dense'): VendorSeries[] {
    const byVendor = new Map<string, PeakPoint[]>();
    for (const h of hardware) {
        const y = h.peak[precision][sparsity];
        const price = axis === 'price' ? selectPrice(h, { currency: 'USD' }) : null;
        const x = axis === 'tdp' ? h.tdp_w : price?.value ?? null;
        if (y === null || x === null || y <= 0 || x <= 0) continue;
        const xLabel = axis === 'tdp' ? `${x} W` : `${x} USD (${price!.kind}, ${price!.as_of})`;
        const list = byVendor.get(h.vendor) ?? [];
        list.push({ id: h.id, name: h.name, vendor: h.vendor, x, y, xLabel });
        byVendor.set(h.vendor, list);
    }
    return [...byVendor.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([vendor, points]) => ({ vendor, color: vendorColor(vendor), points }));
}

export function peakAxisLabel(precision: Precision, sparsity: 'dense' | 'sparse'): string {
    return `Peak ${precision.toUpperCase()} ${sparsity} (${opsUnit(precision)})`;
}

export interface SpeedMatrix {
    /** One row per hardware: `{ hardware, <runtime id>: best generation tokens/s }`. */
    readonly rows: readonly Record<string, string | number>[];
    readonly runtimes: readonly { id: string; name: string; color: string }[];
}

/** Best generation tokens/s per (hardware, runtime) for a model, single-device results first-class (device count in the label). */
export function speedMatrix(results: readonly BenchmarkResult[], hardware: readonly Hardware[], runtimes: readonly Runtime[], modelId: string): SpeedMatrix {
    const best = new Map<string, Map<string, number>>();
    const runtimeIds = new Set<string>();
    for (const r of results) {
        if (r.model_id !== modelId || r.generation_tokens_per_s === null) continue;
        const devices = r.settings.device_count ?? 1;
        const hwName = (hardware.find((h) => h.id === r.hardware_id)?.name ?? r.hardware_id) + (devices > 1 ? ` ×${devices}` : '');
        const row = best.get(hwName) ?? new Map<string, number>();
        row.set(r.runtime_id, Math.max(row.get(r.runtime_id) ?? 0, r.generation_tokens_per_s));
        best.set(hwName, row);
        runtimeIds.add(r.runtime_id);
    }
    const rows = [...best.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([hw, m]) => ({ hardware: hw, ...Object.fromEntries(m) }));
    const list = [...runtimeIds].sort().map((id, i) => ({ id, name: runtimes.find((r) => r.id === id)?.name ?? id, color: FALLBACK[i % FALLBACK.length]! }));
    return { rows, runtimes: list };
}

/** Models that have at least one result with a generation speed, most results first. */
export function modelsWithResults(results: readonly BenchmarkResult[]): string[] {
    const n = new Map<string, number>();
    for (const r of results) if (r.generation_tokens_per_s !== null) n.set(r.model_id, (n.get(r.model_id) ?? 0) + 1);
    return [...n.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([id]) => id);
}

/** Bounds on the tick count of a log axis (more than this and labels overlap). */
export const MAX_LOG_TICKS = 12;

/**
 * Ticks for a log axis over [min, max] (both > 0): the 1-2-5 sequence, thinned to powers of ten when it would be
 * crowded; the domain is widened to the ticks just outside the data so both ends are labelled.
 */
export function logAxis(values: readonly number[]): { domain: [number, number]; ticks: number[] } {
    const positive = values.filter((v) => v > 0 && Number.isFinite(v));
    if (positive.length === 0) return { domain: [1, 10], ticks: [1, 10] };
    const min = Math.min(...positive);
    const max = Math.max(...positive);
    const seq = (steps: readonly number[]) => {
        const out: number[] = [];
        for (let e = Math.floor(Math.log10(min)) - 1; e <= Math.ceil(Math.log10(max)) + 1; e++) for (const s of steps) out.push(s * 10 ** e);
        const lo = out.filter((t) => t <= min).at(-1) ?? out[0]!;
        const hi = out.find((t) => t >= max) ?? out.at(-1)!;
        return out.filter((t) => t >= lo && t <= hi).map((t) => Number(t.toPrecision(6)));
    };
    let ticks = seq([1, 2, 5]);
    if (ticks.length > MAX_LOG_TICKS) ticks = seq([1]);
    return { domain: [ticks[0]!, ticks.at(-1)!], ticks };
}
