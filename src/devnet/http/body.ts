/** Reads a request body with a hard size bound (413 above it, like the replica). */
import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-error.js';

export async function readBody(req: IncomingMessage, limitBytes: number): Promise<Uint8Array> {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limitBytes) throw tooLarge(limitBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > limitBytes) throw tooLarge(limitBytes);
        chunks.push(chunk);
    }
    return new Uint8Array(Buffer.concat(chunks));
}

function tooLarge(limitBytes: number): HttpError {
    return new HttpError(413, `Request body too large: the limit is ${limitBytes} bytes.`);
}
