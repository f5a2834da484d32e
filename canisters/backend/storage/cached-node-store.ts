/**
 * A bounded, write-through heap cache of decoded index nodes in front of their StableBTreeMap.
 *
 * Coherent by construction: every write goes through it, a trap rolls back heap and stable memory together,
 * and an upgrade starts with an empty heap. Queries see the cache of the last committed update.
 */
import type { StableBTreeMap } from 'azle';

import type { IndexNode, NodeStore } from '../../../src/shared/storage/ordered-index';

export const NODE_CACHE_CAPACITY = 4_096;

export function cachedNodeStore(map: StableBTreeMap<string, IndexNode>, capacity = NODE_CACHE_CAPACITY): NodeStore {
    const cache = new Map<string, IndexNode>();
    const remember = (key: string, node: IndexNode): void => {
        cache.delete(key);
        cache.set(key, node);
        if (cache.size > capacity) cache.delete(cache.keys().next().value as string);
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
            map.insert(key, node);
            remember(key, node);
        },
        remove(key) {
            map.remove(key);
            cache.delete(key);
        }
    };
}
