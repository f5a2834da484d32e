/**
 * Production limits of the worker gateway, with units (docs/worker.md "Limits"). The request bounds follow the
 * HTTPS outcall limits (outcalls.md §1.4): a request is at most 2 MB and the canister waits ~30 s.
 */
export const WORKER_LIMITS = {
    /** Largest request body; an outcall request (headers + body) is at most 2,000,000 bytes. */
    MAX_REQUEST_BODY_BYTES: 2_000_000,
    /** Largest upstream response body read; the outcall response maximum. */
    MAX_UPSTREAM_RESPONSE_BYTES: 2_000_000,
    /** Generation deadline: under the outcall adapter's 30 s request timeout, so the canister gets an answer. */
    GENERATION_TIMEOUT_MS: 25_000,
    /** Generations running at once for one canister (issuer); more wait in its queue. */
    MAX_CONCURRENT_PER_CANISTER: 4,
    /** Generations waiting per canister before 429. */
    MAX_QUEUED_PER_CANISTER: 64,
    /** How long a finished response stays replayable under its idempotency key; ≥ the longest token lifetime. */
    DEDUPE_TTL_MS: 15 * 60_000,
    /** Bounds of the response cache (oldest entries are evicted first). */
    DEDUPE_MAX_ENTRIES: 10_000,
    DEDUPE_MAX_BYTES: 256 * 1024 * 1024,
    /** Time given to in-flight requests on shutdown before the listener is closed hard. */
    SHUTDOWN_GRACE_MS: 30_000,
    /** Age after which the hardware probe (nvidia-smi) is run again for /health. */
    HARDWARE_PROBE_TTL_MS: 60_000
} as const;

export type WorkerLimits = { readonly [K in keyof typeof WORKER_LIMITS]: number };
