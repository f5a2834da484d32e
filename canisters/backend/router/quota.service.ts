/** Quota storage around the pure reservation arithmetic (src/shared/router/quota.ts). */
import { time } from 'azle';

import type { Result } from '../../../src/shared/result';
import { EMPTY_USAGE, reserve, rollover, settle, type QuotaLimits, type Reservation, type Spent, type Usage } from '../../../src/shared/router/quota';
import type { RouterError } from '../../../src/shared/router/router-error';
import { NS_PER_S } from '../../../src/shared/router/router.constants';
import { routerConfig } from './router-config';
import { quotas, usage } from './router-stores';

const nowS = (): number => Number(time() / NS_PER_S);

export function limitsOf(principal: string): QuotaLimits {
    return quotas.get(principal) ?? routerConfig().default_limits;
}

export function usageOf(principal: string): Usage {
    return rollover(usage.get(principal) ?? EMPTY_USAGE, nowS());
}

/** Synchronous check-and-reserve: runs before any await, so concurrent chats see each other's reservations. */
export function reserveFor(principal: string, want: Reservation): Result<Usage, RouterError> {
    const r = reserve(usage.get(principal) ?? EMPTY_USAGE, limitsOf(principal), want, nowS());
    if (r.ok) usage.insert(principal, r.value);
    return r;
}

export function settleFor(principal: string, r: Reservation, spent: Spent): Usage {
    const next = settle(usage.get(principal) ?? EMPTY_USAGE, r, spent, nowS());
    usage.insert(principal, next);
    return next;
}
