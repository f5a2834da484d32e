/** Loads every page of a cursor-paginated list (bounded: a registry larger than the cap is cut, and says so). */
import { PAGE_SIZE_MAX } from '../../../src/shared/registry';
import { call, type ApiResult } from './api-error';

/** 200 pages × 100 = 20,000 records per table: far above the registry's size, bounded for the browser's memory. */
export const MAX_PAGES = 200;

export interface PageRequestWire {
    sort: [] | [string];
    descending: [] | [boolean];
    cursor: [] | [string];
    limit: [] | [number];
}
type PageReply<T> = { Ok: { items: T[]; next_cursor: [] | [string] } } | { Err: unknown };

export interface Loaded<T> {
    readonly items: T[];
    readonly truncated: boolean;
}

export async function loadAllPages<T>(fetchPage: (page: PageRequestWire) => Promise<PageReply<T>>): Promise<ApiResult<Loaded<T>>> {
    const items: T[] = [];
    let cursor: [] | [string] = [];
    for (let i = 0; i < MAX_PAGES; i++) {
        const r = await call(() => fetchPage({ sort: [], descending: [], cursor, limit: [PAGE_SIZE_MAX] }));
        if (!r.ok) return r;
        items.push(...r.value.items);
        if (r.value.next_cursor.length === 0) return { ok: true, value: { items, truncated: false } };
        cursor = r.value.next_cursor;
    }
    return { ok: true, value: { items, truncated: true } };
}
