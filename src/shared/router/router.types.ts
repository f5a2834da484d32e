/**
 * Domain types of the chat router: workers, targets, routes and attempts. Field names are snake_case where
 * the value crosses the Candid boundary as is.
 */

/** Where an answer's integrity comes from, strongest first. */
export type TrustTier = 'onchain' | 'replicated_outcall' | 'non_replicated_outcall';
export const TRUST_TIERS: readonly TrustTier[] = ['onchain', 'replicated_outcall', 'non_replicated_outcall'];
export const TRUST_RANK: Readonly<Record<TrustTier, number>> = { onchain: 3, replicated_outcall: 2, non_replicated_outcall: 1 };

/** Request/response wire of a worker: the DeAI gateway (docs/worker-protocol.md) or a server's own API. */
export type ApiFormat = 'deai' | 'openai' | 'ollama' | 'anthropic';
export const API_FORMATS: readonly ApiFormat[] = ['deai', 'openai', 'ollama', 'anthropic'];

export type WorkerMode = 'replicated' | 'non_replicated';
export const WORKER_MODES: readonly WorkerMode[] = ['replicated', 'non_replicated'];

export type WorkerStatus = 'pending' | 'approved' | 'rejected' | 'suspended';
export const WORKER_STATUSES: readonly WorkerStatus[] = ['pending', 'approved', 'rejected', 'suspended'];

export interface WorkerModel {
    /** The name the worker's API expects in `model`. */
    readonly name: string;
    /** The registry model variant it runs, when known. */
    readonly variant_id: string | null;
    readonly context_tokens: number;
}

export interface WorkerRegistration {
    readonly url: string;
    readonly api_format: ApiFormat;
    readonly models: readonly WorkerModel[];
    readonly hardware_id: string | null;
    readonly runtime_id: string | null;
    readonly price_input_usd_per_mtok: number;
    readonly price_output_usd_per_mtok: number;
    readonly mode: WorkerMode;
}

export interface Worker extends WorkerRegistration {
    readonly id: string;
    readonly owner: string;
    readonly status: WorkerStatus;
    readonly created_ns: bigint;
    readonly reviewed_by: string | null;
}

export type Backend = 'llm_canister' | 'worker';

/** One routable target as the policy sees it. */
export interface Candidate {
    /** `llm` or `w:<worker id>`: the circuit breaker's key. */
    readonly key: string;
    readonly backend: Backend;
    readonly worker_id: string | null;
    /** The model name sent to the target. */
    readonly model: string;
    readonly variant_id: string | null;
    readonly trust: TrustTier;
    /** Context window in tokens (the LLM canister: none declared, its byte and message limits apply). */
    readonly context_tokens: number | null;
    readonly max_output_tokens: number;
    readonly price_input_usd_per_mtok: number;
    readonly price_output_usd_per_mtok: number;
    /** Mean probe latency over the health window; null before any probe. */
    readonly latency_ms: number | null;
    /** Successful probes / probes over the window; null before any probe. */
    readonly uptime: number | null;
    readonly probes: number;
}

export type Preference = 'most_trusted' | 'cheapest' | 'fastest';
export const PREFERENCES: readonly Preference[] = ['most_trusted', 'cheapest', 'fastest'];

export interface RoutePreference {
    readonly backend: Backend | null;
    readonly worker_id: string | null;
    readonly min_trust: TrustTier | null;
    /** Upper bound on the estimated price of this request, USD. */
    readonly max_price_usd: number | null;
    readonly prefer: Preference;
}

export const DEFAULT_PREFERENCE: RoutePreference = { backend: null, worker_id: null, min_trust: null, max_price_usd: null, prefer: 'most_trusted' };

/** Why a target was not tried, or how a try ended. */
export type AttemptOutcome =
    | 'ok'
    | 'circuit_open'
    | 'unhealthy'
    | 'context_too_small'
    | 'filtered'
    | 'rejected'
    | 'timeout'
    | 'consensus_failure'
    | 'malformed'
    | 'http_error';

export interface Attempt {
    readonly target: string;
    readonly outcome: AttemptOutcome;
    readonly detail: string;
    readonly cycles: bigint;
    readonly latency_ms: number;
}

/** What was done to the history so it fits the target; never silent. */
export type ContextAction =
    | { readonly kind: 'none' }
    | { readonly kind: 'trimmed'; readonly dropped_messages: number; readonly dropped_bytes: number; readonly limit: string }
    | { readonly kind: 'routed_for_context'; readonly reason: string };
