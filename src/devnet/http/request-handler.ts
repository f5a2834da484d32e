/**
 * The node:http request listener: CORS, routing, bounded bodies, and errors turned into the replica's text
 * answers. It never lets a malformed request crash the server.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleCall } from './call-endpoint.js';
import { setCorsHeaders } from './cors.js';
import type { EndpointContext } from './endpoint-context.js';
import { readBody } from './body.js';
import { HttpError } from './http-error.js';
import { textReply, type HttpReply } from './http-reply.js';
import { MAX_REQUEST_BODY_BYTES } from './limits.constants.js';
import { handleQuery } from './query-endpoint.js';
import { handleReadState } from './read-state-endpoint.js';
import { parseRoute } from './routes.js';
import { handleStatus } from './status-endpoint.js';

/** A handler for paths outside /api/ (the dev identity provider); undefined = not handled. */
export type ExtraHandler = (req: IncomingMessage, url: URL) => Promise<HttpReply | undefined> | HttpReply | undefined;

export interface Logger {
    error(message: string): void;
}

/** One answered request, for access logs and tests that check which endpoints clients use. */
export interface RequestRecordEvent {
    method: string;
    path: string;
    status: number;
    durationMs: number;
}

export interface ListenerOptions {
    extra?: ExtraHandler;
    logger?: Logger;
    onRequest?: (event: RequestRecordEvent) => void;
}

export function createRequestListener(ctx: EndpointContext, { extra, logger, onRequest }: ListenerOptions = {}) {
    return (req: IncomingMessage, res: ServerResponse): void => {
        const started = performance.now();
        void respond(ctx, req, extra, logger)
            .catch((e: unknown) => textReply(500, `Internal error: ${(e as Error).message}`))
            .then((reply) => {
                write(req, res, reply);
                onRequest?.({ method: req.method ?? '', path: (req.url ?? '').slice(0, 300), status: reply.status, durationMs: performance.now() - started });
            });
    };
}

async function respond(ctx: EndpointContext, req: IncomingMessage, extra: ExtraHandler | undefined, logger: Logger | undefined): Promise<HttpReply> {
    try {
        if (req.method === 'OPTIONS') return { status: 204 };
        const url = new URL(req.url ?? '/', 'http://devnet.invalid');
        if (!url.pathname.startsWith('/api/')) {
            const reply = extra ? await extra(req, url) : undefined;
            return reply ?? textReply(404, `Not found: ${url.pathname.slice(0, 200)}`);
        }
        const route = parseRoute(req.method ?? 'GET', url.pathname);
        if (route.kind === 'status') return handleStatus(ctx);
        const body = await readBody(req, MAX_REQUEST_BODY_BYTES);
        switch (route.kind) {
            case 'query':
                return await handleQuery(ctx, route.target, body);
            case 'call':
                return await handleCall(ctx, route.version, route.target, body);
            case 'read_state':
                return handleReadState(ctx, route.target, body);
        }
    } catch (e) {
        if (e instanceof HttpError) return textReply(e.status, e.message);
        logger?.error(`devnet http: ${req.method} ${req.url}: ${(e as Error).stack ?? String(e)}`);
        return textReply(500, `Internal error: ${(e as Error).message}`);
    }
}

function write(req: IncomingMessage, res: ServerResponse, reply: HttpReply): void {
    if (res.headersSent) return;
    setCorsHeaders(req, res);
    if (reply.contentType) res.setHeader('Content-Type', reply.contentType);
    for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
    // An unread oversize body: close the connection rather than draining megabytes.
    if (reply.status === 413) res.setHeader('Connection', 'close');
    res.statusCode = reply.status;
    res.end(reply.body ?? undefined);
}
