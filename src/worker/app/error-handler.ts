import { errorResponse } from './json-response';
import { isWorkerHttpError } from './http-error';
import type { Logger, WorkerResponse } from './types';

/** Turns anything thrown in the pipeline into the coded error body; unknown errors become a 500 without details. */
export function toErrorResponse(error: unknown, logger: Logger): WorkerResponse {
    if (isWorkerHttpError(error)) return errorResponse(error.status, error.code, error.message, { ...error.headers });
    logger.error('unhandled error', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    return errorResponse(500, 'internal', 'internal error');
}
