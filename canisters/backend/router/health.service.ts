/**
 * Target health: probe windows (timer-driven GET /health on approved workers), circuit breakers (updated by
 * real chat attempts) and latencies, all in stable memory and readable by anyone.
 */
import { call, canisterSelf, clearTimer, IDL, msgCyclesRefunded, setTimerInterval, time } from 'azle';

import { admit, CLOSED, onFailure, onSuccess, type BreakerState } from '../../../src/shared/router/circuit-breaker';
import { addProbe, EMPTY_WINDOW, summarize, type HealthSummary } from '../../../src/shared/router/health-window';
import { outcallFee, requestBytes } from '../../../src/shared/router/outcall-cost';
import { HEALTH, NS_PER_S } from '../../../src/shared/router/router.constants';
import type { Worker } from '../../../src/shared/router/router.types';
import { encodeArgs } from './candid-args';
import { describeCallError } from './call-errors';
import { HttpRequestArgs, HttpRequestResult } from './management.idl';
import { routerConfig } from './router-config';
import { targetHealth, type TargetHealth } from './router-stores';
import { approvedWorkers } from './workers.service';

export const HEALTH_TRANSFORM_METHOD = 'transform_worker_health';
export const workerKey = (id: string): string => `w:${id}`;
export const LLM_KEY = 'llm';

const nowS = (): number => Number(time() / NS_PER_S);

export function healthOf(key: string): TargetHealth {
    return targetHealth.get(key) ?? { window: EMPTY_WINDOW, breaker: CLOSED };
}

export function summaryOf(key: string): HealthSummary {
    return summarize(healthOf(key).window);
}

/** Breaker admission for one attempt; stores a half-open trial so concurrent chats skip meanwhile. */
export function admitTarget(key: string): boolean {
    const h = healthOf(key);
    const r = admit(h.breaker, nowS(), routerConfig().breaker);
    if (r.state !== h.breaker) targetHealth.insert(key, { ...h, breaker: r.state });
    return r.admitted;
}

export function recordOutcome(key: string, ok: boolean): BreakerState {
    const h = healthOf(key);
    const breaker = ok ? onSuccess() : onFailure(h.breaker, nowS(), routerConfig().breaker);
    targetHealth.insert(key, { ...h, breaker });
    return breaker;
}

/** Real calls to the LLM canister feed its latency window (it has no health endpoint). */
export function recordLatency(key: string, ok: boolean, latency_ms: number, detail: string): void {
    const h = healthOf(key);
    targetHealth.insert(key, { ...h, window: addProbe(h.window, { t_s: nowS(), ok, latency_ms, detail }) });
}

async function probe(w: Worker): Promise<void> {
    const url = `${w.url}/health`;
    const fee = outcallFee(requestBytes({ url, headers: [], body_bytes: 0, transform_method: HEALTH_TRANSFORM_METHOD, transform_context_bytes: 0 }), HEALTH.PROBE_MAX_RESPONSE_BYTES, routerConfig().subnet_size);
    const started = time();
    let ok = false;
    let detail = '';
    try {
        const args = { url, max_response_bytes: [BigInt(HEALTH.PROBE_MAX_RESPONSE_BYTES)], method: { get: null }, headers: [], body: [], transform: [{ function: [canisterSelf(), HEALTH_TRANSFORM_METHOD], context: new Uint8Array() }], is_replicated: w.mode === 'non_replicated' ? [false] : [] };
        const raw = await call<Uint8Array, Uint8Array>('aaaaa-aa', 'http_request', { raw: true, args: encodeArgs('http_request', [HttpRequestArgs], [args]), cycles: fee });
        const r = IDL.decode([HttpRequestResult], raw)[0] as unknown as { status: bigint };
        ok = r.status >= 200n && r.status < 300n;
        detail = `HTTP ${r.status}`;
    } catch (e) {
        detail = describeCallError(e).detail;
    }
    void msgCyclesRefunded();
    recordLatency(workerKey(w.id), ok, Number((time() - started) / 1_000_000n), detail);
}

/** One probe round over approved workers (bounded per tick); probes run in parallel. */
export async function probeRound(): Promise<number> {
    const batch = approvedWorkers().slice(0, HEALTH.MAX_PROBES_PER_TICK);
    await Promise.all(batch.map((w) => probe(w)));
    return batch.length;
}

let timerId: bigint | null = null;

/** Arms the probe timer; call from init and post_upgrade (timers do not survive upgrades). */
export function armRouterTimers(): void {
    if (timerId !== null) clearTimer(timerId);
    timerId = setTimerInterval(routerConfig().probe_interval_s, async () => {
        await probeRound();
    });
}
