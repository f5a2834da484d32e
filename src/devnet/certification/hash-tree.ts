/**
 * Hash trees, spec certification.md §"Encoding of certificates" and §"Lookup".
 * The tuple shapes match certificates.cddl, so a tree is CBOR-encoded as is.
 */
import { CborDecodeError, type CborValue } from './cbor.js';
import { bytesEqual, compareBytes, concatBytes, domainSeparator, sha256 } from './bytes.js';

export type HashTree =
    | readonly [0]
    | readonly [1, HashTree, HashTree]
    | readonly [2, Uint8Array, HashTree]
    | readonly [3, Uint8Array]
    | readonly [4, Uint8Array];

export const EMPTY: HashTree = [0];
export const fork = (l: HashTree, r: HashTree): HashTree => [1, l, r];
export const labeled = (label: Uint8Array, t: HashTree): HashTree => [2, label, t];
export const leaf = (v: Uint8Array): HashTree => [3, v];
export const pruned = (digest: Uint8Array): HashTree => [4, digest];

const DS_EMPTY = domainSeparator('ic-hashtree-empty');
const DS_FORK = domainSeparator('ic-hashtree-fork');
const DS_LABELED = domainSeparator('ic-hashtree-labeled');
const DS_LEAF = domainSeparator('ic-hashtree-leaf');

/** reconstruct(t): the root hash the certificate signature covers. */
export function reconstruct(t: HashTree): Uint8Array {
    switch (t[0]) {
        case 0:
            return sha256(DS_EMPTY);
        case 1:
            return sha256(concatBytes(DS_FORK, reconstruct(t[1]), reconstruct(t[2])));
        case 2:
            return sha256(concatBytes(DS_LABELED, t[1], reconstruct(t[2])));
        case 3:
            return sha256(concatBytes(DS_LEAF, t[1]));
        case 4:
            return t[1];
    }
}

/**
 * Builds a tree from labeled children in the spec's required order (strictly increasing labels),
 * as balanced forks. Throws on duplicate labels.
 */
export function labeledForest(children: readonly (readonly [Uint8Array, HashTree])[]): HashTree {
    const sorted = [...children].sort((a, b) => compareBytes(a[0], b[0]));
    for (let i = 1; i < sorted.length; i++) {
        if (compareBytes(sorted[i - 1]![0], sorted[i]![0]) === 0) throw new Error('duplicate label in hash tree');
    }
    const build = (lo: number, hi: number): HashTree => {
        if (hi - lo === 0) return EMPTY;
        if (hi - lo === 1) return labeled(sorted[lo]![0], sorted[lo]![1]);
        const mid = lo + Math.ceil((hi - lo) / 2);
        return fork(build(lo, mid), build(mid, hi));
    };
    return build(0, sorted.length);
}

export type LookupResult =
    | { kind: 'found'; value: Uint8Array }
    | { kind: 'absent' }
    | { kind: 'unknown' }
    | { kind: 'error' };

/** The labeled children visible at the top of `t` (through forks), plus whether part of it was pruned. */
function flatten(t: HashTree): { children: [Uint8Array, HashTree][]; pruned: boolean } {
    const out = { children: [] as [Uint8Array, HashTree][], pruned: false };
    const walk = (n: HashTree): void => {
        if (n[0] === 1) {
            walk(n[1]);
            walk(n[2]);
        } else if (n[0] === 2) out.children.push([n[1], n[2]]);
        else if (n[0] === 4) out.pruned = true;
    };
    walk(t);
    return out;
}

/** lookup_path(path, tree), spec certification.md §"Lookup". */
export function lookupPath(path: readonly Uint8Array[], t: HashTree): LookupResult {
    if (path.length === 0) {
        if (t[0] === 3) return { kind: 'found', value: t[1] };
        if (t[0] === 4) return { kind: 'unknown' };
        if (t[0] === 0) return { kind: 'absent' };
        return { kind: 'error' };
    }
    const sub = lookupSubtree(path[0]!, t);
    if (sub.kind !== 'found') return sub;
    return lookupPath(path.slice(1), sub.tree);
}

/** Finds the subtree under `label`, or proves its absence. */
export function lookupSubtree(label: Uint8Array, t: HashTree): { kind: 'found'; tree: HashTree } | { kind: 'absent' | 'unknown' | 'error' } {
    if (t[0] === 3) return { kind: 'error' };
    const { children, pruned: hasPruned } = flatten(t);
    const hit = children.find(([l]) => bytesEqual(l, label));
    if (hit) return { kind: 'found', tree: hit[1] };
    return { kind: hasPruned ? 'unknown' : 'absent' };
}

/** Validates a decoded CBOR value as a hash tree (for certificates received from clients). */
export function toHashTree(v: CborValue, depth = 0): HashTree {
    if (depth > 128 || !Array.isArray(v) || typeof v[0] !== 'number') throw new CborDecodeError('malformed hash tree');
    const bytes = (x: CborValue): Uint8Array => {
        if (!(x instanceof Uint8Array)) throw new CborDecodeError('malformed hash tree: expected bytes');
        return x;
    };
    switch (v[0]) {
        case 0:
            return EMPTY;
        case 1:
            return fork(toHashTree(v[1], depth + 1), toHashTree(v[2], depth + 1));
        case 2:
            return labeled(bytes(v[1]), toHashTree(v[2], depth + 1));
        case 3:
            return leaf(bytes(v[1]));
        case 4:
            return pruned(bytes(v[1]));
        default:
            throw new CborDecodeError(`malformed hash tree: node type ${v[0]}`);
    }
}
