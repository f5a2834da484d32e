/**
 * The prefix of a Candid message (Candid spec, "Binary Format": magic, type table T, argument types) built
 * the way @dfinity/candid's IDL.encode builds it, byte for byte, at a fraction of its cost.
 *
 * Why: IDL.encode recomputes every constructed type's `name` (the whole type as text) at each lookup and
 * hashes labels through the TextEncoder polyfill; inside QuickJS that cost ~80 M instructions per reply
 * type (measured: 12 reply types added 0.94 B instructions to post_upgrade). Same algorithm here, with
 * structures numbered and label hashes memoized:
 * - a constructed type enters the table once per distinct structure, after its components
 *   (post-order), in field order; a reference to it is its SLEB index, a primitive is its negative opcode.
 * No imports: types are recognised by candid's `typeName`, so node tests check it against @icp-sdk/core.
 */

type AnyType = { typeName?: string; name: string; _type?: AnyType; _fields?: [string, AnyType][]; encodeType(t?: unknown): ArrayBuffer | Uint8Array };

const MAGIC = Uint8Array.from([0x44, 0x49, 0x44, 0x4c]); // "DIDL"
const OPCODE = { Opt: -18, Vec: -19, Record: -20, Variant: -21 } as const;
const HASH_MODULUS = 2 ** 32;
const NUMERIC_LABEL = /^_(\d+|0x[0-9a-fA-F]+)_$/;

type Kind = 'Opt' | 'Vec' | 'Record' | 'Variant' | 'primitive';
const CONSTRUCTED: Record<string, Kind> = { __IDL_OptClass__: 'Opt', __IDL_VecClass__: 'Vec', __IDL_RecordClass__: 'Record', __IDL_VariantClass__: 'Variant' };
const UNSUPPORTED = new Set(['__IDL_RecClass__', '__IDL_TupleClass__', '__IDL_FuncClass__', '__IDL_ServiceClass__']);

function kindOf(t: AnyType): Kind {
    const name = t.typeName ?? '';
    if (UNSUPPORTED.has(name)) throw new Error(`type-table: ${name} is not supported`);
    return CONSTRUCTED[name] ?? 'primitive';
}

/** A byte buffer that grows by doubling; label bytes are copied natively. */
class Bytes {
    buf = new Uint8Array(1_024);
    pos = 0;

    private ensure(n: number): void {
        if (this.pos + n <= this.buf.length) return;
        const next = new Uint8Array(Math.max(this.buf.length * 2, this.pos + n));
        next.set(this.buf.subarray(0, this.pos));
        this.buf = next;
    }

    byte(b: number): void {
        this.ensure(1);
        this.buf[this.pos++] = b;
    }

    bytes(b: Uint8Array): void {
        this.ensure(b.length);
        this.buf.set(b, this.pos);
        this.pos += b.length;
    }

    leb(n: number): void {
        let v = n;
        while (v >= 0x80) {
            this.byte((v % 0x80) | 0x80);
            v = Math.floor(v / 0x80);
        }
        this.byte(v);
    }

    sleb(n: number): void {
        if (n >= -64 && n < 64) return this.byte(n & 0x7f); // one byte: table indexes < 64, every opcode
        let v = n;
        for (;;) {
            const byte = v & 0x7f;
            v >>= 7;
            const done = (v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0);
            this.byte(done ? byte : byte | 0x80);
            if (done) return;
        }
    }

    result(): Uint8Array {
        return this.buf.slice(0, this.pos);
    }
}

const hashes = new Map<string, number>();
const labelBytes = new Map<string, Uint8Array>();

/** The LEB128 of a label's id, memoized: the same labels recur in every reply type. */
function labelLeb(label: string): Uint8Array {
    let b = labelBytes.get(label);
    if (b === undefined) {
        const w = new Bytes();
        w.leb(labelId(label));
        labelBytes.set(label, (b = w.result()));
    }
    return b;
}

