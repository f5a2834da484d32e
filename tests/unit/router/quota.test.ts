import { describe, expect, it } from 'vitest';

import { DEFAULT_LIMITS, EMPTY_USAGE, maxInputTokens, reserve, settle, type QuotaLimits, type Usage } from '../../../src/shared/router/quota';

const limits: QuotaLimits = { requests_per_day: 100, tokens_per_day: 1000, cycles_per_day: 100n, requests_per_minute: 50 };
const DAY = 86_400;

function mustReserve(u: Usage, tokens: number, cycles: bigint, now = DAY): Usage {
    const r = reserve(u, limits, { tokens, cycles }, now);
    if (!r.ok) throw new Error(JSON.stringify(r.error, (_k, v) => (typeof v === 'bigint' ? String(v) : v)));
    return r.value;
}

describe('quota reservation', () => {
    it('counts reservations in flight, so concurrent requests cannot overspend', () => {
        let u = mustReserve(EMPTY_USAGE, 400, 40n);
        u = mustReserve(u, 400, 40n);
        const third = reserve(u, limits, { tokens: 400, cycles: 10n }, DAY);
        expect(third).toMatchObject({ ok: false, error: { code: 'QuotaExceeded', resource: 'tokens', used: 800n, requested: 400n, limit: 1000n } });
        const cycles = reserve(u, limits, { tokens: 1, cycles: 30n }, DAY);
        expect(cycles).toMatchObject({ ok: false, error: { resource: 'cycles' } });
    });

    it('settles what was spent, capped at the reservation, and releases the rest', () => {
        let u = mustReserve(EMPTY_USAGE, 500, 50n);
        u = settle(u, { tokens: 500, cycles: 50n }, { tokens: 120, cycles: 70n }, DAY);
        expect(u).toMatchObject({ tokens: 120, cycles: 50n, reserved_tokens: 0, reserved_cycles: 0n, requests: 1, total_requests: 1 });
    });

    it('rate-limits per minute and resets daily counters at midnight UTC, keeping reservations', () => {
        const tight = { ...limits, requests_per_minute: 1 };
        const u = reserve(EMPTY_USAGE, tight, { tokens: 1, cycles: 1n }, DAY + 10);
        expect(u.ok).toBe(true);
        const again = reserve(u.ok ? u.value : EMPTY_USAGE, tight, { tokens: 1, cycles: 1n }, DAY + 20);
        expect(again).toMatchObject({ ok: false, error: { code: 'RateLimited', retry_after_s: 40 } });
        let full = mustReserve(EMPTY_USAGE, 1000, 1n);
        full = settle(full, { tokens: 1000, cycles: 1n }, { tokens: 1000, cycles: 1n }, DAY);
        expect(reserve(full, limits, { tokens: 1, cycles: 0n }, DAY + 5).ok).toBe(false);
        expect(reserve(full, limits, { tokens: 1, cycles: 0n }, 2 * DAY).ok).toBe(true);
    });

    it('bounds prompt tokens from above by bytes plus template tokens', () => {
        expect(maxInputTokens(100, 3)).toBe(124);
        expect(DEFAULT_LIMITS.requests_per_day).toBeGreaterThan(0);
    });
});
