/**
 * A mutable labeled state tree (spec index.md §"The system state tree") that is turned into a hash tree
 * with sorted, balanced forks. Used to build the (unpruned) trees of certificates.
 */
import { toHex, utf8 } from './bytes.js';
import { EMPTY, labeledForest, leaf, type HashTree } from './hash-tree.js';

export type StateNode = Uint8Array | StateDir;
export interface StateDir {
    readonly children: Map<string, { label: Uint8Array; node: StateNode }>;
}

export type Label = Uint8Array | string;
const labelBytes = (l: Label): Uint8Array => (typeof l === 'string' ? utf8(l) : l);

export function stateDir(entries: readonly (readonly [Label, StateNode])[] = []): StateDir {
    const dir: StateDir = { children: new Map() };
    for (const [label, node] of entries) setChild(dir, label, node);
    return dir;
}

export function setChild(dir: StateDir, label: Label, node: StateNode): void {
    const bytes = labelBytes(label);
    dir.children.set(toHex(bytes), { label: bytes, node });
}

export function getChild(dir: StateDir, label: Label): StateNode | undefined {
    return dir.children.get(toHex(labelBytes(label)))?.node;
}

/** Puts `node` at `path` under `root`, creating directories; a later insert at the same path replaces. */
export function insertAt(root: StateDir, path: readonly Label[], node: StateNode): void {
    if (path.length === 0) throw new Error('insertAt needs a non-empty path');
    let dir = root;
    for (const label of path.slice(0, -1)) {
        let next = getChild(dir, label);
        if (next === undefined || next instanceof Uint8Array) {
            next = stateDir();
            setChild(dir, label, next);
        }
        dir = next;
    }
    const last = path[path.length - 1]!;
    const existing = getChild(dir, last);
    if (existing && !(existing instanceof Uint8Array) && !(node instanceof Uint8Array)) mergeInto(existing, node);
    else setChild(dir, last, node);
}

function mergeInto(target: StateDir, source: StateDir): void {
    for (const { label, node } of source.children.values()) insertAt(target, [label], node);
}

/** Resolves `path` in `root`; undefined when absent. */
export function resolvePath(root: StateNode, path: readonly Label[]): StateNode | undefined {
    let node: StateNode | undefined = root;
    for (const label of path) {
        if (node === undefined || node instanceof Uint8Array) return undefined;
        node = getChild(node, label);
    }
    return node;
}

export function toHashTree(node: StateNode): HashTree {
    if (node instanceof Uint8Array) return leaf(node);
    if (node.children.size === 0) return EMPTY;
    return labeledForest([...node.children.values()].map(({ label, node: child }) => [label, toHashTree(child)] as const));
}
