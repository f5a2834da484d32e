/**
 * The whole registry in the browser: every list loaded once (it is small: hundreds of records), then sorted,
 * filtered, compared and plotted locally with the shared pure logic in src/shared/registry.
 */
import {
    fromCandidHardware, fromCandidModel, fromCandidResult, fromCandidRuntime,
    type BenchmarkResult, type CandidHardware, type CandidModel, type CandidResult, type CandidRuntime, type Hardware, type Model, type Runtime,
} from '../../../src/shared/registry';
import type { ApiResult } from '../ic/api-error';
import type { BackendActor } from '../ic/backend-actor';
import { loadAllPages } from '../ic/page-loader';

export interface RegistrySnapshot {
    readonly hardware: readonly Hardware[];
    readonly runtimes: readonly Runtime[];
    readonly models: readonly Model[];
    readonly benchmarks: readonly BenchmarkResult[];
    /** True when a list hit the page cap (MAX_PAGES). */
    readonly truncated: boolean;
}

export async function loadRegistry(actor: BackendActor): Promise<ApiResult<RegistrySnapshot>> {
    const [hw, rt, md, bm] = await Promise.all([
        loadAllPages((page) => actor.list_hardware({ page, filter: { kind: [], vendor: [], min_memory_gb: [], max_tdp_w: [], max_price_usd: [], availability: [] } })),
        loadAllPages((page) => actor.list_runtimes({ page, filter: { hardware_vendor: [], model_format: [] } })),
        loadAllPages((page) => actor.list_models({ page, filter: { family: [], publisher: [], task: [], min_context: [], max_params_b: [] } })),
        loadAllPages((page) => actor.list_benchmarks({ page, filter: { hardware_id: [], runtime_id: [], model_id: [], submitter: [] } })),
    ]);
    if (!hw.ok) return hw;
    if (!rt.ok) return rt;
    if (!md.ok) return md;
    if (!bm.ok) return bm;
    return {
        ok: true,
        value: {
            hardware: hw.value.items.map((c) => fromCandidHardware(c as unknown as CandidHardware)),
            runtimes: rt.value.items.map((c) => fromCandidRuntime(c as unknown as CandidRuntime)),
            models: md.value.items.map((c) => fromCandidModel(c as unknown as CandidModel)),
            benchmarks: bm.value.items.map((c) => fromCandidResult(c as unknown as CandidResult)),
            truncated: hw.value.truncated || rt.value.truncated || md.value.truncated || bm.value.truncated,
        },
    };
}

export const EMPTY_SNAPSHOT: RegistrySnapshot = { hardware: [], runtimes: [], models: [], benchmarks: [], truncated: false };
