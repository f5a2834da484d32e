/**
 * Pass 2 of metering one function body: copy it, inserting the counter updates at the points of pass 1.
 * The counter counts up (the IC's counts down from the limit); the check is `counter > limit` (unsigned),
 * where the IC checks `counter < 0`. On exhaustion the code sets the exhausted flag and executes `unreachable`
 * (the IC calls its `out_of_instructions` import, which the devnet must not add: see docs/devnet-metering.md).
 */
import type { ByteWriter } from './byte-writer.js';
import { PointKind, type Points } from './scan-body.js';

/** Global indices of the metering globals in the patched module. */
export interface MeteringGlobals {
    counter: number;
    limit: number;
    exhausted: number;
}

/** Local indices of the scratch locals that hold a bulk op's size while it is charged. */
export interface TempLocals {
    i32: number;
    i64: number;
    /** Holds the new counter value, so the check does not read the global back. */
    counter: number;
}

const GLOBAL_GET = 0x23;
const GLOBAL_SET = 0x24;
const LOCAL_GET = 0x20;
const LOCAL_TEE = 0x22;
const I64_CONST = 0x42;
const I64_ADD = 0x7c;
const I64_GT_U = 0x56;
const I64_EXTEND_I32_U = 0xad;

/** counter += cost; if (counter > limit) { exhausted = 1; unreachable } */
function emitChargeAndCheck(out: ByteWriter, g: MeteringGlobals, cost: number, temp: number): void {
    out.byte(GLOBAL_GET);
    out.u32(g.counter);
    out.byte(I64_CONST);
    out.sleb(cost);
    out.byte(I64_ADD);
    out.byte(LOCAL_TEE);
    out.u32(temp);
    out.byte(GLOBAL_SET);
    out.u32(g.counter);
    out.byte(LOCAL_GET);
    out.u32(temp);
    emitCompareAndTrap(out, g);
}

/** counter += cost */
function emitCharge(out: ByteWriter, g: MeteringGlobals, cost: number): void {
    out.byte(GLOBAL_GET);
    out.u32(g.counter);
    out.byte(I64_CONST);
    out.sleb(cost);
    out.byte(I64_ADD);
    out.byte(GLOBAL_SET);
    out.u32(g.counter);
}

/** if (counter > limit) { exhausted = 1; unreachable } */
function emitCheck(out: ByteWriter, g: MeteringGlobals): void {
    out.byte(GLOBAL_GET);
    out.u32(g.counter);
    emitCompareAndTrap(out, g);
}

/** With the counter on the stack: if (counter > limit) { exhausted = 1; unreachable } */
function emitCompareAndTrap(out: ByteWriter, g: MeteringGlobals): void {
    out.byte(GLOBAL_GET);
    out.u32(g.limit);
    out.byte(I64_GT_U);
    out.byte(0x04); // if
    out.byte(0x40); // empty block type
    out.byte(0x41); // i32.const 1
    out.byte(0x01);
    out.byte(GLOBAL_SET);
    out.u32(g.exhausted);
    out.byte(0x00); // unreachable
    out.byte(0x0b); // end
}

/** Charges the size operand on top of the stack and leaves it there: counter += size; check. */
function emitDynamic(out: ByteWriter, g: MeteringGlobals, temp: number, operand: 'i32' | 'i64'): void {
    out.byte(LOCAL_TEE);
    out.u32(temp);
    if (operand === 'i32') out.byte(I64_EXTEND_I32_U);
    out.byte(GLOBAL_GET);
    out.u32(g.counter);
    out.byte(I64_ADD);
    out.byte(GLOBAL_SET);
    out.u32(g.counter);
    emitCheck(out, g);
    out.byte(LOCAL_GET);
    out.u32(temp);
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
    let copied = start;
    for (let i = 0; i < points.count; i++) {
        const position = points.positions[i]!;
        const kind = points.kinds[i]!;
        const cost = points.costs[i]!;
        // The IC skips zero-cost charges except at re-entrant blocks, whose check must always run.
        if ((kind === PointKind.NonReentrant || kind === PointKind.BlockEnd) && cost === 0) continue;
        if (position > copied) {
            out.bytes(bytes.subarray(copied, position));
            copied = position;
        }
        if (kind === PointKind.DynamicI32) emitDynamic(out, globals, temps.i32, 'i32');
        else if (kind === PointKind.DynamicI64) emitDynamic(out, globals, temps.i64, 'i64');
        else if (kind === PointKind.Reentrant) emitChargeAndCheck(out, globals, cost, temps.counter);
        else emitCharge(out, globals, cost);
    }
    out.bytes(bytes.subarray(copied, end));
}
