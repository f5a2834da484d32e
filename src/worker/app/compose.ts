import type { Middleware, Next, WorkerContext } from './types';

/**
 * Runs middlewares in order, each deciding whether to call `next` (Hono's `compose.ts`). Calling `next` twice
 * is a programming error and throws.
 */
export function compose(middlewares: readonly Middleware[], handler: (ctx: WorkerContext) => Promise<void>): (ctx: WorkerContext) => Promise<void> {
    return function composed(ctx: WorkerContext): Promise<void> {
        let last = -1;
        const dispatch = (i: number): Promise<void> => {
            if (i <= last) return Promise.reject(new Error('next() called more than once'));
            last = i;
            if (i === middlewares.length) return handler(ctx);
            const next: Next = () => dispatch(i + 1);
            return middlewares[i](ctx, next);
        };
        return dispatch(0);
    };
}
