import { describe, expect, it } from 'vitest';
import { OrderedIndex, type IndexNode, type NodeStore } from '../../../src/shared/storage/ordered-index';
import { encodeNumber, idOfKey, indexKey } from '../../../src/shared/storage/sort-keys';

/** A store that counts reads, to check that a page costs O(log n + page) node reads. */
function memoryStore(): NodeStore & { reads: number; nodes: Map<string, IndexNode> } {
    const nodes = new Map<string, IndexNode>();
    const store = {
        reads: 0,
        nodes,
        get(key: string) {
            store.reads++;
            const n = nodes.get(key);
            return n === undefined ? undefined : structuredClone(n);
        },
        insert(key: string, node: IndexNode) {
            nodes.set(key, structuredClone(node));
        },
        remove(key: string) {
            nodes.delete(key);
        }
    };
    return store;
}

/** Deterministic pseudo-random numbers (mulberry32) so failures reproduce. */
function rng(seed: number): () => number {
    let a = seed;
    return () => {
        a = (a + 0x6d2b79f5) | 0;
        let t = Math.imul(a ^ (a >>> 15), 1 | a);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

function scanAll(index: OrderedIndex, direction: 'asc' | 'desc', pageSize: number, prefix?: string): string[] {
    const out: string[] = [];
    let after: string | undefined;
    for (;;) {
        const page = index.scan({ after, direction, limit: pageSize, prefix });
        out.push(...page.keys);
        if (page.exhausted || page.keys.length === 0) return out;
        after = page.keys[page.keys.length - 1];
    }
}

describe('OrderedIndex', () => {
    it('matches a sorted array model under random inserts and deletes', () => {
        const random = rng(42);
        const index = new OrderedIndex(memoryStore(), 't');
        const model = new Set<string>();
        for (let i = 0; i < 5000; i++) {
            const key = `k${Math.floor(random() * 3000).toString().padStart(5, '0')}`;
            if (random() < 0.7) expect(index.add(key)).toBe(!model.has(key)), model.add(key);
            else expect(index.delete(key)).toBe(model.has(key)), model.delete(key);
        }
        const sorted = [...model].sort();
        expect(scanAll(index, 'asc', 37)).toEqual(sorted);
        expect(scanAll(index, 'desc', 50)).toEqual([...sorted].reverse());
        for (const k of sorted.slice(0, 50)) expect(index.has(k)).toBe(true);
        expect(index.has('nope')).toBe(false);
    });

    it('pages without gaps or duplicates while keys are inserted between pages', () => {
        const index = new OrderedIndex(memoryStore(), 't');
        for (let i = 0; i < 1000; i += 2) index.add(`k${i.toString().padStart(4, '0')}`);
        const seen: string[] = [];
        let after: string | undefined;
        let inserted = 1;
        for (;;) {
            const page = index.scan({ after, limit: 25 });
            seen.push(...page.keys);
            if (page.exhausted) break;
            after = page.keys[page.keys.length - 1];
            // Insert odd keys on both sides of the cursor: those after it must appear, none twice.
            index.add(`k${inserted.toString().padStart(4, '0')}`);
            index.add(`k${(inserted + 500).toString().padStart(4, '0')}`);
            inserted += 2;
        }
        expect(new Set(seen).size).toBe(seen.length);
        expect([...seen].sort()).toEqual(seen);
        for (let i = 0; i < 1000; i += 2) expect(seen).toContain(`k${i.toString().padStart(4, '0')}`);
    });

    it('reads O(log n + page) nodes for a page deep in a large index', () => {
        const store = memoryStore();
        const index = new OrderedIndex(store, 't');
        for (let i = 0; i < 100_000; i++) index.add(`k${i.toString().padStart(6, '0')}`);
        store.reads = 0;
        const page = index.scan({ after: 'k099000', limit: 50 });
        expect(page.keys[0]).toBe('k099001');
        expect(page.keys).toHaveLength(50);
        // Sequential inserts leave leaves half full (32 keys): 1 meta + 4 levels + at most 3 leaves for 50 keys.
        expect(store.reads).toBeLessThanOrEqual(8);
    });

    it('scans a prefix range in both directions', () => {
        const index = new OrderedIndex(memoryStore(), 't');
        for (const k of ['a1', 'b1', 'b2', 'b3', 'c1']) index.add(k);
        expect(scanAll(index, 'asc', 2, 'b')).toEqual(['b1', 'b2', 'b3']);
        expect(scanAll(index, 'desc', 2, 'b')).toEqual(['b3', 'b2', 'b1']);
        expect(index.scan({ prefix: 'x', limit: 10 })).toEqual({ keys: [], exhausted: true });
    });

    it('keeps trees apart in one store', () => {
        const store = memoryStore();
        const a = new OrderedIndex(store, 'a');
        const b = new OrderedIndex(store, 'b');
        a.add('x');
        b.add('y');
        expect(a.scan({ limit: 10 }).keys).toEqual(['x']);
        expect(b.scan({ limit: 10 }).keys).toEqual(['y']);
    });
});

describe('sort keys', () => {
    it('orders numbers numerically, nulls after values', () => {
        const values = [-1e9, -2.5, -0, 0, 1e-9, 3, 10, 1e12];
        const encoded = values.map(encodeNumber);
        expect([...encoded].sort()).toEqual(encoded);
        expect(indexKey(null, 'a') > indexKey(1e300, 'a')).toBe(true);
        expect(idOfKey(indexKey('NVIDIA', 'h100-sxm'))).toBe('h100-sxm');
        expect(indexKey('NVIDIA', 'x')).toBe(indexKey('nvidia', 'x'));
    });
});

import { decodeNode, encodeNode, isStorableKey } from '../../../src/shared/storage/node-codec';
import { encodeText } from '../../../src/shared/storage/sort-keys';

describe('node codec', () => {
    it('round-trips leaves, inner nodes and meta', () => {
        const nodes: IndexNode[] = [
            { t: 'leaf', k: [indexKey('Grace Hopper', 'gh200'), indexKey(3.5, 'x')], next: 7, prev: null },
            { t: 'leaf', k: [], next: null, prev: 2 },
            { t: 'inner', k: ['b', 'c'], c: [1, 5, 9] },
            { t: 'meta', root: 12, nextId: 40 }
        ];
        for (const n of nodes) expect(decodeNode(encodeNode(n))).toEqual(n);
    });

    it('keeps only storable characters in text keys', () => {
        const key = indexKey('Gaudi® 3 "HL-325L" \\ ünïcode', 'gaudi-3');
        expect(isStorableKey(key)).toBe(true);
        expect(encodeText('AMD Instinct MI300X')).toBe('amd instinct mi300x');
    });
});
