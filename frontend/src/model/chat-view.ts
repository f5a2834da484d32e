/**
 * Chat view model (pure): route labels from a reply's route or a stored message's route JSON, router errors as
 * messages a person can act on, citations as registry links, and the composer's input bound.
 */
import { ROUTER_LIMITS } from '../../../src/shared/router/router.constants';

export interface RouteLabel {
    readonly backend: string;
    readonly worker_id: string | null;
    readonly model: string;
    readonly trust: string;
    readonly input_tokens: number;
    readonly output_tokens: number;
    readonly tokens_reported: boolean;
    readonly cycles: bigint;
    readonly latency_ms: number;
    readonly attempts: number;
}

const tag = (v: unknown): string => (typeof v === 'string' ? v : v !== null && typeof v === 'object' ? Object.keys(v)[0] ?? '?' : '?');
const optText = (v: unknown): string | null => (Array.isArray(v) ? (v[0] as string | undefined) ?? null : typeof v === 'string' ? v : null);

/** From the Candid `Route` of a reply (variants as `{ tag: null }`, opts as arrays) or the stored JSON (plain values). */
export function routeLabel(r: Record<string, unknown>): RouteLabel {
    return {
        backend: tag(r.backend), worker_id: optText(r.worker_id), model: String(r.model ?? ''), trust: tag(r.trust),
        input_tokens: Number(r.input_tokens ?? 0), output_tokens: Number(r.output_tokens ?? 0), tokens_reported: r.tokens_reported === true,
        cycles: BigInt(String(r.cycles ?? 0)), latency_ms: Number(r.latency_ms ?? 0), attempts: Array.isArray(r.attempts) ? r.attempts.length : 0,
    };
}

export function routeFromJson(json: string | null): RouteLabel | null {
    if (json === null) return null;
    try {
        return routeLabel(JSON.parse(json) as Record<string, unknown>);
    } catch {
        return null;
    }
}

const TRUST: Record<string, string> = { onchain: 'on-chain', replicated_outcall: 'replicated outcall', non_replicated_outcall: 'single-replica outcall' };

/** "LLM canister · llama3.1:8b · trust: on-chain · 12 in / 40 out tokens · 1.2 B cycles · 840 ms". */
export function describeRoute(r: RouteLabel): string {
    const backend = r.backend === 'llm_canister' ? 'LLM canister' : `worker ${r.worker_id ?? ''}`.trim();
    const tokens = `${r.input_tokens} in / ${r.output_tokens} out tokens${r.tokens_reported ? '' : ' (estimated)'}`;
    const parts = [backend, r.model, `trust: ${TRUST[r.trust] ?? r.trust}`, tokens, `${fmtCycles(r.cycles)} cycles`, `${r.latency_ms} ms`];
    if (r.attempts > 1) parts.push(`${r.attempts} attempts`);
    return parts.join(' · ');
}

export function fmtCycles(c: bigint): string {
    const units: [bigint, string][] = [[1_000_000_000_000n, 'T'], [1_000_000_000n, 'B'], [1_000_000n, 'M'], [1_000n, 'k']];
    for (const [size, unit] of units) if (c >= size) return `${(Number(c) / Number(size)).toFixed(1)} ${unit}`;
    return c.toString();
}

interface WireAttempt { target: string; outcome: object; detail: string }

/** The router's Candid error as one sentence; the typed message stays in the composer. */
export function describeRouterError(e: Record<string, unknown>): string {
    const [code, body] = Object.entries(e)[0] ?? ['Unknown', {}];
    const b = body as Record<string, unknown>;
    const attempts = (list: unknown) => (list as WireAttempt[]).map((a) => `${a.target}: ${tag(a.outcome)}${a.detail ? ` (${a.detail})` : ''}`).join('; ');
    switch (code) {
        case 'Unauthorized': return `Sign in to chat (${String(b.reason)}).`;
        case 'QuotaExceeded': return `Daily quota exceeded for ${String(b.resource)}: used ${String(b.used)} of ${String(b.limit)}, this message needs ${String(b.requested)}. Try again tomorrow or ask an operator for a higher quota.`;
        case 'RateLimited': return `Too many messages; try again in ${String(b.retry_after_s)} s.`;
        case 'InputTooLong': return `Your ${String(b.field)} is too long: ${String(b.actual)} bytes, the limit is ${String(b.limit)}. Shorten it and send again.`;
        case 'AllRoutesFailed': return `All routes failed: ${attempts(b.attempts)}. Your message was kept; try again or pick another route.`;
        case 'NoRoute': return `No route can serve this request: ${String(b.reason)}.`;
        case 'NotFound': return `No ${String(b.entity)} "${String(b.id)}".`;
        case 'InvalidInput': return `Invalid ${String(b.field)}: ${String(b.reason)}`;
        case 'LimitExceeded': return `Limit reached: ${String(b.limit)} (max ${String(b.max)}).`;
        case 'Conflict': return `Conflict: ${String(b.reason)}`;
        default: return `Chat failed (${code}).`;
    }
}

/** UTF-8 bytes of the composer text, checked before sending (the canister enforces the same bound). */
export const MAX_MESSAGE_BYTES = ROUTER_LIMITS.MAX_USER_MESSAGE_BYTES;
export function messageBytes(text: string): number {
    let n = 0;
    for (const ch of text) {
        const c = ch.codePointAt(0)!;
        n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    }
    return n;
}

/** A cited record's page; variants link to their model's page when known. */
export function citationHref(kind: string, id: string): string | null {
    const k = kind === 'benchmark' ? 'result' : kind;
    return ['hardware', 'runtime', 'model', 'result'].includes(k) ? `#/${k}/${encodeURIComponent(id)}` : null;
}

export type RoutePick = { kind: 'auto' } | { kind: 'llm_canister' } | { kind: 'worker'; id: string };

export function parseRoutePick(text: string | null): RoutePick {
    if (text === 'llm') return { kind: 'llm_canister' };
    if (text?.startsWith('worker:') && text.length > 7) return { kind: 'worker', id: text.slice(7) };
    return { kind: 'auto' };
}

/** The Candid `opt RoutePreference` for a pick. */
export function routePreference(p: RoutePick): [] | [{ backend: [] | [object]; worker_id: [] | [string]; min_trust: []; max_price_usd: []; prefer: [] }] {
    if (p.kind === 'auto') return [];
    return [{ backend: [{ [p.kind]: null }], worker_id: p.kind === 'worker' ? [p.id] : [], min_trust: [], max_price_usd: [], prefer: [] }];
}

/**
 * Models offered for a route: the LLM canister's models, a worker's models, or (auto) all of them. An empty
 * choice lets the router use its default model.
 */
export function modelChoices(p: RoutePick, llmModels: readonly string[], workers: readonly { id: string; models: readonly string[] }[]): string[] {
    if (p.kind === 'llm_canister') return [...llmModels];
    if (p.kind === 'worker') return [...(workers.find((w) => w.id === p.id)?.models ?? [])];
    return [...new Set([...llmModels, ...workers.flatMap((w) => w.models)])];
}
