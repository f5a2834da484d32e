import type { WorkerTokenPolicy } from '../../shared/worker-token';
import { IdempotencyStore } from '../dedupe/idempotency-store';
import { KeyedSemaphore } from '../dedupe/keyed-semaphore';
import { execCommand, probeHardware, type ExecFn, type HardwareInfo } from '../hardware/hardware-probe';
import { createWorkerMetrics, type WorkerMetrics } from '../metrics/worker-metrics';
import { authToken } from '../middleware/auth-token';
import { bodyLimit } from '../middleware/body-limit';
import { concurrencyLimit } from '../middleware/concurrency-limit';
import { dedupe } from '../middleware/dedupe';
import { errorBoundary } from '../middleware/error-boundary';
import { requestMetrics } from '../middleware/request-metrics';
import { timeout } from '../middleware/timeout';
import { chatRoute } from '../routes/chat-route';
import { healthRoute, metricsRoute, modelsRoute } from '../routes/info-routes';
import type { ChatRuntime } from '../runtime/runtime.types';
import { WORKER_LIMITS, type WorkerLimits } from '../worker-limits.constants';
import { compose } from './compose';
import { WorkerHttpError } from './http-error';
import { silentLogger, systemClock, type Clock, type Logger, type Middleware, type WorkerContext, type WorkerRequest, type WorkerResponse } from './types';

export interface WorkerAppOptions {
    runtime: ChatRuntime;
    /** Trusted canister keys, accepted audiences and issuers (docs/worker-protocol.md §2). */
    auth: Omit<WorkerTokenPolicy, 'nowS'>;
    limits?: Partial<WorkerLimits>;
    clock?: Clock;
    logger?: Logger;
    /** Command runner for the hardware probe (nvidia-smi). */
    exec?: ExecFn;
}

export interface WorkerApp {
    handle(req: WorkerRequest): Promise<WorkerResponse>;
    readonly metrics: WorkerMetrics;
    readonly store: IdempotencyStore;
    readonly semaphore: KeyedSemaphore;
    /** Requests being handled right now. */
    readonly inFlight: number;
    /** Stop accepting chat requests (503); /health reports "draining". */
    drain(): void;
    /** Abort every running generation (forced shutdown). */
    abortAll(): void;
}

/**
 * The gateway as a function from WorkerRequest to WorkerResponse (no sockets: the Node listener is an adapter).
 * Chat pipeline, outermost first (docs/worker.md "Pipeline"):
 *   request-metrics → error-boundary → body-limit → auth-token → dedupe → timeout → concurrency-limit → chat.
 */
export function createWorkerApp(o: WorkerAppOptions): WorkerApp {
    const limits: WorkerLimits = { ...WORKER_LIMITS, ...o.limits };
    const clock = o.clock ?? systemClock;
    const logger = o.logger ?? silentLogger;
    const metrics = createWorkerMetrics();
    const store = new IdempotencyStore({ clock, ttlMs: limits.DEDUPE_TTL_MS, maxEntries: limits.DEDUPE_MAX_ENTRIES, maxBytes: limits.DEDUPE_MAX_BYTES });
    const semaphore = new KeyedSemaphore(limits.MAX_CONCURRENT_PER_CANISTER, limits.MAX_QUEUED_PER_CANISTER);
    const shutdown = new AbortController();
    let draining = false;
    let inFlight = 0;

    let hardwareCache: { at: number; value: Promise<HardwareInfo> } | null = null;
    const hardware = (): Promise<HardwareInfo> => {
        if (!hardwareCache || clock.nowMs() - hardwareCache.at > limits.HARDWARE_PROBE_TTL_MS) {
            hardwareCache = { at: clock.nowMs(), value: probeHardware(o.exec ?? execCommand) };
        }
        return hardwareCache.value;
    };

    metrics.registry.gauge('deai_worker_generations_running', 'Generations running now.', () => semaphore.depth.running);
    metrics.registry.gauge('deai_worker_queue_depth', 'Generations waiting for a per-canister slot.', () => semaphore.depth.queued);
    metrics.registry.gauge('deai_worker_dedupe_cache_entries', 'Responses cached for idempotent replay.', () => store.size.entries);
    metrics.registry.gauge('deai_worker_dedupe_cache_bytes', 'Estimated bytes held by the response cache.', () => store.size.bytes);
    metrics.registry.gauge('deai_worker_dedupe_pending', 'Idempotency keys being generated now.', () => store.size.pending);
    metrics.registry.gauge('process_resident_memory_bytes', 'Resident set size.', () => process.memoryUsage.rss());

    const outer: Middleware[] = [requestMetrics({ metrics, clock }), errorBoundary({ logger })];
    const notDraining: Middleware = async function notDrainingMiddleware(_ctx, next) {
        if (draining) throw new WorkerHttpError(503, 'shutting_down', 'the worker is shutting down', { 'retry-after': '5' });
        await next();
    };
    const chat = compose(
        [
            ...outer,
            notDraining,
            bodyLimit({ maxBytes: limits.MAX_REQUEST_BODY_BYTES }),
            authToken({ policy: o.auth, clock }),
            dedupe({ store, counter: metrics.dedupe, logger }),
            timeout({ ms: limits.GENERATION_TIMEOUT_MS, shutdown: shutdown.signal }),
            concurrencyLimit({ semaphore })
        ],
        chatRoute({ runtime: o.runtime, metrics, clock })
    );
    const info = { runtime: o.runtime, metrics, store, semaphore, hardware, clock, startedAtMs: clock.nowMs(), draining: () => draining };
    const routes: Record<string, { method: string; run: (ctx: WorkerContext) => Promise<void> }> = {
        '/v1/chat': { method: 'POST', run: chat },
        '/health': { method: 'GET', run: compose(outer, healthRoute(info)) },
        '/metrics': { method: 'GET', run: compose(outer, metricsRoute(info)) },
        '/v1/models': { method: 'GET', run: compose(outer, modelsRoute(info)) }
    };
    const fallback = (status: number, code: string, message: string, headers: Record<string, string> = {}) =>
        compose(outer, async () => {
            throw new WorkerHttpError(status, code, message, headers);
        });

    return {
        metrics,
        store,
        semaphore,
        get inFlight() {
            return inFlight;
        },
        drain: () => {
            draining = true;
        },
        abortAll: () => shutdown.abort(new WorkerHttpError(503, 'shutting_down', 'the worker shut down before the generation finished')),
        async handle(req) {
            const route = Object.hasOwn(routes, req.path) ? routes[req.path] : undefined;
            const ctx: WorkerContext = { req, route: route ? req.path.replace(/^\/(v1\/)?/, '') : 'unknown' };
            inFlight++;
            try {
                if (!route) await fallback(404, 'not_found', `no route ${req.path.slice(0, 200)}`)(ctx);
                else if (route.method !== req.method) await fallback(405, 'method_not_allowed', `use ${route.method} ${req.path}`, { allow: route.method })(ctx);
                else await route.run(ctx);
            } finally {
                inFlight--;
            }
            return ctx.res!;
        }
    };
}
