/**
 * Per-principal quotas with pessimistic reservation (pure). Before a call the router reserves the most a
 * request can cost (all planned attempts' cycles, input + max output tokens); the check counts used plus
 * everything already reserved, so concurrent chats can never overspend together. After the call, settle
 * releases the reservation and charges what was actually spent (never more than was reserved).
 */
import { err, ok, type Result } from '../result';
import type { RouterError } from './router-error';
import { QUOTA_DEFAULTS, SECONDS_PER_DAY } from './router.constants';

export interface QuotaLimits {
    readonly requests_per_day: number;
    readonly tokens_per_day: number;
    readonly cycles_per_day: bigint;
    readonly requests_per_minute: number;
}

export const DEFAULT_LIMITS: QuotaLimits = {
    requests_per_day: QUOTA_DEFAULTS.REQUESTS_PER_DAY,
    tokens_per_day: QUOTA_DEFAULTS.TOKENS_PER_DAY,
    cycles_per_day: QUOTA_DEFAULTS.CYCLES_PER_DAY,
    requests_per_minute: QUOTA_DEFAULTS.REQUESTS_PER_MINUTE
};

export interface Usage {
    /** Day number (Unix seconds / 86,400) the used counters belong to. */
    readonly day: number;
    readonly requests: number;
    readonly tokens: number;
    readonly cycles: bigint;
    readonly reserved_requests: number;
    readonly reserved_tokens: number;
    readonly reserved_cycles: bigint;
    /** Minute number of the rate window and the requests started in it. */
    readonly minute: number;
    readonly minute_requests: number;
    /** Lifetime totals, for the aggregate view. */
    readonly total_requests: number;
    readonly total_tokens: number;
    readonly total_cycles: bigint;
}

export const EMPTY_USAGE: Usage = {
    day: 0, requests: 0, tokens: 0, cycles: 0n, reserved_requests: 0, reserved_tokens: 0, reserved_cycles: 0n,
    minute: 0, minute_requests: 0, total_requests: 0, total_tokens: 0, total_cycles: 0n
};

export interface Reservation {
    readonly tokens: number;
    readonly cycles: bigint;
}

export interface Spent {
    readonly tokens: number;
    readonly cycles: bigint;
}

export const dayOf = (now_s: number): number => Math.floor(now_s / SECONDS_PER_DAY);

/** The day's counters reset at midnight UTC; reservations in flight carry over. */
export function rollover(u: Usage, now_s: number): Usage {
    const day = dayOf(now_s);
    return u.day === day ? u : { ...u, day, requests: 0, tokens: 0, cycles: 0n };
}

/** Checks the rate window and every daily limit against used + reserved + this request, then reserves it. */
export function reserve(usage: Usage, limits: QuotaLimits, want: Reservation, now_s: number): Result<Usage, RouterError> {
    const u = rollover(usage, now_s);
    const minute = Math.floor(now_s / 60);
    const minuteRequests = u.minute === minute ? u.minute_requests : 0;
    if (minuteRequests >= limits.requests_per_minute) return err({ code: 'RateLimited', retry_after_s: 60 - (now_s % 60) });
    const requests = u.requests + u.reserved_requests;
    if (requests + 1 > limits.requests_per_day) {
        return err({ code: 'QuotaExceeded', resource: 'requests', used: BigInt(requests), requested: 1n, limit: BigInt(limits.requests_per_day) });
    }
    const tokens = u.tokens + u.reserved_tokens;
    if (tokens + want.tokens > limits.tokens_per_day) {
        return err({ code: 'QuotaExceeded', resource: 'tokens', used: BigInt(tokens), requested: BigInt(want.tokens), limit: BigInt(limits.tokens_per_day) });
    }
    const cycles = u.cycles + u.reserved_cycles;
    if (cycles + want.cycles > limits.cycles_per_day) {
        return err({ code: 'QuotaExceeded', resource: 'cycles', used: cycles, requested: want.cycles, limit: limits.cycles_per_day });
    }
    return ok({
        ...u,
        reserved_requests: u.reserved_requests + 1,
        reserved_tokens: u.reserved_tokens + want.tokens,
        reserved_cycles: u.reserved_cycles + want.cycles,
        minute,
        minute_requests: minuteRequests + 1
    });
}

/** Releases `r` and charges `spent`, capped at what was reserved. */
export function settle(usage: Usage, r: Reservation, spent: Spent, now_s: number): Usage {
    const u = rollover(usage, now_s);
    const tokens = Math.min(spent.tokens, r.tokens);
    const cycles = spent.cycles < r.cycles ? spent.cycles : r.cycles;
    return {
        ...u,
        requests: u.requests + 1,
        tokens: u.tokens + tokens,
        cycles: u.cycles + cycles,
        reserved_requests: Math.max(0, u.reserved_requests - 1),
        reserved_tokens: Math.max(0, u.reserved_tokens - r.tokens),
        reserved_cycles: u.reserved_cycles > r.cycles ? u.reserved_cycles - r.cycles : 0n,
        total_requests: u.total_requests + 1,
        total_tokens: u.total_tokens + tokens,
        total_cycles: u.total_cycles + cycles
    };
}

/**
 * Upper bound on prompt tokens: BPE tokenizers emit at most one token per UTF-8 byte, plus the chat
 * template's tokens per message (role headers, separators; ≤ 8 in the templates of src/shared/chat).
 */
export const TEMPLATE_TOKENS_PER_MESSAGE = 8;
export function maxInputTokens(contentBytes: number, messages: number): number {
    return contentBytes + TEMPLATE_TOKENS_PER_MESSAGE * messages;
}
