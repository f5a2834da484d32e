/** The routable targets for one model: the LLM canister (when it serves the model) and approved workers. */
import { LLM_CANISTER_LIMITS } from '../../../src/shared/chat/llm-canister-limits';
import type { Candidate, Worker } from '../../../src/shared/router/router.types';
import { LLM_KEY, summaryOf, workerKey } from './health.service';
import { routerConfig } from './router-config';
import { approvedWorkers } from './workers.service';

export function llmCandidate(model: string): Candidate | null {
    const c = routerConfig();
    if (!c.llm_enabled || !c.llm_models.includes(model)) return null;
    const s = summaryOf(LLM_KEY);
    return {
        key: LLM_KEY, backend: 'llm_canister', worker_id: null, model, variant_id: null, trust: 'onchain', context_tokens: null,
        max_output_tokens: LLM_CANISTER_LIMITS.MAX_OUTPUT_TOKENS, price_input_usd_per_mtok: 0, price_output_usd_per_mtok: 0,
        latency_ms: s.latency_ms, uptime: null, probes: 0
    };
}

export function workerCandidate(w: Worker, model: string): Candidate | null {
    const m = w.models.find((x) => x.name === model || x.variant_id === model);
    if (m === undefined) return null;
    const s = summaryOf(workerKey(w.id));
    return {
        key: workerKey(w.id), backend: 'worker', worker_id: w.id, model: m.name, variant_id: m.variant_id,
        trust: w.mode === 'replicated' ? 'replicated_outcall' : 'non_replicated_outcall', context_tokens: m.context_tokens,
        max_output_tokens: m.context_tokens, price_input_usd_per_mtok: w.price_input_usd_per_mtok, price_output_usd_per_mtok: w.price_output_usd_per_mtok,
        latency_ms: s.latency_ms, uptime: s.uptime, probes: s.probes
    };
}

/** Candidates plus each worker's health summary (the LLM canister has no probe window to judge). */
export function candidatesFor(model: string): { candidates: Candidate[]; workersByKey: Map<string, Worker>; health: Map<string, ReturnType<typeof summaryOf>> } {
    const candidates: Candidate[] = [];
    const workersByKey = new Map<string, Worker>();
    const health = new Map<string, ReturnType<typeof summaryOf>>();
    const llm = llmCandidate(model);
    if (llm !== null) candidates.push(llm);
    for (const w of approvedWorkers()) {
        const c = workerCandidate(w, model);
        if (c === null) continue;
        candidates.push(c);
        workersByKey.set(c.key, w);
        health.set(c.key, summaryOf(c.key));
    }
    return { candidates, workersByKey, health };
}
