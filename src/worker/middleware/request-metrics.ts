import type { Clock, Middleware } from '../app/types';
import type { WorkerMetrics } from '../metrics/worker-metrics';

/** Outermost middleware: counts every response by route and status and observes its latency. */
export function requestMetrics({ metrics, clock }: { metrics: WorkerMetrics; clock: Clock }): Middleware {
    return async function requestMetricsMiddleware(ctx, next) {
        const start = clock.nowMs();
        try {
            await next();
        } finally {
            const status = String(ctx.res?.status ?? 500);
            metrics.requests.inc({ route: ctx.route, status });
            metrics.requestSeconds.observe((clock.nowMs() - start) / 1000, { route: ctx.route });
        }
    };
}
