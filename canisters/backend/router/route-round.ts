/**
 * One routed generation: plan the targets, reserve the quota pessimistically, try targets in order with
 * breaker admission and fallback, settle what was spent. Used by `chat` (one round) and the agent (one per
 * tool round). State is re-read after every await: other messages interleave there.
 */
import { canisterSelf, time } from 'azle';

import type { ChatMessage, ChatRequest, ChatResponse } from '../../../src/shared/chat/types';
import { err, ok, type Result } from '../../../src/shared/result';
import { fitsLlmCanister, promptTokens, trimForLlmCanister } from '../../../src/shared/router/history-trim';
import { idempotencyKey } from '../../../src/shared/router/idempotency';
import { planRoutes } from '../../../src/shared/router/route-policy';
import type { RouterError } from '../../../src/shared/router/router-error';
import { NS_PER_S, ROUTER_LIMITS } from '../../../src/shared/router/router.constants';
import type { Attempt, Candidate, ContextAction, RoutePreference, TrustTier } from '../../../src/shared/router/router.types';
import { utf8Length } from '../../../src/shared/router/utf8-native';
import { candidatesFor } from './candidates';
import { admitTarget, healthOf, LLM_KEY, recordLatency, recordOutcome } from './health.service';
import { callLlmCanister } from './llm-call';
import { reserveFor, settleFor } from './quota.service';
import { routerConfig } from './router-config';
import { nextRouterSequence, routeStats } from './router-stores';
import type { TargetCallResult } from './target-call';
import { callWorker, prepareWorkerCall, type PreparedWorkerCall } from './worker-call';

export interface RouteInfo {
    readonly backend: Candidate['backend'];
    readonly worker_id: string | null;
    readonly model: string;
    readonly variant_id: string | null;
    readonly trust: TrustTier;
    readonly input_tokens: number;
    readonly output_tokens: number;
    readonly tokens_reported: boolean;
    readonly cycles: bigint;
    readonly latency_ms: number;
    readonly attempts: readonly Attempt[];
    readonly context: ContextAction;
}

export interface RoundResult {
    readonly response: ChatResponse;
    readonly route: RouteInfo;
}

interface Planned {
    readonly candidate: Candidate;
    readonly request: ChatRequest;
    readonly context: ContextAction;
    readonly worker: PreparedWorkerCall | null;
    readonly idk: string;
}

function planOne(c: Candidate, req: ChatRequest, fits: boolean, attempt: number, requestId: bigint, w: ReturnType<typeof candidatesFor>['workersByKey']): Planned | string {
    const cfg = routerConfig();
    const idk = idempotencyKey(canisterSelf().toText(), requestId, attempt);
    if (c.backend === 'llm_canister') {
        if (fits) return { candidate: c, request: req, context: { kind: 'none' }, worker: null, idk };
        const trimmed = trimForLlmCanister(req.messages);
        if (trimmed === null) return 'the newest message alone exceeds the LLM canister limits (10 messages, 10 KiB)';
        return {
            candidate: c, request: { ...req, messages: trimmed.messages }, worker: null, idk,
            context: { kind: 'trimmed', dropped_messages: trimmed.dropped_messages, dropped_bytes: trimmed.dropped_bytes, limit: 'LLM canister: 10 messages, 10 KiB prompt' }
        };
    }
    const worker = w.get(c.key);
    if (worker === undefined) return 'worker vanished';
    const request = { ...req, model: c.model };
    const prepared = prepareWorkerCall(worker, request, idk, cfg.subnet_size, cfg.schnorr_key_name);
    if (typeof prepared === 'string') return prepared;
    const context: ContextAction = fits ? { kind: 'none' } : { kind: 'routed_for_context', reason: `history exceeds the LLM canister limits; sent whole to worker ${c.worker_id} (${c.context_tokens} tokens of context)` };
    return { candidate: c, request, context, worker: prepared, idk };
}

const outcomeAttempt = (p: Planned, r: TargetCallResult, latency_ms: number): Attempt => ({
    target: p.candidate.key, outcome: r.ok ? 'ok' : r.outcome, detail: r.ok ? '' : r.detail, cycles: r.cycles, latency_ms
});

