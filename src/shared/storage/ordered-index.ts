/**
 * An ordered set of string keys stored as a B+tree whose nodes live in a key-value store.
 *
 * Why: Azle's StableBTreeMap has get/insert/remove but no range scan from a key (its `keys(start, n)` skips
 * `start` entries one by one), so cursor pagination over it costs O(position). Keeping our own B+tree in
 * one StableBTreeMap makes a page read O(log n + page): descend to the cursor's leaf, then follow leaf links.
 *
 * Many trees share one store: node keys are `<tree>/<node id>`. Deletion removes keys from leaves without
 * merging; an emptied leaf stays linked (scans step over it) until its parent is rewritten. Registries
 * delete rarely, so the simplicity is worth it.
 */

/** The subset of a map the tree needs (a StableBTreeMap in the canister, a Map in tests). */
export interface NodeStore {
    get(key: string): IndexNode | undefined;
    insert(key: string, node: IndexNode): void;
    remove(key: string): void;
}

export type IndexNode =
    | { t: 'leaf'; k: string[]; next: number | null; prev: number | null }
    | { t: 'inner'; k: string[]; c: number[] }
    | { t: 'meta'; root: number; nextId: number };

/** Keys per node: large enough that a 100k-entry tree is 3 levels, small enough to decode cheaply. */
export const INDEX_NODE_CAPACITY = 64;

export type ScanDirection = 'asc' | 'desc';

export interface ScanOptions {
    /** Start after this key (exclusive); absent = from the first (asc) or last (desc) key. */
    after?: string;
    /** Only keys starting with this prefix. */
    prefix?: string;
    direction?: ScanDirection;
    /** Stop after visiting this many keys (bounds the work of one call). */
    limit: number;
}

export class OrderedIndex {
    constructor(
        private readonly store: NodeStore,
        private readonly tree: string
    ) {}

    private key(id: number | 'meta'): string {
        return `${this.tree}/${id}`;
    }

    private meta(): Extract<IndexNode, { t: 'meta' }> {
        const meta = this.store.get(this.key('meta'));
        if (meta?.t === 'meta') return meta;
        const fresh = { t: 'meta' as const, root: 1, nextId: 2 };
        this.store.insert(this.key(1), { t: 'leaf', k: [], next: null, prev: null });
        this.store.insert(this.key('meta'), fresh);
        return fresh;
    }

    private node(id: number): Exclude<IndexNode, { t: 'meta' }> {
        const node = this.store.get(this.key(id));
        if (node === undefined || node.t === 'meta') throw new Error(`index ${this.tree}: missing node ${id}`);
        return node;
    }

    /** Inserts `key`; returns false if it was already present. */
    add(key: string): boolean {
        const meta = this.meta();
        const path: number[] = [];
        let id = meta.root;
        let node = this.node(id);
        while (node.t === 'inner') {
            path.push(id);
            id = node.c[childSlot(node.k, key)] as number;
            node = this.node(id);
        }
        const at = lowerBound(node.k, key);
        if (node.k[at] === key) return false;
        node.k.splice(at, 0, key);
        const { root, nextId } = meta;
        this.splitUpwards(meta, path, id, node);
        // The meta node changes only when a split allocates nodes; writing it on every add doubled the cost.
        if (meta.root !== root || meta.nextId !== nextId) this.store.insert(this.key('meta'), meta);
        return true;
    }

    /** Removes `key`; returns false if it was absent. */
    delete(key: string): boolean {
        const meta = this.meta();
        const id = this.leafFor(meta.root, key);
        const leaf = this.node(id);
        const at = lowerBound(leaf.k, key);
        if (leaf.k[at] !== key) return false;
        leaf.k.splice(at, 1);
        this.store.insert(this.key(id), leaf);
        return true;
    }

    has(key: string): boolean {
        const leaf = this.node(this.leafFor(this.meta().root, key));
        return leaf.k[lowerBound(leaf.k, key)] === key;
    }

