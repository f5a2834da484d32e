/**
 * A collection of records in a StableBTreeMap (keyed by id) with ordered secondary indexes, one per
 * sortable field, kept in the shared index-node map. Listing walks an index from a cursor, so a page costs
 * O(log n + scanned keys), independent of the collection size.
 */
import type { StableBTreeMap } from 'azle';

import { OrderedIndex, type NodeStore, type ScanDirection } from '../../../src/shared/storage/ordered-index';
import { idOfKey, indexKey, NULL_PREFIX, VALUE_PREFIX } from '../../../src/shared/storage/sort-keys';
import type { SortValue } from '../../../src/shared/registry/index-definitions';

/** Keys one list call may visit before it returns a partial page with a cursor (bounds instructions). */
export const MAX_KEYS_SCANNED_PER_CALL = 2_000;
const CURSOR_SEPARATOR = '~';

export interface ListOptions<T> {
    sort: string;
    direction: ScanDirection;
    cursor: string | null;
    limit: number;
    filter: (record: T) => boolean;
}

export type ListOutcome<T> =
    | { ok: true; items: T[]; nextCursor: string | null; scanned: number }
    | { ok: false; field: 'cursor' | 'sort'; reason: string };

export class EntityCollection<T extends object> {
    private readonly indexes: Map<string, OrderedIndex>;
    private readonly sortFields: Record<string, (record: T) => SortValue>;

    constructor(
        readonly kind: string,
        private readonly records: StableBTreeMap<string, T>,
        nodes: NodeStore,
        private readonly idOf: (record: T) => string,
        sortFields: Record<string, (record: T) => SortValue>
    ) {
        // Every collection is also ordered by id (export and default listings walk it).
        this.sortFields = { id: (record: T) => this.idOf(record), ...sortFields };
        this.indexes = new Map(Object.keys(this.sortFields).map((f) => [f, new OrderedIndex(nodes, `${kind}:${f}`)]));
    }

    get(id: string): T | undefined {
        return this.records.get(id);
    }

    has(id: string): boolean {
        return this.records.containsKey(id);
    }

    count(): number {
        return Number(this.records.len());
    }

    sortFieldNames(): string[] {
        return [...this.indexes.keys()];
    }

    /** Inserts or replaces a record; returns the previous version. Index keys move with changed values. */
    put(record: T): T | undefined {
        const id = this.idOf(record);
        const previous = this.records.get(id);
        for (const [field, extract] of Object.entries(this.sortFields)) {
            const index = this.indexes.get(field) as OrderedIndex;
            const newKey = indexKey(extract(record), id);
            if (previous !== undefined) {
                const oldKey = indexKey(extract(previous), id);
                if (oldKey === newKey) continue;
                index.delete(oldKey);
            }
            index.add(newKey);
        }
        this.records.insert(id, record);
        return previous;
    }

    list(options: ListOptions<T>): ListOutcome<T> {
        const index = this.indexes.get(options.sort);
        if (index === undefined) return { ok: false, field: 'sort', reason: `unknown sort field ${options.sort}; one of ${this.sortFieldNames().join(', ')}` };
        let startKey: string | undefined;
        if (options.cursor !== null) {
            const [field, direction, key] = options.cursor.split(CURSOR_SEPARATOR);
            if (field !== options.sort || direction !== options.direction || key === undefined || key === '') {
                return { ok: false, field: 'cursor', reason: 'cursor does not belong to this sort field and direction' };
            }
            startKey = key;
        }
        // Values first (in the requested direction), unknowns (null) last, in id order.
        const phases: { prefix: string; direction: ScanDirection }[] = [
            { prefix: VALUE_PREFIX, direction: options.direction },
            { prefix: NULL_PREFIX, direction: 'asc' }
        ];
        const firstPhase = startKey?.startsWith(NULL_PREFIX) ? 1 : 0;
        const items: T[] = [];
        let scanned = 0;
        let lastKey: string | undefined = startKey;
        for (let phase = firstPhase; phase < phases.length; phase++) {
            const { prefix, direction } = phases[phase] as { prefix: string; direction: ScanDirection };
            let after = phase === firstPhase ? startKey : undefined;
            for (;;) {
                const budget = Math.min(options.limit - items.length + 1, MAX_KEYS_SCANNED_PER_CALL - scanned);
                const page = index.scan({ after, prefix, direction, limit: budget });
                for (const key of page.keys) {
                    if (items.length === options.limit) return { ok: true, items, nextCursor: this.cursor(options, lastKey as string), scanned };
                    scanned++;
                    lastKey = key;
                    const record = this.records.get(idOfKey(key));
                    if (record !== undefined && options.filter(record)) items.push(record);
                }
                if (page.exhausted) break;
                if (scanned >= MAX_KEYS_SCANNED_PER_CALL) return { ok: true, items, nextCursor: this.cursor(options, lastKey as string), scanned };
                after = lastKey;
            }
        }
        return { ok: true, items, nextCursor: null, scanned };
    }

    private cursor(options: ListOptions<T>, key: string): string {
        return [options.sort, options.direction, key].join(CURSOR_SEPARATOR);
    }
}
