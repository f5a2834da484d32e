/**
 * Registry costs through the real backend wasm in the devnet: instructions per get / list (first and deep
 * page) / search / fit / recommend call at several registry sizes, upgrade instructions, memory, and the
 * deep-page ratio between the largest and smallest size (O(page) reads keep it near 1).
 *
 * Sizes come from BENCH_REGISTRY_SIZES (default "1000,10000"; "1000,10000,100000" for the full run — building
 * 100k generated results takes about 20 minutes of devnet time on a 2-core machine).
 */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadWasm } from '../src/devnet/testing/index.js';
import { indexKey } from '../src/shared/storage/sort-keys';
import { BACKEND_WASM, controllerId, startBackend, type BackendEnv } from '../tests/backend/helpers';
import { importResults } from '../tests/backend/helpers-scale';

const noFilter = { hardware_id: [], runtime_id: [], model_id: [], submitter: [] } as never;
const noHardwareFilter = { kind: [], vendor: [], availability: [], min_memory_gb: [], max_price_usd: [], max_tdp_w: [] } as never;

async function instructionsOf(env: BackendEnv, call: () => Promise<unknown>): Promise<bigint> {
    let total = 0n;
    const stop = env.devnet.onMessage((e) => {
        total += e.instructions;
    });
    await call();
    stop();
    return total;
}

async function measureAt(size: number, wasmPath: string): Promise<Record<string, unknown>> {
    const env = await startBackend(wasmPath);
    const seeded = Number((await env.anonymous.stats()).benchmarks);
    const t0 = Date.now();
    await importResults(env.controller, size);
    const importMs = Date.now() - t0;
    const deepId = `r${(1_000_000 + Math.floor(size * 0.9)).toString().padStart(12, '0')}`;
    const deepCursor = `id~asc~${indexKey(deepId, deepId)}`;
    const a = env.anonymous;
    const page = (cursor: [] | [string], sort: [] | [string] = []) => ({ page: { sort, descending: [] as [], cursor, limit: [20] as [number] }, filter: noFilter });
    const costs = {
        get_benchmark: await instructionsOf(env, () => a.get_benchmark(deepId)),
        list_first_page_20: await instructionsOf(env, () => a.list_benchmarks(page([]))),
        list_deep_page_20: await instructionsOf(env, () => a.list_benchmarks(page([deepCursor]))),
        list_by_tokens_per_s_20: await instructionsOf(env, () => a.list_benchmarks(page([], ['generation_tokens_per_s']))),
        search: await instructionsOf(env, () => a.search('rtx 4090', [])),
        get_hardware: await instructionsOf(env, () => a.get_hardware('nvidia-h100-sxm5-80gb')),
        get_benchmark_not_found: await instructionsOf(env, () => a.get_benchmark('r999999999999')),
        list_hardware_20: await instructionsOf(env, () => a.list_hardware({ page: { sort: [], descending: [], cursor: [], limit: [20] }, filter: noHardwareFilter })),
        compare_hardware_3: await instructionsOf(env, () => a.compare_hardware(['nvidia-h100-sxm5-80gb', 'nvidia-rtx-4090', 'amd-instinct-mi300x'])),
        fit: await instructionsOf(env, () =>
            a.fit({ model_id: 'qwen2.5-72b-instruct', variant_id: 'qwen2.5-72b-instruct-gguf-q4_k_m', target: { hardware: { hardware_id: 'nvidia-h100-sxm5-80gb' } }, context_tokens: [32768], batch: [], kv_dtype: [] })
        ),
        recommend_hardware: await instructionsOf(env, () =>
            a.recommend_hardware({ model_id: 'qwen2.5-7b-instruct', variant_id: 'qwen2.5-7b-instruct-gguf-q4_k_m', context_tokens: [16384], batch: [], kv_dtype: [], currency: [], max_price: [2000], max_tdp_w: [], max_devices: [1], limit: [5] })
        ),
        upgrade: await instructionsOf(env, async () => env.devnet.upgradeCanister({ canisterId: env.canisterId, wasm: await loadWasm(wasmPath), sender: controllerId.getPrincipal() }))
    };
    const info = env.devnet.canisterInfo(env.canisterId);
    return {
        results: seeded + size,
        import_ms: importMs,
        import_instructions_per_result: Number(await importCost(env)) / 200,
        instructions: costs,
        wasm_memory_bytes: info?.wasmMemoryBytes,
        stable_memory_bytes: info?.stableMemoryBytes
    };
}

/** Instructions of one more 200-result import at this size. */
async function importCost(env: BackendEnv): Promise<bigint> {
    return instructionsOf(env, () => importResults(env.controller, 200, 5_000_000));
}

export async function run(): Promise<Record<string, unknown>> {
    const sizes = (process.env.BENCH_REGISTRY_SIZES ?? '1000,10000').split(',').map(Number);
    // A private copy of the wasm: `npm run build` elsewhere replaces .azle/backend while a long run is going.
    const wasmPath = join(mkdtempSync(join(tmpdir(), 'deai-bench-')), 'backend.wasm');
    copyFileSync(BACKEND_WASM, wasmPath);
    const bySize: Record<string, Record<string, unknown>> = {};
    for (const size of sizes) bySize[size] = await measureAt(size, wasmPath);
    const first = bySize[sizes[0] as number]?.instructions as Record<string, bigint>;
    const last = bySize[sizes[sizes.length - 1] as number]?.instructions as Record<string, bigint>;
    return {
        sizes: bySize,
        deep_page_ratio_largest_over_smallest: Number(last.list_deep_page_20) / Number(first.list_deep_page_20),
        get_ratio_largest_over_smallest: Number(last.get_benchmark) / Number(first.get_benchmark),
        note: 'instructions counted by the devnet metering (docs/devnet-metering.md); generated results on seed records'
    };
}

export default run;
