import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WorkerRequest, WorkerResponse } from '../app/types';

/** IncomingMessage → WorkerRequest. Node already lower-cases header names; repeated headers are joined. */
export function toWorkerRequest(req: IncomingMessage): WorkerRequest {
    const headers: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(req.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    return {
        method: req.method ?? 'GET',
        path: q >= 0 ? url.slice(0, q) : url,
        headers,
        body: req.method === 'GET' || req.method === 'HEAD' ? null : (req as AsyncIterable<Uint8Array>)
    };
}

/** WorkerResponse → ServerResponse with an exact Content-Length and no Date header (identical bytes per answer). */
export function sendWorkerResponse(res: ServerResponse, response: WorkerResponse): void {
    res.sendDate = false;
    res.writeHead(response.status, { ...response.headers, 'content-length': String(response.body.length) });
    res.end(response.body);
}
