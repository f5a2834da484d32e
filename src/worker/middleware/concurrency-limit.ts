import { WorkerHttpError } from '../app/http-error';
import type { Middleware } from '../app/types';
import type { KeyedSemaphore } from '../dedupe/keyed-semaphore';

/**
 * Per-canister concurrency: at most N generations of one issuer run at once, a bounded number wait, the rest
 * get 429 with Retry-After. Sits after dedupe, so the 13 copies of one outcall take one slot.
 */
export function concurrencyLimit({ semaphore }: { semaphore: KeyedSemaphore }): Middleware {
    return async function concurrencyLimitMiddleware(ctx, next) {
        const release = await semaphore.acquire(ctx.token?.iss ?? '', ctx.signal);
        if (!release) throw new WorkerHttpError(429, 'too_many_requests', 'too many concurrent requests for this canister', { 'retry-after': '1' });
        try {
            await next();
        } finally {
            release();
        }
    };
}