    /**
     * Keys in order after `after`, at most `limit` of them. Returns `exhausted` when the tree (or the
     * prefix range) has no more keys, so a caller can tell a short page from the end.
     */
    scan(options: ScanOptions): { keys: string[]; exhausted: boolean } {
        const direction = options.direction ?? 'asc';
        const meta = this.meta();
        const prefix = options.prefix ?? '';
        const keys: string[] = [];
        if (options.limit <= 0) return { keys, exhausted: false };
        let start: string | undefined = options.after;
        if (start === undefined && prefix !== '') start = direction === 'asc' ? prefix : prefix + '\uffff';
        let id: number | null = start === undefined ? this.edgeLeaf(meta.root, direction) : this.leafFor(meta.root, start);
        let first = true;
        while (id !== null) {
            const leaf = this.node(id) as Extract<IndexNode, { t: 'leaf' }>;
            const ordered = direction === 'asc' ? leaf.k : [...leaf.k].reverse();
            for (const k of ordered) {
                if (first && start !== undefined) {
                    const before = direction === 'asc' ? k < start : k > start;
                    const skip = before || (k === start && options.after !== undefined);
                    if (skip) continue;
                }
                if (!k.startsWith(prefix)) {
                    const pastRange = direction === 'asc' ? k > prefix : k < prefix;
                    if (pastRange) return { keys, exhausted: true };
                    continue;
                }
                if (keys.length === options.limit) return { keys, exhausted: false };
                keys.push(k);
            }
            first = false;
            id = direction === 'asc' ? leaf.next : leaf.prev;
        }
        return { keys, exhausted: true };
    }

    private leafFor(root: number, key: string): number {
        let id = root;
        let node = this.node(id);
        while (node.t === 'inner') {
            id = node.c[childSlot(node.k, key)] as number;
            node = this.node(id);
        }
        return id;
    }

    private edgeLeaf(root: number, direction: ScanDirection): number {
        let id = root;
        let node = this.node(id);
        while (node.t === 'inner') {
            id = (direction === 'asc' ? node.c[0] : node.c[node.c.length - 1]) as number;
            node = this.node(id);
        }
        return id;
    }

    /** Writes `node` back, splitting it and its ancestors while they overflow. */
    private splitUpwards(meta: Extract<IndexNode, { t: 'meta' }>, path: number[], id: number, node: Exclude<IndexNode, { t: 'meta' }>): void {
        let currentId = id;
        let current = node;
        while (current.k.length > INDEX_NODE_CAPACITY) {
            const rightId = meta.nextId++;
            let separator: string;
            let right: Exclude<IndexNode, { t: 'meta' }>;
            if (current.t === 'leaf') {
                const half = current.k.length >> 1;
                right = { t: 'leaf', k: current.k.slice(half), next: current.next, prev: currentId };
                current.k = current.k.slice(0, half);
                if (current.next !== null) {
                    const after = this.node(current.next) as Extract<IndexNode, { t: 'leaf' }>;
                    after.prev = rightId;
                    this.store.insert(this.key(current.next), after);
                }
                current.next = rightId;
                separator = right.k[0] as string;
            } else {
                const half = current.k.length >> 1;
                separator = current.k[half] as string;
                right = { t: 'inner', k: current.k.slice(half + 1), c: current.c.slice(half + 1) };
                current.k = current.k.slice(0, half);
                current.c = current.c.slice(0, half + 1);
            }
            this.store.insert(this.key(currentId), current);
            this.store.insert(this.key(rightId), right);
            const parentId = path.pop();
            if (parentId === undefined) {
                const rootId = meta.nextId++;
                this.store.insert(this.key(rootId), { t: 'inner', k: [separator], c: [currentId, rightId] });
                meta.root = rootId;
                return;
            }
            const parent = this.node(parentId) as Extract<IndexNode, { t: 'inner' }>;
            const slot = childSlot(parent.k, separator);
            parent.k.splice(slot, 0, separator);
            parent.c.splice(slot + 1, 0, rightId);
            currentId = parentId;
            current = parent;
        }
        this.store.insert(this.key(currentId), current);
    }
}

/** First index whose key is >= `key`. */
function lowerBound(keys: readonly string[], key: string): number {
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((keys[mid] as string) < key) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/** Child slot of an inner node for `key`: separators equal to the key route right. */
function childSlot(separators: readonly string[], key: string): number {
    let lo = 0;
    let hi = separators.length;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((separators[mid] as string) <= key) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}
