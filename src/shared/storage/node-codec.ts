/**
 * A compact text form of index nodes, free of quotes and backslashes so the canister can turn it into bytes
 * natively (Azle's candidEncode) instead of looping over characters in QuickJS. Keys must be printable ASCII
 * without `"` and `\` plus the \u0001 separator of sort keys (sort-keys.ts guarantees this).
 *
 *   leaf   L<next>,<prev>\u0002<key>\u0002<key>...   (next/prev empty when null)
 *   inner  I<child>,<child>,...\u0002<key>\u0002...
 *   meta   M<root>,<nextId>
 */
import type { IndexNode } from './ordered-index';

const FIELD = '\u0002';

export function encodeNode(node: IndexNode): string {
    switch (node.t) {
        case 'leaf':
            return `L${node.next ?? ''},${node.prev ?? ''}${FIELD}${node.k.join(FIELD)}`;
        case 'inner':
            return `I${node.c.join(',')}${FIELD}${node.k.join(FIELD)}`;
        case 'meta':
            return `M${node.root},${node.nextId}`;
    }
}

const int = (s: string | undefined): number | null => (s === undefined || s === '' ? null : Number(s));

export function decodeNode(text: string): IndexNode {
    if (text[0] === 'M') {
        const [root, nextId] = text.slice(1).split(',');
        return { t: 'meta', root: Number(root), nextId: Number(nextId) };
    }
    const cut = text.indexOf(FIELD);
    const head = text.slice(1, cut);
    const rest = text.slice(cut + 1);
    const k = rest === '' ? [] : rest.split(FIELD);
    if (text[0] === 'L') {
        const [next, prev] = head.split(',');
        return { t: 'leaf', k, next: int(next), prev: int(prev) };
    }
    return { t: 'inner', k, c: head.split(',').map(Number) };
}

/** Whether a key can be stored in a node (printable ASCII without quote/backslash, or the \u0001 separator). */
export function isStorableKey(key: string): boolean {
    return /^[\u0001\u0020\u0021\u0023-\u005b\u005d-\u007e]*$/.test(key);
}
