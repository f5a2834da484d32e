/**
 * Pass 2 of metering one function body: copy it, inserting the counter updates at the points of pass 1.
 *
 * The counter counts up (the IC's counts down from the limit); checks are `counter > limit` (unsigned), where
 * the IC checks `counter < 0`. On exhaustion the code sets the exhausted flag and executes `unreachable` (the IC
 * calls its `out_of_instructions` import, which the devnet must not add: see docs/devnet-metering.md).
 *
 * Speed: each function keeps the counter in a local `c`, loaded from the global at entry, and stores it back
 * (a flush) before every call (callees and ic0 host functions see an exact global), return, `unreachable`, loop
 * header and exhaustion trap; after a call it reloads the local (the callee and the host added to the global).
 * Counts are the same as updating the global at every block; only a trap other than `unreachable` or exhaustion
 * (e.g. out-of-bounds) loses what its function charged since its last flush.
 */
import type { ByteWriter } from './byte-writer.js';
import { PointKind, type PointList, type Points } from './points.js';

/** Global indices of the metering globals in the patched module. */
export interface MeteringGlobals {
    counter: number;
    limit: number;
    exhausted: number;
}

/** Local indices of the scratch locals: the counter copy, and a bulk op's size while it is charged. */
export interface TempLocals {
    counter: number;
    i32: number;
    i64: number;
}

const GLOBAL_GET = 0x23;
const GLOBAL_SET = 0x24;
const LOCAL_GET = 0x20;
const LOCAL_SET = 0x21;
const LOCAL_TEE = 0x22;
const I64_CONST = 0x42;
const I64_ADD = 0x7c;
const I64_GT_U = 0x56;
const I64_EXTEND_I32_U = 0xad;

class Emitter {
    constructor(
        private readonly out: ByteWriter,
        private readonly g: MeteringGlobals,
        private readonly t: TempLocals
    ) {}

    private op(code: number, index: number): void {
        this.out.byte(code);
        this.out.u32(index);
    }

    /** Pushes c + cost, from the global at function entry, else from the local. */
    private add(cost: number, from: 'global' | 'local'): void {
        if (from === 'global') this.op(GLOBAL_GET, this.g.counter);
        else this.op(LOCAL_GET, this.t.counter);
        this.out.byte(I64_CONST);
        this.out.sleb(cost);
        this.out.byte(I64_ADD);
    }

    /** With c on the stack: if (c > limit) { global = c; exhausted = 1; unreachable } */
    private check(flushOnTrip: boolean): void {
        this.op(GLOBAL_GET, this.g.limit);
        this.out.byte(I64_GT_U);
        this.out.byte(0x04); // if
        this.out.byte(0x40); // empty block type
        if (flushOnTrip) this.flush();
        this.out.byte(0x41); // i32.const 1
        this.out.byte(0x01);
        this.op(GLOBAL_SET, this.g.exhausted);
        this.out.byte(0x00); // unreachable
        this.out.byte(0x0b); // end
    }

    flush(): void {
        this.op(LOCAL_GET, this.t.counter);
        this.op(GLOBAL_SET, this.g.counter);
    }

    reload(): void {
        this.op(GLOBAL_GET, this.g.counter);
        this.op(LOCAL_SET, this.t.counter);
    }

    /** c = global + cost; check (the global is written only if the check trips). */
    entry(cost: number): void {
        this.add(cost, 'global');
        this.op(LOCAL_TEE, this.t.counter);
        this.check(true);
    }

    /** c += cost; global = c; check. */
    loopHeader(cost: number): void {
        this.add(cost, 'local');
        this.op(LOCAL_TEE, this.t.counter);
        this.flush();
        this.check(false);
    }

    /** c += cost */
    charge(cost: number): void {
        this.add(cost, 'local');
        this.op(LOCAL_SET, this.t.counter);
    }

    /** c += size operand (left on the stack); check. */
    dynamic(operand: 'i32' | 'i64'): void {
        const temp = operand === 'i32' ? this.t.i32 : this.t.i64;
        this.op(LOCAL_TEE, temp);
        if (operand === 'i32') this.out.byte(I64_EXTEND_I32_U);
        this.op(LOCAL_GET, this.t.counter);
        this.out.byte(I64_ADD);
        this.op(LOCAL_TEE, this.t.counter);
        this.check(true);
        this.op(LOCAL_GET, temp);
    }
}

/** At equal positions: reloads first (after a call), then charges in the IC's order, then flushes. */
function rank(kind: number): number {
    return kind === PointKind.Reload ? 0 : kind === PointKind.Flush ? 2 : 1;
}

/** Writes the instructions `bytes[start, end)` with the injections of `points` into `out`. */
export function emitBody(
    out: ByteWriter,
    bytes: Uint8Array,
    start: number,
    end: number,
    points: Points,
    globals: MeteringGlobals,
    temps: TempLocals
): void {
    const emit = new Emitter(out, globals, temps);
    const a: PointList = points.charges;
    const b: PointList = points.syncs;
    let i = 0;
    let j = 0;
    let copied = start;
    while (i < a.count || j < b.count) {
        let list: PointList;
        let k: number;
        const takeA =
            j >= b.count ||
            (i < a.count &&
                (a.positions[i]! < b.positions[j]! ||
                    (a.positions[i] === b.positions[j] && rank(a.kinds[i]!) <= rank(b.kinds[j]!))));
        if (takeA) {
            list = a;
            k = i++;
        } else {
            list = b;
            k = j++;
        }
        const position = list.positions[k]!;
        const kind = list.kinds[k]!;
        const cost = list.costs[k]!;
        // The IC skips zero-cost charges except at re-entrant blocks, whose check must always run.
        if ((kind === PointKind.NonReentrant || kind === PointKind.BlockEnd) && cost === 0) continue;
        if (position > copied) {
            out.bytes(bytes.subarray(copied, position));
            copied = position;
        }
        switch (kind) {
            case PointKind.Entry:
                emit.entry(cost);
                break;
            case PointKind.LoopHeader:
                emit.loopHeader(cost);
                break;
            case PointKind.NonReentrant:
            case PointKind.BlockEnd:
                emit.charge(cost);
                break;
            case PointKind.DynamicI32:
                emit.dynamic('i32');
                break;
            case PointKind.DynamicI64:
                emit.dynamic('i64');
                break;
            case PointKind.Flush:
                emit.flush();
                break;
            case PointKind.Reload:
                emit.reload();
                break;
        }
    }
    out.bytes(bytes.subarray(copied, end));
}