/** idlLabelToId: `_123_` labels are their number, others the Candid field hash of their UTF-8 (ASCII here). */
export function labelId(label: string): number {
    let h = hashes.get(label);
    if (h !== undefined) return h;
    const numeric = NUMERIC_LABEL.exec(label);
    const n = numeric === null ? NaN : Number(numeric[1]);
    if (Number.isSafeInteger(n) && n >= 0 && n < HASH_MODULUS) h = n;
    else {
        h = 0;
        for (let i = 0; i < label.length; i++) {
            const c = label.charCodeAt(i);
            if (c >= 0x80) throw new Error(`type-table: non-ASCII label ${label}`);
            h = (h * 223 + c) % HASH_MODULUS;
        }
    }
    hashes.set(label, h);
    return h;
}

/**
 * A type prepared once (memoized per type object): its structure number, and the bytes that do not depend
 * on the table (a primitive's opcode, the labels' LEB128), so building a table is plain indexed loops.
 */
interface Node {
    id: number;
    /** The SLEB opcode of a primitive; null for a constructed type. */
    primitive: Uint8Array | null;
    opcode: number;
    inner: Node | null;
    labels: Uint8Array[];
    fields: Node[];
}

const nodes = new Map<AnyType, Node>();
const idsByStructure = new Map<string, number>();

/**
 * IDL.encode dedups table entries by the type's `name` (its whole structure as text); a node's `id` is the
 * same equivalence, keyed by short texts built from the components' ids instead of their full text.
 */
function nodeOf(t: AnyType): Node {
    let node = nodes.get(t);
    if (node !== undefined) return node;
    const kind = kindOf(t);
    let key: string;
    node = { id: 0, primitive: null, opcode: 0, inner: null, labels: [], fields: [] };
    if (kind === 'primitive') {
        node.primitive = new Uint8Array(t.encodeType());
        key = `=${t.name}`;
    } else if (kind === 'Opt' || kind === 'Vec') {
        node.opcode = OPCODE[kind];
        node.inner = nodeOf(t._type as AnyType);
        key = `${kind} ${node.inner.id}`;
    } else {
        node.opcode = OPCODE[kind];
        const parts: string[] = [];
        for (const [label, ft] of t._fields ?? []) {
            const child = nodeOf(ft);
            node.labels.push(labelLeb(label));
            node.fields.push(child);
            parts.push(`${label}:${child.id}`);
        }
        key = `${kind} {${parts.join('; ')}}`;
    }
    let id = idsByStructure.get(key);
    if (id === undefined) idsByStructure.set(key, (id = idsByStructure.size));
    node.id = id;
    nodes.set(t, node);
    return node;
}

/**
 * The type table in the order IDL.encode builds it: a constructed type's entry follows its components'
 * (post-order), so entries are written straight into one buffer as the recursion unwinds.
 */
class Table {
    readonly out = new Bytes();
    count = 0;
    /** Table index by node id; -1 while absent. */
    private readonly index: number[] = [];

    ref(node: Node, out: Bytes): void {
        if (node.primitive !== null) out.bytes(node.primitive);
        else out.sleb(this.index[node.id] as number);
    }

    build(node: Node): void {
        if (node.primitive !== null || (this.index[node.id] ?? -1) >= 0) return;
        const out = this.out;
        if (node.inner !== null) {
            this.build(node.inner);
            out.sleb(node.opcode);
            this.ref(node.inner, out);
        } else {
            const fields = node.fields;
            for (let i = 0; i < fields.length; i++) this.build(fields[i] as Node);
            out.sleb(node.opcode);
            out.leb(fields.length);
            for (let i = 0; i < fields.length; i++) {
                out.bytes(node.labels[i] as Uint8Array);
                this.ref(fields[i] as Node, out);
            }
        }
        this.index[node.id] = this.count++;
    }
}

/** Magic, type table and argument types of a message with arguments of `types` (what IDL.encode writes before the values). */
export function messagePrefix(types: readonly object[]): Uint8Array {
    const table = new Table();
    const roots = types.map((t) => nodeOf(t as AnyType));
    for (const node of roots) table.build(node);
    const out = new Bytes();
    out.bytes(MAGIC);
    out.leb(table.count);
    out.bytes(table.out.result());
    out.leb(roots.length);
    for (const node of roots) table.ref(node, out);
    return out.result();
}
