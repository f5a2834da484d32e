import { describe, expect, it } from 'vitest';
import {
    decodeTableState, encodeTableState, MAX_FILTER_CHARS, MAX_SORT_KEYS, parseRange, toggleSelection,
} from '../../../frontend/src/model/table-url-state';
import { formatHash, parseHash } from '../../../frontend/src/routing/hash-route';

const q = (s: string) => new URLSearchParams(s);

describe('table URL state', () => {
    it('round-trips sorting, search, column filters, hidden columns, page and selection', () => {
        const state = {
            sorting: [{ id: 'tdp_w', desc: true }, { id: 'name', desc: false }], globalFilter: 'h100', columnFilters: [{ id: 'vendor', value: 'nvidia' }, { id: 'memory_gb', value: '40..' }],
            hidden: ['kind'], pageIndex: 2, selected: ['a', 'b'],
        };
        const changes = encodeTableState(state, q(''));
        const params = new URLSearchParams(Object.entries(changes).filter((e): e is [string, string] => e[1] !== undefined));
        expect(decodeTableState(params)).toEqual(state);
        expect(changes.sort).toBe('tdp_w.desc,name.asc');
        expect(changes['f.memory_gb']).toBe('40..');
        expect(changes.page).toBe('3');
    });

    it('clears filters that are no longer set and omits defaults', () => {
        const changes = encodeTableState({ sorting: [], globalFilter: '', columnFilters: [], hidden: [], pageIndex: 0, selected: [] }, q('f.vendor=amd&f.kind=gpu'));
        expect(changes).toEqual({ sort: undefined, q: undefined, hide: undefined, page: undefined, sel: undefined, 'f.vendor': undefined, 'f.kind': undefined });
    });

    it('bounds what a URL can ask for and drops malformed parts', () => {
        const s = decodeTableState(q(`sort=a.asc,b.desc,c.asc,d.asc,bad,x y.asc&q=${'z'.repeat(500)}&page=-4&hide=ok,BAD!,&f.=1&f.good=v`));
        expect(s.sorting.map((x) => x.id)).toEqual(['a', 'b', 'c'].slice(0, MAX_SORT_KEYS));
        expect(s.globalFilter).toHaveLength(MAX_FILTER_CHARS);
        expect(s.pageIndex).toBe(0);
        expect(s.hidden).toEqual(['ok']);
        expect(s.columnFilters).toEqual([{ id: 'good', value: 'v' }]);
        expect(decodeTableState(q('sel=a,b,c,d,e,f')).selected).toHaveLength(4);
        expect(decodeTableState(q('page=2.5')).pageIndex).toBe(0);
    });

    it('parses numeric ranges with either bound optional', () => {
        expect(parseRange('10..200')).toEqual([10, 200]);
        expect(parseRange('..5')).toEqual([undefined, 5]);
        expect(parseRange('7')).toEqual([7, undefined]);
        expect(parseRange('x..')).toEqual([undefined, undefined]);
    });

    it('keeps at most 4 picks for comparison, dropping the oldest', () => {
        expect(toggleSelection(['a', 'b', 'c', 'd'], 'e')).toEqual(['b', 'c', 'd', 'e']);
        expect(toggleSelection(['a', 'b'], 'a')).toEqual(['b']);
    });
});

describe('hash routes', () => {
    it('parses segments and query, and formats them back', () => {
        const r = parseHash('#/hardware/nvidia-h100?x=1&y=a%20b');
        expect(r.segments).toEqual(['hardware', 'nvidia-h100']);
        expect(r.query.get('y')).toBe('a b');
        expect(formatHash(['compare', 'hardware'], { ids: 'a,b', empty: '' })).toBe('#/compare/hardware?ids=a%2Cb');
        expect(parseHash(formatHash(['model', 'a/b']))).toMatchObject({ segments: ['model', 'a/b'] });
        expect(parseHash('').segments).toEqual([]);
        expect(parseHash('#/%E0%A4%A').segments).toEqual(['%E0%A4%A']);
    });
});
