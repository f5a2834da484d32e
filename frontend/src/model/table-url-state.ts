/**
 * Table view state ↔ URL query (pure). Keys: `sort=tdp_w.desc,name.asc`, `q=<text>`, `f.<column>=<value>`
 * (text: contains; numbers: `min..max`, either side optional), `hide=<col>,<col>`, `page=<n>` (1-based),
 * `sel=<id>,<id>` (rows picked for comparison).
 */
import { COMPARE_MAX_IDS } from '../../../src/shared/registry';

export interface SortSpec { readonly id: string; readonly desc: boolean }
export interface ColumnFilterSpec { readonly id: string; readonly value: string }

export interface TableUrlState {
    readonly sorting: readonly SortSpec[];
    readonly globalFilter: string;
    readonly columnFilters: readonly ColumnFilterSpec[];
    readonly hidden: readonly string[];
    readonly pageIndex: number;
    readonly selected: readonly string[];
}

/** Bounds on what a URL may ask for: a shared link cannot make the page sort by 1,000 keys. */
export const MAX_SORT_KEYS = 3;
export const MAX_FILTER_CHARS = 128;
export const MAX_COLUMNS = 64;
export const MAX_PAGE_INDEX = 100_000;
const COLUMN_ID = /^[a-z0-9_.]{1,64}$/;

const list = (v: string | null): string[] => (v === null || v === '' ? [] : v.split(','));

export function decodeTableState(q: URLSearchParams): TableUrlState {
    const sorting = list(q.get('sort')).slice(0, MAX_SORT_KEYS).flatMap((s) => {
        const m = /^(.+)\.(asc|desc)$/.exec(s);
        return m && COLUMN_ID.test(m[1]!) ? [{ id: m[1]!, desc: m[2] === 'desc' }] : [];
    });
    const columnFilters: ColumnFilterSpec[] = [];
    for (const [k, v] of q.entries()) {
        if (!k.startsWith('f.') || columnFilters.length >= MAX_COLUMNS) continue;
        const id = k.slice(2);
        if (COLUMN_ID.test(id) && v !== '') columnFilters.push({ id, value: v.slice(0, MAX_FILTER_CHARS) });
    }
    const page = Number(q.get('page') ?? '1');
    return {
        sorting,
        globalFilter: (q.get('q') ?? '').slice(0, MAX_FILTER_CHARS),
        columnFilters,
        hidden: list(q.get('hide')).filter((c) => COLUMN_ID.test(c)).slice(0, MAX_COLUMNS),
        pageIndex: Number.isInteger(page) && page >= 1 ? Math.min(page, MAX_PAGE_INDEX) - 1 : 0,
        selected: list(q.get('sel')).slice(0, COMPARE_MAX_IDS),
    };
}

/** Query changes for {@link decodeTableState}'s keys; undefined removes a key. `previous` names filters to clear. */
export function encodeTableState(s: TableUrlState, previous: URLSearchParams): Record<string, string | undefined> {
    const out: Record<string, string | undefined> = {
        sort: s.sorting.map((x) => `${x.id}.${x.desc ? 'desc' : 'asc'}`).join(',') || undefined,
        q: s.globalFilter || undefined,
        hide: s.hidden.join(',') || undefined,
        page: s.pageIndex > 0 ? String(s.pageIndex + 1) : undefined,
        sel: s.selected.join(',') || undefined,
    };
    for (const k of previous.keys()) if (k.startsWith('f.')) out[k] = undefined;
    for (const f of s.columnFilters) out[`f.${f.id}`] = f.value || undefined;
    return out;
}

/** `"10..200"` → [10, 200]; `"..5"` → [undefined, 5]; `"7"` → [7, undefined]. Non-numbers are ignored. */
export function parseRange(text: string): [number | undefined, number | undefined] {
    const [lo, hi] = text.includes('..') ? text.split('..') : [text, ''];
    const num = (s: string | undefined) => (s === undefined || s.trim() === '' || !Number.isFinite(Number(s)) ? undefined : Number(s));
    return [num(lo), num(hi)];
}

/** Toggles an id in the compare selection, keeping at most COMPARE_MAX_IDS (the oldest pick is dropped). */
export function toggleSelection(selected: readonly string[], id: string): string[] {
    if (selected.includes(id)) return selected.filter((x) => x !== id);
    return [...selected, id].slice(-COMPARE_MAX_IDS);
}
