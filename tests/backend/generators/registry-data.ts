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

import type { BenchmarkResult } from '../../../src/shared/registry/types';

/** A published-style result on seed records (rtx-4090 × llama.cpp × Llama 3.1 8B Q4_K_M), varied by `i`. */
export function generatedResult(i: number): BenchmarkResult {
    return {
        result_id: `r${(1_000_000 + i).toString().padStart(12, '0')}`,
        submitter: '2vxsx-fae',
        timestamp_ns: 1_700_000_000_000_000_000n + BigInt(i) * 1_000_000_000n,
        hardware_id: 'nvidia-rtx-4090',
        runtime_id: 'llama-cpp',
        model_id: 'llama-3.1-8b-instruct',
        variant_id: 'llama-3.1-8b-instruct-gguf-q4_k_m',
        settings: { batch_size: 1 + (i % 8), prompt_tokens: 512, output_tokens: 128, concurrency: 1 + (i % 4), device_count: 1 },
        prompt_tokens_per_s: 5000 + (i % 1000),
        generation_tokens_per_s: 100 + ((i * 37) % 100) + (i % 10) / 10,
        ttft_ms: 40 + (i % 50),
        power_w: 300 + (i % 150),
        origin: 'published',
        model_sha256: null,
        runtime_version: 'b4500',
        notes: `generated result ${i}`,
        sources: [{ url: 'https://example.org/generated', title: 'Generated test data', accessed: '2026-11-26' }]
    };
}
