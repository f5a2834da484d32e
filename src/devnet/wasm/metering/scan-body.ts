/**
 * Pass 1 of metering one function body: find the IC's injection points (`injections` in dfinity/ic
 * rs/embedders/src/wasm_utils/instrumentation.rs). A static point opens each basic block and carries the summed
 * cost of the block's instructions; a dynamic point precedes each bulk memory/table instruction.
 *
 * Blocks are split after `loop` (a re-entrant block starts: counter check), after `if` (a non-re-entrant block),
 * and after `else`, `end`, `br`, `br_if`, `br_table`, `return`, `unreachable`, `return_call*`. The splitting
 * instruction's own cost belongs to the block it ends. Calls do not split blocks.
 *
 * The devnet keeps the counter in a local of each function and stores it to the global only where the host can
 * look (see emit-body.ts), so the scan also records those sync points: a flush before each call, `return`,
 * `unreachable` and branch out of the function body (and before the body's final `end`), a reload after each
 * call. Block depth is tracked to know which branches leave the function.
 */
import { PrepareError, PrepareErrorCode } from '../prepare-error.js';
import { readU32, skipLeb, truncated } from './byte-reader.js';
import { COSTS_PREFIX_FC, FUNCTION_ENTRY_COST, UNSUPPORTED } from './instruction-costs.js';
import { PointKind, type Points } from './points.js';

export { PointKind, Points } from './points.js';

function unsupported(what: string, at: number): PrepareError {
    return new PrepareError(PrepareErrorCode.Unsupported, `${what} at byte ${at} is not supported by the devnet metering`);
}

/** Skips a memarg (align, [memory index when align has bit 6 set: multi-memory], offset). */
function skipMemarg(bytes: Uint8Array, pos: number): number {
    const [align, next] = readU32(bytes, pos);
    pos = (align & 0x40) !== 0 ? skipLeb(bytes, next) : next;
    return skipLeb(bytes, pos);
}

/** Skips a value type: one byte, or a (ref null? ht) type with an s33 heap type. */
function skipValType(bytes: Uint8Array, pos: number): number {
    const byte = bytes[pos];
    return byte === 0x63 || byte === 0x64 ? skipLeb(bytes, pos + 1) : pos + 1;
}

/**
 * Scans the instructions in `bytes[start, end)` (a function body after its locals) into `points`.
 * `costs` is COSTS_MEMORY32 or COSTS_MEMORY64; `memory64` picks the size operand type of memory.copy/fill.
 */
