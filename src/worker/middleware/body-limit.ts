import { WorkerHttpError } from '../app/http-error';
import type { Middleware } from '../app/types';

/**
 * Reads the whole body into `ctx.body`, failing with 413 as soon as it exceeds `maxBytes`. A declared
 * Content-Length over the limit is rejected before reading; the count of received bytes is still enforced,
 * because a chunked body has no Content-Length (RFC 9112 §6.3: Transfer-Encoding wins over Content-Length).
 */
export function bodyLimit({ maxBytes }: { maxBytes: number }): Middleware {
    const tooLarge = (): WorkerHttpError => new WorkerHttpError(413, 'body_too_large', `request body exceeds ${maxBytes} bytes`);
    return async function bodyLimitMiddleware(ctx, next) {
        const declared = ctx.req.headers['content-length'];
        if (declared !== undefined && Number(declared) > maxBytes) throw tooLarge();
        const chunks: Uint8Array[] = [];
        let total = 0;
        if (ctx.req.body) {
            for await (const chunk of ctx.req.body) {
                total += chunk.length;
                if (total > maxBytes) throw tooLarge();
                chunks.push(chunk);
            }
        }
        const body = new Uint8Array(total);
        let at = 0;
        for (const c of chunks) {
            body.set(c, at);
            at += c.length;
        }
        ctx.body = body;
        await next();
    };
}
