/**
 * A registry table on TanStack Table: sorting (shift-click for several keys), a text search, per-column
 * filters (text contains / numeric range `min..max`), column choice, pagination and row picks for comparison.
 * All of it is URL state (model/table-url-state.ts).
 */
import { Fragment, useMemo, useState, type ReactNode } from 'react';
import {
    flexRender, getCoreRowModel, getFilteredRowModel, getPaginationRowModel, getSortedRowModel, useReactTable,
    type ColumnDef, type FilterFn, type Row,
} from '@tanstack/react-table';
import { parseRange, toggleSelection, type TableUrlState } from '../model/table-url-state';
import { ColumnPicker } from './column-picker';

export const PAGE_SIZE = 50;

export interface ColumnMeta { label: string; numeric?: boolean; derived?: boolean; unit?: string }

/** Numeric range filter over `min..max` text; rows with unknown values are excluded when a bound is set. */
export const rangeFilter: FilterFn<unknown> = (row, columnId, value: string) => {
    const [lo, hi] = parseRange(value);
    if (lo === undefined && hi === undefined) return true;
    const v = row.getValue<number | null>(columnId);
    if (v === null || v === undefined) return false;
    return (lo === undefined || v >= lo) && (hi === undefined || v <= hi);
};

const textFilter: FilterFn<unknown> = (row, columnId, value: string) => {
    const v = row.getValue<unknown>(columnId);
    return v !== null && v !== undefined && String(v).toLowerCase().includes(value.toLowerCase());
};

export interface DataTableProps<T> {
    readonly data: readonly T[];
    readonly columns: ColumnDef<T, unknown>[];
    readonly state: TableUrlState;
    readonly onState: (next: TableUrlState) => void;
    readonly getRowId: (row: T) => string;
    readonly label: string;
    /** Shown above the table when rows are picked; omit to disable picking. */
    readonly onCompare?: (ids: readonly string[]) => void;
    /** Expandable detail under a row (e.g. a model's variants and scores); omit for flat rows. */
    readonly renderDetail?: (row: T) => ReactNode;
}

