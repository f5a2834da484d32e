/** URL routing of the IC HTTP interface (https-interface.md §"Overview"; every client generation, notes §2.1). */
import { Principal } from '@dfinity/principal';
import { HttpError, badRequest } from './http-error.js';

export type Target = { kind: 'canister'; id: Principal } | { kind: 'subnet'; id: Principal };

export type Route =
    | { kind: 'status' }
    | { kind: 'query'; version: 2 | 3; target: Target }
    | { kind: 'call'; version: 2 | 3 | 4; target: Target }
    | { kind: 'read_state'; version: 2 | 3; target: Target };

const API = /^\/api\/v([234])\/(canister|subnet)\/([^/]{1,100})\/(query|call|read_state)$/;

/** Returns the route for an /api/ path, or throws 404/400 HttpErrors. */
export function parseRoute(method: string, pathname: string): Route {
    if (pathname === '/api/v2/status') {
        if (method !== 'GET') throw new HttpError(405, 'Method not allowed: use GET for /api/v2/status');
        return { kind: 'status' };
    }
    const m = API.exec(pathname);
    if (!m) throw new HttpError(404, `Not found: ${pathname.slice(0, 200)}`);
    const version = Number(m[1]) as 2 | 3 | 4;
    const [, , targetKind, idText, endpoint] = m as unknown as [string, string, 'canister' | 'subnet', string, Route['kind']];
    const supported =
        (endpoint === 'call' && (version !== 2 || targetKind === 'canister')) ||
        (endpoint === 'query' && version !== 4 && (version === 3 || targetKind === 'canister')) ||
        (endpoint === 'read_state' && version !== 4 && (version === 3 || targetKind === 'canister'));
    if (!supported) throw new HttpError(404, `Not found: ${pathname.slice(0, 200)}`);
    if (method !== 'POST') throw new HttpError(405, `Method not allowed: use POST for ${endpoint}`);
    let id: Principal;
    try {
        id = Principal.fromText(decodeURIComponent(idText!));
    } catch {
        throw badRequest(`Invalid ${targetKind} id in URL: ${idText!.slice(0, 100)}`);
    }
    const target: Target = { kind: targetKind, id };
    if (endpoint === 'call') return { kind: 'call', version, target };
    return { kind: endpoint, version: version as 2 | 3, target };
}
