/** An HTTP-level error (4xx/5xx with a text/plain body, as the replica answers). */
export class HttpError extends Error {
    override name = 'HttpError';
    constructor(
        readonly status: number,
        message: string
    ) {
        super(message);
    }
}

export const badRequest = (message: string): HttpError => new HttpError(400, message);
