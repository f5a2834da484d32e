/** Quota storage around the pure reservation arithmetic (src/shared/router/quota.ts). */
import { time } from 'azle';

import type { Result } from '../../../src/shared/result';
import { EMPTY_USAGE, reserve, rollover, settle, type QuotaLimits, type Reservation, type Spent, type Usage } from '../../../src/shared/router/quota';
import type { RouterError } from '../../../src/shared/router/router-error';
import { NS_PER_S } from '../../../src/shared/router/router.constants';
import { routerConfig } from './router-config';
import { quotas, routerMeta, usage } from './router-stores';

const nowS = (): number => Number(time() / NS_PER_S);

export function limitsOf(principal: string): QuotaLimits {
    return quotas.get(principal) ?? routerConfig().default_limits;
}

export function usageOf(principal: string): Usage {
    return rollover(usage.get(principal) ?? EMPTY_USAGE, nowS());
}

/** Synchronous check-and-reserve: runs before any await, so concurrent chats see each other's reservations. */
export function reserveFor(principal: string, want: Reservation): Result<Usage, RouterError> {
    const before = usage.get(principal);
    const r = reserve(before ?? EMPTY_USAGE, limitsOf(principal), want, nowS());
    if (r.ok) {
        usage.insert(principal, r.value);
        if (before === undefined) routerMeta.insert('principals', ((routerMeta.get('principals') as number | undefined) ?? 0) + 1);
    }
    return r;
}

export interface Totals {
    readonly requests: number;
    readonly tokens: number;
    readonly cycles: bigint;
}

/** Running totals over all principals, so the aggregate view does not scan every principal. */
export function totals(): Totals & { principals: number } {
    const t = (routerMeta.get('totals') as Totals | undefined) ?? { requests: 0, tokens: 0, cycles: 0n };
    return { ...t, principals: (routerMeta.get('principals') as number | undefined) ?? 0 };
}

export function settleFor(principal: string, r: Reservation, spent: Spent): Usage {
    const before = usage.get(principal) ?? EMPTY_USAGE;
    const next = settle(before, r, spent, nowS());
    usage.insert(principal, next);
    const t = totals();
    routerMeta.insert('totals', {
        requests: t.requests + (next.total_requests - before.total_requests),
        tokens: t.tokens + (next.total_tokens - before.total_tokens),
        cycles: t.cycles + (next.total_cycles - before.total_cycles)
    });
    return next;
}
