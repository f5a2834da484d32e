/** scanBody in isolation: the injection points of one body, including memory64 (which V8 in Node 20 cannot run). */
import { describe, expect, it } from 'vitest';
import { PrepareError } from '../../../src/devnet/wasm/index.js';
import { COSTS_MEMORY32, COSTS_MEMORY64 } from '../../../src/devnet/wasm/metering/instruction-costs.js';
import { PointKind, Points, scanBody } from '../../../src/devnet/wasm/metering/scan-body.js';
import type { PointList } from '../../../src/devnet/wasm/metering/points.js';

type Point = { position: number; kind: number; cost: number };

function list(l: PointList): Point[] {
    return Array.from({ length: l.count }, (_, i) => ({ position: l.positions[i]!, kind: l.kinds[i]!, cost: l.costs[i]! }));
}

function scanAll(code: number[], memory64 = false): { charges: Point[]; syncs: [number, number][] } {
    const bytes = new Uint8Array([...code, 0x0b]);
    const points = new Points();
    scanBody(bytes, 0, bytes.length, memory64 ? COSTS_MEMORY64 : COSTS_MEMORY32, memory64, points);
    return { charges: list(points.charges), syncs: list(points.syncs).map((p) => [p.position, p.kind]) };
}

function scan(code: number[], memory64: boolean): Point[] {
    return scanAll(code, memory64).charges;
}

// i64.const 0; i64.load offset=8; i64.const 0; i32.const 0; i64.const 16; memory.fill  (memory64 operands)
const FILL_BODY = [0x42, 0, 0x29, 3, 8, 0x1a, 0x42, 0, 0x41, 0, 0x42, 16, 0xfc, 11, 0];

describe('scanBody', () => {
    it('charges memory64 loads 2 and takes the bulk size operand as i64', () => {
        expect(scan(FILL_BODY, true)).toEqual([
            { position: 0, kind: PointKind.Entry, cost: 1 + 1 + 2 + 1 + 1 + 1 + 1 + 100 },
            { position: 12, kind: PointKind.DynamicI64, cost: 0 },
            { position: 16, kind: PointKind.BlockEnd, cost: 0 }
        ]);
    });

    it('charges memory32 loads 1 and takes the size as i32', () => {
        const points = scan(FILL_BODY, false);
        expect(points[0]).toEqual({ position: 0, kind: PointKind.Entry, cost: 1 + 1 + 1 + 1 + 1 + 1 + 1 + 100 });
        expect(points[1]).toEqual({ position: 12, kind: PointKind.DynamicI32, cost: 0 });
    });

    it('orders a dynamic point before the static point at the same position, as the IC sorts them', () => {
        // block; i32.const 0 x3; end; memory.copy -> the block after `end` and the copy both start at byte 9
        const points = scan([0x02, 0x40, 0x41, 0, 0x41, 0, 0x41, 0, 0x0b, 0xfc, 10, 0, 0], false);
        expect(points.map((p) => [p.position, p.kind])).toEqual([
            [0, PointKind.Entry],
            [9, PointKind.DynamicI32],
            [9, PointKind.BlockEnd],
            [14, PointKind.BlockEnd]
        ]);
        expect(points[2]!.cost).toBe(100);
    });

    it('reads a memarg with a memory index (multi-memory flag) and br_table targets', () => {
        // i32.const 0; i32.load align=2|0x40 mem=0 offset=0; br_table [0 0] 0
        const points = scan([0x41, 0, 0x28, 0x42, 0, 0, 0x0e, 2, 0, 0, 0], false);
        expect(points[0]).toEqual({ position: 0, kind: PointKind.Entry, cost: 1 + 1 + 1 + 2 });
        expect(points[1]!.position).toBe(11);
    });

    it('flushes the counter before calls, returns, unreachable and the final end, and reloads after calls', () => {
        // call 0; call_indirect 0 0 (i32.const 0 first); return; unreachable
        const { syncs } = scanAll([0x10, 0, 0x41, 0, 0x11, 0, 0, 0x0f, 0x00]);
        const { Flush, Reload } = PointKind;
        expect(syncs).toEqual([[0, Flush], [2, Reload], [4, Flush], [7, Reload], [7, Flush], [8, Flush], [9, Flush]]);
    });

    it('flushes before branches that leave the function, and only those', () => {
        // block; br 0; br 1; br_if 1; br_table [0] 1; end  (depth 1 inside the block: label 1 is the function)
        const { syncs } = scanAll([0x02, 0x40, 0x0c, 0, 0x0c, 1, 0x0d, 1, 0x0e, 1, 0, 1, 0x0b]);
        expect(syncs).toEqual([[4, PointKind.Flush], [6, PointKind.Flush], [8, PointKind.Flush], [13, PointKind.Flush]]);
    });

    it('marks loop headers apart from the function entry', () => {
        const { charges } = scanAll([0x03, 0x40, 0x0b]);
        expect(charges.map((p) => p.kind)).toEqual([PointKind.Entry, PointKind.LoopHeader, PointKind.BlockEnd, PointKind.BlockEnd]);
    });

    it('rejects an atomic instruction with its byte offset', () => {
        expect(() => scan([0x41, 0, 0xfe, 0x10, 2, 0], false)).toThrow(PrepareError);
        expect(() => scan([0x41, 0, 0xfe, 0x10, 2, 0], false)).toThrow(/opcode 0xfe at byte 2/);
    });

    it('rejects a body whose last immediate runs past its end', () => {
        const bytes = new Uint8Array([0x41, 0x80]);
        expect(() => scanBody(bytes, 0, bytes.length, COSTS_MEMORY32, false, new Points())).toThrow(PrepareError);
    });
});
