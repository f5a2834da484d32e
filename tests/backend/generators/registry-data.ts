/**
 * Generated registry records for scale tests and benchmarks (deterministic; clearly not real hardware).
 * Each record passes the shared validators.
 */
import type { Hardware } from '../../../src/shared/registry/types';

const PRECISIONS = ['fp32', 'tf32', 'bf16', 'fp16', 'fp8', 'int8', 'int4'] as const;

export function generatedHardware(i: number): Hardware {
    const peak = Object.fromEntries(PRECISIONS.map((p, k) => [p, { dense: ((i % 97) + 1) * (k + 1), sparse: k > 2 ? ((i % 97) + 1) * (k + 1) * 2 : null }])) as unknown as Hardware['peak'];
    return {
        id: `gen-hw-${i.toString().padStart(6, '0')}`,
        vendor: `GenVendor${i % 17}`,
        name: `Generated Accelerator ${i}`,
        kind: 'gpu',
        memory_gb: 8 + (i % 24) * 8,
        memory_type: 'HBM3',
        memory_bandwidth_gb_s: 500 + (i % 50) * 100,
        tdp_w: 150 + (i % 40) * 15,
        prices: [{ value: 1000 + ((i * 7919) % 40000), currency: 'USD', kind: 'msrp', as_of: '2026-01-01' }],
        peak,
        interconnect: 'PCIe 5.0 x16',
        interconnect_bandwidth_gb_s: 128,
        form_factor: 'pcie_card',
        release_year: 2020 + (i % 7),
        availability: 'available',
        sources: [{ url: 'https://example.org/generated', title: 'Generated test data (not a real device)', accessed: '2026-11-26' }],
        notes: 'generated for scale tests'
    };
}
