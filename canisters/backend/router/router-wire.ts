/** Router domain values ⇄ Candid wire values (opt as [] | [x], unit variants as { tag: null }). */
import type { QuotaLimits, Usage } from '../../../src/shared/router/quota';
import type { RouterError } from '../../../src/shared/router/router-error';
import { DEFAULT_PREFERENCE, type Attempt, type ContextAction, type RoutePreference, type Worker, type WorkerRegistration } from '../../../src/shared/router/router.types';
import type { RouteInfo } from './route-round';

export type WireResult = { Ok: unknown } | { Err: unknown };
type Opt<T> = [] | [T];

export const opt = <T>(v: T | null | undefined): Opt<T> => (v === null || v === undefined ? [] : [v]);
export const unopt = <T>(v: Opt<T> | undefined): T | null => (v === undefined || v.length === 0 ? null : (v[0] as T));
export const tag = (s: string): Record<string, null> => ({ [s]: null });
export const untag = <T extends string>(v: object): T => Object.keys(v)[0] as T;

export function wireRouterError(e: RouterError): unknown {
    switch (e.code) {
        case 'Unauthorized': return { Unauthorized: { reason: e.reason } };
        case 'NotFound': return { NotFound: { entity: e.entity, id: e.id } };
        case 'InvalidInput': return { InvalidInput: { field: e.field, reason: e.reason } };
        case 'InputTooLong': return { InputTooLong: { field: e.field, limit: BigInt(e.limit), actual: BigInt(e.actual) } };
        case 'QuotaExceeded': return { QuotaExceeded: { resource: e.resource, used: e.used, requested: e.requested, limit: e.limit } };
        case 'RateLimited': return { RateLimited: { retry_after_s: e.retry_after_s } };
        case 'NoRoute': return { NoRoute: { reason: e.reason, skipped: e.skipped.map(wireAttempt) } };
        case 'AllRoutesFailed': return { AllRoutesFailed: { attempts: e.attempts.map(wireAttempt) } };
        case 'LimitExceeded': return { LimitExceeded: { limit: e.limit, max: BigInt(e.max) } };
        case 'Conflict': return { Conflict: { id: e.id, reason: e.reason } };
    }
}

export const routerErr = (e: RouterError): WireResult => ({ Err: wireRouterError(e) });

export function wireAttempt(a: Attempt): unknown {
    return { target: a.target, outcome: a.outcome, detail: a.detail, cycles: a.cycles, latency_ms: Math.min(a.latency_ms, 4_294_967_295) };
}

function wireContext(c: ContextAction): unknown {
    if (c.kind === 'none') return { none: null };
    if (c.kind === 'trimmed') return { trimmed: { dropped_messages: c.dropped_messages, dropped_bytes: c.dropped_bytes, limit: c.limit } };
    return { routed_for_context: { reason: c.reason } };
}

export function wireRoute(r: RouteInfo): unknown {
    return {
        backend: tag(r.backend), worker_id: opt(r.worker_id), model: r.model, variant_id: opt(r.variant_id), trust: tag(r.trust),
        input_tokens: r.input_tokens, output_tokens: r.output_tokens, tokens_reported: r.tokens_reported, cycles: r.cycles,
        latency_ms: r.latency_ms, attempts: r.attempts.map(wireAttempt), context: wireContext(r.context)
    };
}

export function wireWorker(w: Worker): unknown {
    return {
        ...w, api_format: tag(w.api_format), mode: tag(w.mode), status: tag(w.status), hardware_id: opt(w.hardware_id), runtime_id: opt(w.runtime_id),
        reviewed_by: opt(w.reviewed_by), models: w.models.map((m) => ({ ...m, variant_id: opt(m.variant_id) }))
    };
}

type WireRegistration = Omit<WorkerRegistration, 'api_format' | 'mode' | 'hardware_id' | 'runtime_id' | 'models'> & {
    api_format: object; mode: object; hardware_id: Opt<string>; runtime_id: Opt<string>; models: { name: string; variant_id: Opt<string>; context_tokens: number }[];
};

export function fromWireRegistration(r: WireRegistration): WorkerRegistration {
    return {
        url: r.url, api_format: untag(r.api_format), mode: untag(r.mode), hardware_id: unopt(r.hardware_id), runtime_id: unopt(r.runtime_id),
        price_input_usd_per_mtok: r.price_input_usd_per_mtok, price_output_usd_per_mtok: r.price_output_usd_per_mtok,
        models: r.models.map((m) => ({ name: m.name, variant_id: unopt(m.variant_id), context_tokens: m.context_tokens }))
    };
}

export type WirePreference = { backend: Opt<object>; worker_id: Opt<string>; min_trust: Opt<object>; max_price_usd: Opt<number>; prefer: Opt<object> };

export function fromWirePreference(p: Opt<WirePreference>): RoutePreference {
    const v = unopt(p);
    if (v === null) return DEFAULT_PREFERENCE;
    const b = unopt(v.backend);
    const t = unopt(v.min_trust);
    const pr = unopt(v.prefer);
    return {
        backend: b === null ? null : untag<RoutePreference['backend'] & string>(b), worker_id: unopt(v.worker_id), min_trust: t === null ? null : untag<RoutePreference['min_trust'] & string>(t),
        max_price_usd: unopt(v.max_price_usd), prefer: pr === null ? 'most_trusted' : untag(pr)
    };
}

export function wireLimits(l: QuotaLimits): unknown {
    return { requests_per_day: l.requests_per_day, tokens_per_day: BigInt(l.tokens_per_day), cycles_per_day: l.cycles_per_day, requests_per_minute: l.requests_per_minute };
}

export function fromWireLimits(l: { requests_per_day: number; tokens_per_day: bigint; cycles_per_day: bigint; requests_per_minute: number }): QuotaLimits {
    return { requests_per_day: l.requests_per_day, tokens_per_day: Number(l.tokens_per_day), cycles_per_day: l.cycles_per_day, requests_per_minute: l.requests_per_minute };
}

export function wireUsage(principal: string, u: Usage, limits: QuotaLimits): unknown {
    return {
        principal, day: u.day, requests: u.requests, tokens: BigInt(u.tokens), cycles: u.cycles, reserved_requests: u.reserved_requests,
        reserved_tokens: BigInt(u.reserved_tokens), reserved_cycles: u.reserved_cycles, total_requests: BigInt(u.total_requests),
        total_tokens: BigInt(u.total_tokens), total_cycles: u.total_cycles, limits: wireLimits(limits)
    };
}
