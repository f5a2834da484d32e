/**
 * The one error type of the gateway (Hono's HTTPException): thrown by middlewares and routes for "fatal for this
 * request", turned into `{ "error": { "code", "message" } }` with `status` by the app's error handler.
 * Codes are stable (docs/worker-protocol.md §4).
 */
export class WorkerHttpError extends Error {
    override name = 'WorkerHttpError';
    constructor(
        readonly status: number,
        readonly code: string,
        message: string,
        readonly headers: Readonly<Record<string, string>> = {}
    ) {
        super(message);
    }
}

export const isWorkerHttpError = (e: unknown): e is WorkerHttpError => e instanceof WorkerHttpError;
