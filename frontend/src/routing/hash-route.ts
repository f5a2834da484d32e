/**
 * Hash routes (`#/explore/hardware?sort=tdp_w.desc`): they work on an asset canister without server rewrites,
 * and every view's state (sorting, filters, columns, selections) lives in the query so a URL reproduces a view.
 */
export interface Route {
    readonly segments: readonly string[];
    readonly query: URLSearchParams;
}

/** Longest hash accepted; longer ones are cut (URLs are shared in chats and issues). */
export const HASH_MAX_CHARS = 4096;

/** @example parseHash('#/hardware/h100?x=1') → { segments: ['hardware', 'h100'], query: x=1 } */
export function parseHash(hash: string): Route {
    const text = hash.slice(0, HASH_MAX_CHARS).replace(/^#\/?/, '');
    const q = text.indexOf('?');
    const path = q < 0 ? text : text.slice(0, q);
    const segments = path.split('/').filter((s) => s !== '').map((s) => safeDecode(s));
    return { segments, query: new URLSearchParams(q < 0 ? '' : text.slice(q + 1)) };
}

/** Inverse of {@link parseHash}; empty query values are dropped. */
export function formatHash(segments: readonly string[], query?: URLSearchParams | Record<string, string | undefined>): string {
    const params = new URLSearchParams();
    const entries = query instanceof URLSearchParams ? [...query.entries()] : Object.entries(query ?? {});
    for (const [k, v] of entries) if (v !== undefined && v !== '') params.set(k, v);
    const qs = params.toString();
    return `#/${segments.map(encodeURIComponent).join('/')}${qs === '' ? '' : `?${qs}`}`;
}

function safeDecode(s: string): string {
    try {
        return decodeURIComponent(s);
    } catch {
        return s;
    }
}
