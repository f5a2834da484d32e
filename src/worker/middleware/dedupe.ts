import { WorkerHttpError } from '../app/http-error';
import { toErrorResponse } from '../app/error-handler';
import type { Logger, Middleware } from '../app/types';
import type { IdempotencyStore } from '../dedupe/idempotency-store';
import type { Counter } from '../metrics/metrics-registry';

/**
 * Idempotency by the token's (iss, idk): one generation per key, identical bytes for every copy
 * (docs/worker-protocol.md §3). Errors from downstream are rendered here, inside the shared promise, so the
 * copies waiting on a failed generation also receive byte-identical error bodies.
 */
export function dedupe({ store, counter, logger }: { store: IdempotencyStore; counter: Counter; logger: Logger }): Middleware {
    return async function dedupeMiddleware(ctx, next) {
        const token = ctx.token;
        if (!token) throw new Error('dedupe requires auth-token before it');
        const key = `${token.iss}\n${token.idk}`;
        const { outcome, response } = await store.run(key, token.bh, async () => {
            try {
                await next();
            } catch (error) {
                return toErrorResponse(error, logger);
            }
            if (!ctx.res) throw new Error('handler set no response');
            return ctx.res;
        });
        counter.inc({ result: outcome });
        if (outcome === 'conflict') {
            throw new WorkerHttpError(409, 'idempotency_conflict', 'this idempotency key was used with a different request body');
        }
        ctx.res = response;
    };
}