export function DataTable<T>({ data, columns, state, onState, getRowId, label, onCompare, renderDetail }: DataTableProps<T>) {
    const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
    const toggle = (id: string) => setOpen((o) => { const n = new Set(o); if (!n.delete(id)) n.add(id); return n; });
    const cols = useMemo(() => columns.map((c) => {
        const meta = c.meta as ColumnMeta | undefined;
        return { ...c, filterFn: (meta?.numeric ? rangeFilter : textFilter) as FilterFn<T> };
    }), [columns]);
    const table = useReactTable<T>({
        data: data as T[],
        columns: cols,
        getRowId: (row) => getRowId(row),
        state: {
            sorting: [...state.sorting],
            globalFilter: state.globalFilter,
            columnFilters: state.columnFilters.map((f) => ({ ...f })),
            columnVisibility: Object.fromEntries(state.hidden.map((h) => [h, false])),
            pagination: { pageIndex: state.pageIndex, pageSize: PAGE_SIZE },
        },
        onSortingChange: (u) => onState({ ...state, sorting: typeof u === 'function' ? u([...state.sorting]) : u, pageIndex: 0 }),
        onGlobalFilterChange: (u) => onState({ ...state, globalFilter: String(typeof u === 'function' ? u(state.globalFilter) : u ?? ''), pageIndex: 0 }),
        onColumnFiltersChange: (u) => {
            const next = typeof u === 'function' ? u(state.columnFilters.map((f) => ({ ...f }))) : u;
            onState({ ...state, columnFilters: next.map((f) => ({ id: f.id, value: String(f.value ?? '') })).filter((f) => f.value !== ''), pageIndex: 0 });
        },
        onColumnVisibilityChange: (u) => {
            const current = Object.fromEntries(state.hidden.map((h) => [h, false]));
            const next = typeof u === 'function' ? u(current) : u;
            onState({ ...state, hidden: Object.entries(next).filter(([, visible]) => !visible).map(([id]) => id) });
        },
        onPaginationChange: (u) => onState({ ...state, pageIndex: (typeof u === 'function' ? u({ pageIndex: state.pageIndex, pageSize: PAGE_SIZE }) : u).pageIndex }),
        globalFilterFn: 'includesString',
        getCoreRowModel: getCoreRowModel(),
        getSortedRowModel: getSortedRowModel(),
        getFilteredRowModel: getFilteredRowModel(),
        getPaginationRowModel: getPaginationRowModel(),
        autoResetPageIndex: false,
        enableMultiSort: true,
        sortDescFirst: false,
    });
    const rows = table.getRowModel().rows;
    const total = table.getFilteredRowModel().rows.length;
    const pick = (row: Row<T>) => onState({ ...state, selected: toggleSelection(state.selected, row.id) });

    return (
        <section className="table-wrap" aria-label={label}>
            <div className="table-toolbar">
                <input type="search" className="search" aria-label={`Search ${label}`} placeholder={`Search ${label}…`} value={state.globalFilter}
                    onChange={(e) => table.setGlobalFilter(e.target.value)} />
                <ColumnPicker table={table} />
                <span className="muted" role="status" data-testid="row-count">{total} of {data.length} rows</span>
                {onCompare && state.selected.length > 0 && (
                    <button type="button" className="primary" onClick={() => onCompare(state.selected)} disabled={state.selected.length < 2}>
                        Compare {state.selected.length} {state.selected.length < 2 ? '(pick 2–4)' : ''}
                    </button>
                )}
            </div>
            <div className="table-scroll">
                <table className="data-table">
                    <thead>
                        {table.getHeaderGroups().map((hg) => (
                            <tr key={hg.id}>
                                {renderDetail && <th scope="col"><span className="sr-only">Details</span></th>}
                                {onCompare && <th scope="col"><span className="sr-only">Compare</span></th>}
                                {hg.headers.map((h) => {
                                    const meta = h.column.columnDef.meta as ColumnMeta | undefined;
                                    const sorted = h.column.getIsSorted();
                                    return (
                                        <th key={h.id} scope="col" aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'} className={meta?.numeric ? 'num' : undefined}>
                                            <button type="button" className="sort" onClick={h.column.getToggleSortingHandler()} title="Sort (shift-click: add a sort key)">
                                                {flexRender(h.column.columnDef.header, h.getContext())}
                                                {meta?.derived && <span className="derived-tag" title="Derived: computed from stored fields, not a vendor figure">derived</span>}
                                                <span aria-hidden="true" className="sort-mark">{sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}</span>
                                            </button>
                                            <input className="col-filter" aria-label={`Filter ${meta?.label ?? h.id}`} placeholder={meta?.numeric ? 'min..max' : 'filter'}
                                                value={String(h.column.getFilterValue() ?? '')} onChange={(e) => h.column.setFilterValue(e.target.value)} />
                                        </th>
                                    );
                                })}
                            </tr>
                        ))}
                    </thead>
                    <tbody>
                        {rows.map((row) => (
                            <Fragment key={row.id}>
                            <tr className={state.selected.includes(row.id) ? 'picked' : undefined}>
                                {renderDetail && (
                                    <td><button type="button" className="expand" aria-expanded={open.has(row.id)} aria-label={`${open.has(row.id) ? 'Hide' : 'Show'} details of ${row.id}`} onClick={() => toggle(row.id)}>{open.has(row.id) ? '▾' : '▸'}</button></td>
                                )}
                                {onCompare && (
                                    <td><input type="checkbox" aria-label={`Pick ${row.id} for comparison`} checked={state.selected.includes(row.id)} onChange={() => pick(row)} /></td>
                                )}
                                {row.getVisibleCells().map((cell) => {
                                    const meta = cell.column.columnDef.meta as ColumnMeta | undefined;
                                    return <td key={cell.id} className={meta?.numeric ? 'num' : undefined}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>;
                                })}
                            </tr>
                            {renderDetail && open.has(row.id) && (
                                <tr className="row-detail"><td colSpan={row.getVisibleCells().length + (onCompare ? 2 : 1)}>{renderDetail(row.original)}</td></tr>
                            )}
                            </Fragment>
                        ))}
                    </tbody>
                </table>
                {rows.length === 0 && <p className="empty">No rows match. Clear the search or the column filters.</p>}
            </div>
            <nav className="pager" aria-label={`${label} pages`}>
                <button type="button" onClick={() => table.previousPage()} disabled={!table.getCanPreviousPage()}>Previous</button>
                <span>Page {table.getState().pagination.pageIndex + 1} of {Math.max(1, table.getPageCount())}</span>
                <button type="button" onClick={() => table.nextPage()} disabled={!table.getCanNextPage()}>Next</button>
            </nav>
        </section>
    );
}
