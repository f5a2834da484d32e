import { WorkerHttpError } from '../app/http-error';
import type { Middleware } from '../app/types';

/**
 * Gives the rest of the pipeline `ms` milliseconds (queue wait + generation): on expiry it aborts `ctx.signal`
 * (the runtime stops generating) and answers 504. `shutdown` aborts all in-flight work on forced shutdown.
 */
export function timeout({ ms, shutdown }: { ms: number; shutdown?: AbortSignal }): Middleware {
    return async function timeoutMiddleware(ctx, next) {
        const controller = new AbortController();
        const signals = shutdown ? [controller.signal, shutdown] : [controller.signal];
        ctx.signal = AbortSignal.any(signals);
        let timer: ReturnType<typeof setTimeout> | undefined;
        const expired = new Promise<never>((_, reject) => {
            timer = setTimeout(() => {
                const error = new WorkerHttpError(504, 'upstream_timeout', `no answer from the runtime within ${ms} ms`);
                controller.abort(error);
                reject(error);
            }, ms);
        });
        try {
            await Promise.race([next(), expired]);
        } finally {
            clearTimeout(timer);
        }
    };
}
