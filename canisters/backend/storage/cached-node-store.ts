/**
 * A bounded, write-through heap cache of decoded index nodes in front of their StableBTreeMap, with an
 * optional write-back batch.
 *
 * Coherent by construction: every write goes through it, a trap rolls back heap and stable memory together,
 * and an upgrade starts with an empty heap. Queries see the cache of the last committed update.
 *
 * `batch(work)`: node writes inside `work` stay in the cache and are written to stable memory once, when
 * `work` returns. A bulk import rewrites the same few leaves hundreds of times (sequential ids land in one
 * leaf); each stable write encodes the whole node, so this saves most of an import's index cost. Dirty
 * nodes are never evicted during a batch (its size is bounded by the batch's own work), and the cache is
 * trimmed back to its capacity after the flush.
 */
import type { StableBTreeMap } from 'azle';

import type { IndexNode, NodeStore } from '../../../src/shared/storage/ordered-index';

export const NODE_CACHE_CAPACITY = 4_096;

export interface BatchingNodeStore extends NodeStore {
    batch<T>(work: () => T): T;
}

export function cachedNodeStore(map: StableBTreeMap<string, IndexNode>, capacity = NODE_CACHE_CAPACITY): BatchingNodeStore {
    const cache = new Map<string, IndexNode>();
    let dirty: Set<string> | null = null;
    const trim = (): void => {
        while (cache.size > capacity) cache.delete(cache.keys().next().value as string);
    };
    const remember = (key: string, node: IndexNode): void => {
        cache.delete(key);
        cache.set(key, node);
        if (dirty === null) trim();
    };
    return {
        get(key) {
            const hit = cache.get(key);
            if (hit !== undefined) return hit;
            const node = map.get(key);
            if (node !== undefined) remember(key, node);
            return node;
        },
        insert(key, node) {
            if (dirty !== null) dirty.add(key);
            else map.insert(key, node);
            remember(key, node);
        },
        remove(key) {
            dirty?.delete(key);
            map.remove(key);
            cache.delete(key);
        },
        batch(work) {
            if (dirty !== null) return work();
            const written = new Set<string>();
            dirty = written;
            try {
                return work();
            } finally {
                dirty = null;
                for (const key of written) map.insert(key, cache.get(key) as IndexNode);
                trim();
            }
        }
    };
}
