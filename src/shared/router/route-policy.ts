/**
 * Routing policy (pure): which targets to try for one chat, in which order. Hard filters first (the
 * caller's backend/worker/trust/price constraints, health, open breakers, context), then a sort by the
 * caller's preference. Everything left out is reported as a skipped attempt, so the answer can say why.
 */
import { phaseOf, type BreakerState } from './circuit-breaker';
import { isHealthy, type HealthSummary } from './health-window';
import { TRUST_RANK, type Attempt, type Candidate, type RoutePreference } from './router.types';

export interface RouteContext {
    readonly input_tokens: number;
    readonly max_output_tokens: number;
    /** Whether the full history fits the LLM canister's message and byte limits. */
    readonly fits_llm_canister: boolean;
    readonly preference: RoutePreference;
    readonly max_attempts: number;
    readonly now_s: number;
}

export interface RoutePlan {
    readonly ordered: readonly Candidate[];
    readonly skipped: readonly Attempt[];
}

/** Estimated USD price of one request on a candidate. */
export function estimatePriceUsd(c: Candidate, inputTokens: number, outputTokens: number): number {
    return (inputTokens * c.price_input_usd_per_mtok + outputTokens * c.price_output_usd_per_mtok) / 1_000_000;
}

export function fitsContext(c: Candidate, ctx: RouteContext): boolean {
    if (c.backend === 'llm_canister') return ctx.fits_llm_canister;
    return c.context_tokens !== null && c.context_tokens >= ctx.input_tokens + ctx.max_output_tokens;
}

const skip = (c: Candidate, outcome: Attempt['outcome'], detail: string): Attempt => ({ target: c.key, outcome, detail, cycles: 0n, latency_ms: 0 });

function filterReason(c: Candidate, ctx: RouteContext): string | null {
    const p = ctx.preference;
    if (p.backend !== null && c.backend !== p.backend) return `backend ${c.backend} not requested`;
    if (p.worker_id !== null && c.worker_id !== p.worker_id) return `worker ${p.worker_id} requested`;
    if (p.min_trust !== null && TRUST_RANK[c.trust] < TRUST_RANK[p.min_trust]) return `trust ${c.trust} below ${p.min_trust}`;
    if (p.max_price_usd !== null) {
        const price = estimatePriceUsd(c, ctx.input_tokens, ctx.max_output_tokens);
        if (price > p.max_price_usd) return `estimated $${price.toFixed(6)} over $${p.max_price_usd}`;
    }
    return null;
}

const latencyOf = (c: Candidate): number => c.latency_ms ?? Number.MAX_SAFE_INTEGER;
const uptimeOf = (c: Candidate): number => c.uptime ?? 1;

function compare(a: Candidate, b: Candidate, ctx: RouteContext): number {
    const price = (c: Candidate): number => estimatePriceUsd(c, ctx.input_tokens, ctx.max_output_tokens);
    const keys: ((c: Candidate) => number)[] =
        ctx.preference.prefer === 'cheapest'
            ? [price, (c) => -TRUST_RANK[c.trust], latencyOf]
            : ctx.preference.prefer === 'fastest'
              ? [latencyOf, (c) => -TRUST_RANK[c.trust], price]
              : [(c) => -TRUST_RANK[c.trust], (c) => -uptimeOf(c), price, latencyOf];
    for (const k of keys) {
        const d = k(a) - k(b);
        if (d !== 0) return d;
    }
    return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/**
 * `health` and `breakers` are keyed by candidate key. Candidates whose context fits come first; the LLM
 * canister without room for the whole history stays as a last resort (its history is then trimmed, and the
 * answer says so); workers without room are skipped.
 */
export function planRoutes(
    candidates: readonly Candidate[],
    health: ReadonlyMap<string, HealthSummary>,
    breakers: ReadonlyMap<string, BreakerState>,
    ctx: RouteContext
): RoutePlan {
    const skipped: Attempt[] = [];
    const fitting: Candidate[] = [];
    const lastResort: Candidate[] = [];
    for (const c of candidates) {
        const reason = filterReason(c, ctx);
        if (reason !== null) { skipped.push(skip(c, 'filtered', reason)); continue; }
        const h = health.get(c.key);
        if (h !== undefined && !isHealthy(h)) { skipped.push(skip(c, 'unhealthy', `uptime ${(h.uptime ?? 0).toFixed(2)} over ${h.probes} probes`)); continue; }
        const b = breakers.get(c.key);
        if (b !== undefined && phaseOf(b, ctx.now_s) === 'open') { skipped.push(skip(c, 'circuit_open', `open until ${b.open_until_s}`)); continue; }
        if (fitsContext(c, ctx)) fitting.push(c);
        else if (c.backend === 'llm_canister') lastResort.push(c);
        else skipped.push(skip(c, 'context_too_small', `context ${c.context_tokens} < ${ctx.input_tokens + ctx.max_output_tokens} tokens`));
    }
    fitting.sort((a, b) => compare(a, b, ctx));
    const ordered = [...fitting, ...lastResort];
    for (const c of ordered.slice(ctx.max_attempts)) skipped.push(skip(c, 'filtered', `beyond ${ctx.max_attempts} attempts`));
    return { ordered: ordered.slice(0, ctx.max_attempts), skipped };
}
