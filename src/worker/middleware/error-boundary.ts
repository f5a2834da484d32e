import { toErrorResponse } from '../app/error-handler';
import type { Logger, Middleware } from '../app/types';

/** Renders anything thrown further in as the coded error body (inside request-metrics, so errors are counted). */
export function errorBoundary({ logger }: { logger: Logger }): Middleware {
    return async function errorBoundaryMiddleware(ctx, next) {
        try {
            await next();
        } catch (error) {
            ctx.res = toErrorResponse(error, logger);
        }
    };
}
