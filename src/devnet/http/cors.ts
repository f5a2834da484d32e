/** CORS for browser agents: `application/cbor` POSTs are preflighted (ic-interface notes §2.2). */
import type { IncomingMessage, ServerResponse } from 'node:http';

export function setCorsHeaders(req: IncomingMessage, res: ServerResponse): void {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    const requested = req.headers['access-control-request-headers'];
    res.setHeader('Access-Control-Allow-Headers', typeof requested === 'string' && requested.length < 1024 ? requested : 'Accept, Authorization, Content-Type');
    res.setHeader('Access-Control-Max-Age', '7200');
}
