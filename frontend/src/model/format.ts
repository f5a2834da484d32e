/** Display formatting (pure). Unknown values are an em dash, never 0. */
export const UNKNOWN = '—';

export function fmtNum(v: number | null | undefined, maxFractionDigits = 2): string {
    if (v === null || v === undefined || !Number.isFinite(v)) return UNKNOWN;
    // No grouping below 10,000, so years and small counts read naturally ("2020", not "2,020").
    return v.toLocaleString('en-US', { maximumFractionDigits: maxFractionDigits, useGrouping: Math.abs(v) >= 10_000 });
}

export function fmtUnit(v: number | null | undefined, unit: string, maxFractionDigits = 2): string {
    const n = fmtNum(v, maxFractionDigits);
    return n === UNKNOWN ? n : `${n} ${unit}`;
}

/** 1.5e9 → "1.50 GB" (decimal units, as the registry's `_gb` fields). */
export function fmtBytes(bytes: number | null | undefined): string {
    if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return UNKNOWN;
    const units = ['B', 'kB', 'MB', 'GB', 'TB'];
    let v = bytes;
    let i = 0;
    while (Math.abs(v) >= 1000 && i < units.length - 1) { v /= 1000; i++; }
    return `${v.toFixed(i === 0 ? 0 : 2)} ${units[i]}`;
}

/** Nanoseconds since the epoch → "2026-11-26 09:58 UTC". */
export function fmtTimeNs(ns: bigint): string {
    const d = new Date(Number(ns / 1_000_000n));
    return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** "ops_per_w.fp8.dense" → "fp8 dense TFLOPS/W" style labels are built by callers; this shortens principals. */
export function shortPrincipal(p: string): string {
    return p.length <= 20 ? p : `${p.slice(0, 11)}…${p.slice(-5)}`;
}
