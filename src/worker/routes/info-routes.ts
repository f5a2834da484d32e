import { json, text } from '../app/json-response';
import type { Clock, WorkerContext } from '../app/types';
import type { IdempotencyStore } from '../dedupe/idempotency-store';
import type { KeyedSemaphore } from '../dedupe/keyed-semaphore';
import type { HardwareInfo } from '../hardware/hardware-probe';
import type { WorkerMetrics } from '../metrics/worker-metrics';
import type { ChatRuntime } from '../runtime/runtime.types';

const MODELS_TIMEOUT_MS = 3_000;

async function listModels(runtime: ChatRuntime): Promise<{ models: string[] } | { error: string }> {
    try {
        return { models: await runtime.listModels(AbortSignal.timeout(MODELS_TIMEOUT_MS)) };
    } catch (error) {
        return { error: error instanceof Error ? error.message : String(error) };
    }
}

export interface InfoDeps {
    runtime: ChatRuntime;
    metrics: WorkerMetrics;
    store: IdempotencyStore;
    semaphore: KeyedSemaphore;
    hardware: () => Promise<HardwareInfo>;
    clock: Clock;
    startedAtMs: number;
    draining: () => boolean;
}

/** GET /health: 200 when the runtime lists its models, 503 when it cannot or the gateway is shutting down. */
export function healthRoute(d: InfoDeps) {
    return async function healthHandler(ctx: WorkerContext): Promise<void> {
        const [models, hardware] = await Promise.all([listModels(d.runtime), d.hardware()]);
        const healthy = 'models' in models && !d.draining();
        ctx.res = json(healthy ? 200 : 503, {
            status: d.draining() ? 'draining' : healthy ? 'ok' : 'degraded',
            runtime: d.runtime.info,
            ...models,
            queue: d.semaphore.depth,
            dedupe: d.store.size,
            hardware,
            uptimeSeconds: Math.round((d.clock.nowMs() - d.startedAtMs) / 1000)
        });
    };
}

/** GET /v1/models: OpenAI-style list, so existing tooling can discover what this worker serves. */
export function modelsRoute(d: Pick<InfoDeps, 'runtime'>) {
    return async function modelsHandler(ctx: WorkerContext): Promise<void> {
        const models = await listModels(d.runtime);
        ctx.res =
            'models' in models
                ? json(200, { object: 'list', data: models.models.map((id) => ({ id, object: 'model' })) })
                : json(502, { error: { code: 'upstream_unreachable', message: models.error } });
    };
}

/** GET /metrics: Prometheus text exposition. */
export function metricsRoute(d: Pick<InfoDeps, 'metrics'>) {
    return async function metricsHandler(ctx: WorkerContext): Promise<void> {
        ctx.res = text(200, d.metrics.registry.render(), 'text/plain; version=0.0.4; charset=utf-8');
    };
}