function bumpStats(key: string, ok: boolean, input: number, output: number, cycles: bigint): void {
    const s = routeStats.get(key) ?? { requests: 0, failures: 0, input_tokens: 0, output_tokens: 0, cycles: 0n };
    routeStats.insert(key, { requests: s.requests + 1, failures: s.failures + (ok ? 0 : 1), input_tokens: s.input_tokens + input, output_tokens: s.output_tokens + output, cycles: s.cycles + cycles });
}

export async function runRound(caller: string, req: ChatRequest, preference: RoutePreference): Promise<Result<RoundResult, RouterError>> {
    const now_s = Number(time() / NS_PER_S);
    const { candidates, workersByKey, health } = candidatesFor(req.model);
    if (candidates.length === 0) return err({ code: 'NoRoute', reason: `no enabled target serves model "${req.model}"`, skipped: [] });
    const tokens = promptTokens(req.messages);
    const fits = fitsLlmCanister(req.messages);
    const breakers = new Map(candidates.map((c) => [c.key, healthOf(c.key).breaker]));
    const plan = planRoutes(candidates, health, breakers, { input_tokens: tokens.estimate, max_output_tokens: req.params.maxTokens, fits_llm_canister: fits, preference, max_attempts: ROUTER_LIMITS.MAX_ATTEMPTS, now_s });
    const attempts: Attempt[] = [...plan.skipped];
    const requestId = nextRouterSequence('request');
    const planned: Planned[] = [];
    plan.ordered.forEach((c, i) => {
        const p = planOne(c, req, fits, i, requestId, workersByKey);
        if (typeof p === 'string') attempts.push({ target: c.key, outcome: 'context_too_small', detail: p, cycles: 0n, latency_ms: 0 });
        else planned.push(p);
    });
    if (planned.length === 0) return err({ code: 'NoRoute', reason: `no target can take this request for model "${req.model}"`, skipped: attempts });
    const reservation = { tokens: tokens.max + req.params.maxTokens, cycles: planned.reduce((a, p) => a + (p.worker?.maxCycles ?? 0n), 0n) };
    const reserved = reserveFor(caller, reservation);
    if (!reserved.ok) return reserved;

    let spentCycles = 0n;
    for (const p of planned) {
        if (!admitTarget(p.candidate.key)) {
            attempts.push({ target: p.candidate.key, outcome: 'circuit_open', detail: 'breaker open or half-open trial running', cycles: 0n, latency_ms: 0 });
            continue;
        }
        const started = time();
        const worker = workersByKey.get(p.candidate.key);
        const r = p.worker === null || worker === undefined ? await callLlmCanister(routerConfig().llm_canister_id, p.request) : await callWorker(worker, p.worker, p.idk, routerConfig().schnorr_key_name);
        const latency_ms = Number((time() - started) / 1_000_000n);
        spentCycles += r.cycles;
        attempts.push(outcomeAttempt(p, r, latency_ms));
        recordOutcome(p.candidate.key, r.ok);
        if (p.candidate.key === LLM_KEY) recordLatency(LLM_KEY, r.ok, latency_ms, r.ok ? '' : r.detail);
        if (!r.ok) {
            bumpStats(p.candidate.key, false, 0, 0, r.cycles);
            continue;
        }
        const usage = r.response.usage;
        const input = usage?.inputTokens ?? promptTokens(p.request.messages).estimate;
        const output = usage?.outputTokens ?? Math.ceil(utf8Length(r.response.message.content ?? '') / 3);
        bumpStats(p.candidate.key, true, input, output, r.cycles);
        settleFor(caller, reservation, { tokens: input + output, cycles: spentCycles });
        const c = p.candidate;
        return ok({
            response: r.response,
            route: {
                backend: c.backend, worker_id: c.worker_id, model: c.model, variant_id: c.variant_id, trust: c.trust,
                input_tokens: input, output_tokens: output, tokens_reported: usage !== null, cycles: spentCycles, latency_ms,
                attempts, context: p.context
            }
        });
    }
    settleFor(caller, reservation, { tokens: 0, cycles: spentCycles });
    return err({ code: 'AllRoutesFailed', attempts });
}

export type { ChatMessage };