export function scanBody(bytes: Uint8Array, start: number, end: number, costs: Uint16Array, memory64: boolean, points: Points): void {
    points.reset();
    // Dynamic points are collected apart and merged, keeping the IC's order (dynamic first) at equal positions.
    const dynamic: number[] = [];
    let blockPos = start;
    let blockKind: PointKind = PointKind.Entry;
    let blockCost = FUNCTION_ENTRY_COST;
    let pos = start;
    const charges = points.charges;
    const syncs = points.syncs;
    /** Open blocks around the current instruction; a branch of this depth leaves the function. */
    let depth = 0;
    const split = (next: number, kind: PointKind): void => {
        mergeDynamicUpTo(blockPos);
        charges.push(blockPos, blockKind, blockCost);
        blockPos = next;
        blockKind = kind;
        blockCost = 0;
    };
    let d = 0;
    const mergeDynamicUpTo = (position: number): void => {
        while (d < dynamic.length && dynamic[d]! <= position) {
            charges.push(dynamic[d]!, dynamic[d + 1] as PointKind, 0);
            d += 2;
        }
    };
    while (pos < end) {
        const at = pos;
        const op = bytes[pos++]!;
        if (op === 0xfc) {
            const [sub, next] = readU32(bytes, pos);
            pos = next;
            const cost = sub < COSTS_PREFIX_FC.length ? COSTS_PREFIX_FC[sub]! : UNSUPPORTED;
            if (cost === UNSUPPORTED) throw unsupported(`instruction 0xfc ${sub}`, at);
            blockCost += cost;
            // two indices: memory.init, memory.copy, table.init, table.copy; one: the other bulk ops
            if (sub === 8 || sub === 10 || sub === 12 || sub === 14) pos = skipLeb(bytes, skipLeb(bytes, pos));
            else if (sub >= 9) pos = skipLeb(bytes, pos);
            if (sub === 10 || sub === 11) {
                dynamic.push(at, memory64 ? PointKind.DynamicI64 : PointKind.DynamicI32);
                if (memory64) points.needsI64Temp = true;
                else points.needsI32Temp = true;
            } else if (sub === 8 || sub === 12 || sub === 14 || sub === 17) {
                dynamic.push(at, PointKind.DynamicI32);
                points.needsI32Temp = true;
            }
            continue;
        }
        const cost = costs[op]!;
        if (cost === UNSUPPORTED) throw unsupported(`opcode 0x${op.toString(16)}`, at);
        blockCost += cost;
        switch (op) {
            case 0x02: // block bt
                pos = skipLeb(bytes, pos);
                depth++;
                break;
            case 0x03: // loop bt
                pos = skipLeb(bytes, pos);
                depth++;
                split(pos, PointKind.LoopHeader);
                break;
            case 0x04: // if bt
                pos = skipLeb(bytes, pos);
                depth++;
                split(pos, PointKind.NonReentrant);
                break;
            case 0x05: // else
                split(pos, PointKind.BlockEnd);
                break;
            case 0x0b: // end; the body's own end (depth 0) returns
                if (depth === 0) syncs.push(at, PointKind.Flush, 0);
                depth--;
                split(pos, PointKind.BlockEnd);
                break;
            case 0x0f: // return
            case 0x00: // unreachable: the host reads the counter after the trap
                syncs.push(at, PointKind.Flush, 0);
                split(pos, PointKind.BlockEnd);
                break;
            case 0x0c: // br l
            case 0x0d: {
                // br_if l
                const [label, next] = readU32(bytes, pos);
                if (label === depth) syncs.push(at, PointKind.Flush, 0);
                pos = next;
                split(pos, PointKind.BlockEnd);
                break;
            }
            case 0x0e: {
                // br_table vec(l) l
                const [n, next] = readU32(bytes, pos);
                pos = next;
                let leaves = false;
                for (let i = 0; i <= n; i++) {
                    const [label, after] = readU32(bytes, pos);
                    if (label === depth) leaves = true;
                    pos = after;
                }
                if (leaves) syncs.push(at, PointKind.Flush, 0);
                split(pos, PointKind.BlockEnd);
                break;
            }
            case 0x10: // call f
                pos = skipLeb(bytes, pos);
                syncs.push(at, PointKind.Flush, 0);
                syncs.push(pos, PointKind.Reload, 0);
                break;
            case 0x11: // call_indirect type table
                pos = skipLeb(bytes, skipLeb(bytes, pos));
                syncs.push(at, PointKind.Flush, 0);
                syncs.push(pos, PointKind.Reload, 0);
                break;
            case 0x12: // return_call f
                pos = skipLeb(bytes, pos);
                syncs.push(at, PointKind.Flush, 0);
                split(pos, PointKind.BlockEnd);
                break;
            case 0x13: // return_call_indirect type table
                pos = skipLeb(bytes, skipLeb(bytes, pos));
                syncs.push(at, PointKind.Flush, 0);
                split(pos, PointKind.BlockEnd);
                break;
            case 0x1c: {
                // select t*
                const [n, next] = readU32(bytes, pos);
                pos = next;
                for (let i = 0; i < n; i++) pos = skipValType(bytes, pos);
                break;
            }
            case 0x43: // f32.const
                pos += 4;
                break;
            case 0x44: // f64.const
                pos += 8;
                break;
            default:
                if (op >= 0x28 && op <= 0x3e) pos = skipMemarg(bytes, pos);
                else if ((op >= 0x20 && op <= 0x26) || (op >= 0x3f && op <= 0x42) || op === 0xd0 || op === 0xd2) {
                    // local/global/table index, memory.size/grow memidx, i32/i64.const, ref.null ht, ref.func f
                    pos = skipLeb(bytes, pos);
                }
        }
    }
    if (pos !== end) throw truncated(end);
    mergeDynamicUpTo(blockPos);
    charges.push(blockPos, blockKind, blockCost);
    mergeDynamicUpTo(Number.MAX_SAFE_INTEGER);
}
