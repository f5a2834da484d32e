/** Deterministic synthetic hardware records for table benchmarks (a seeded LCG: same rows every run). */
import { PRECISIONS, type Hardware, type PeakPerformance } from '../../../src/shared/registry';

const VENDORS = ['NVIDIA', 'AMD', 'Intel', 'Google', 'Apple', 'Qualcomm', 'Tenstorrent', 'Groq'];

export function generateHardware(n: number, seed = 42): Hardware[] {
    let s = seed >>> 0;
    const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    const maybe = (v: number) => (rand() < 0.15 ? null : Math.round(v * 10) / 10);
    return Array.from({ length: n }, (_, i): Hardware => {
        const peak = Object.fromEntries(PRECISIONS.map((p) => [p, { dense: maybe(rand() * 4000), sparse: maybe(rand() * 8000) }])) as unknown as PeakPerformance;
        return {
            id: `gen-${i}`, vendor: VENDORS[i % VENDORS.length]!, name: `Accelerator ${i}`, kind: 'gpu', memory_gb: maybe(8 + rand() * 280), memory_type: 'HBM3',
            memory_bandwidth_gb_s: maybe(rand() * 8000), tdp_w: maybe(50 + rand() * 1000), prices: [{ value: maybe(200 + rand() * 40000), currency: 'USD', kind: 'msrp', as_of: '2026-01-01' }],
            peak, interconnect: null, interconnect_bandwidth_gb_s: null, form_factor: 'pcie_card', release_year: 2015 + (i % 12), availability: 'available',
            sources: [{ url: 'https://example.org', title: 'generated', accessed: '2026-01-01' }],
        };
    });
}
