import { MetricsRegistry, type Counter, type Histogram } from './metrics-registry';

const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 60];

/** The gateway's metric families (docs/worker.md "Metrics"). Gauges read live state through callbacks. */
export interface WorkerMetrics {
    registry: MetricsRegistry;
    requests: Counter;
    requestSeconds: Histogram;
    dedupe: Counter;
    generations: Counter;
    generationSeconds: Histogram;
    tokens: Counter;
}

export function createWorkerMetrics(): WorkerMetrics {
    const registry = new MetricsRegistry();
    return {
        registry,
        requests: registry.counter('deai_worker_requests_total', 'HTTP requests by route and status.'),
        requestSeconds: registry.histogram('deai_worker_request_duration_seconds', 'HTTP request latency by route.', SECONDS_BUCKETS),
        dedupe: registry.counter('deai_worker_dedupe_total', 'Chat requests by idempotency outcome (miss, coalesced, hit, conflict).'),
        generations: registry.counter('deai_worker_generations_total', 'Upstream generations by outcome (ok or error code).'),
        generationSeconds: registry.histogram('deai_worker_generation_duration_seconds', 'Upstream generation latency.', SECONDS_BUCKETS),
        tokens: registry.counter('deai_worker_tokens_total', 'Tokens reported by the runtime, by kind (input, output).')
    };
}
