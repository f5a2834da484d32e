/** scanBody in isolation: the injection points of one body, including memory64 (which V8 in Node 20 cannot run). */
import { describe, expect, it } from 'vitest';
import { PrepareError } from '../../../src/devnet/wasm/index.js';
import { COSTS_MEMORY32, COSTS_MEMORY64 } from '../../../src/devnet/wasm/metering/instruction-costs.js';
import { PointKind, Points, scanBody } from '../../../src/devnet/wasm/metering/scan-body.js';

function scan(code: number[], memory64: boolean): { position: number; kind: number; cost: number }[] {
    const bytes = new Uint8Array([...code, 0x0b]);
    const points = new Points();
    scanBody(bytes, 0, bytes.length, memory64 ? COSTS_MEMORY64 : COSTS_MEMORY32, memory64, points);
    return Array.from({ length: points.count }, (_, i) => ({
        position: points.positions[i]!,
        kind: points.kinds[i]!,
        cost: points.costs[i]!
    }));
}

// i64.const 0; i64.load offset=8; i64.const 0; i32.const 0; i64.const 16; memory.fill  (memory64 operands)
const FILL_BODY = [0x42, 0, 0x29, 3, 8, 0x1a, 0x42, 0, 0x41, 0, 0x42, 16, 0xfc, 11, 0];

describe('scanBody', () => {
    it('charges memory64 loads 2 and takes the bulk size operand as i64', () => {
        expect(scan(FILL_BODY, true)).toEqual([
            { position: 0, kind: PointKind.Reentrant, cost: 1 + 1 + 2 + 1 + 1 + 1 + 1 + 100 },
            { position: 12, kind: PointKind.DynamicI64, cost: 0 },
            { position: 16, kind: PointKind.BlockEnd, cost: 0 }
        ]);
    });

    it('charges memory32 loads 1 and takes the size as i32', () => {
        const points = scan(FILL_BODY, false);
        expect(points[0]).toEqual({ position: 0, kind: PointKind.Reentrant, cost: 1 + 1 + 1 + 1 + 1 + 1 + 1 + 100 });
        expect(points[1]).toEqual({ position: 12, kind: PointKind.DynamicI32, cost: 0 });
    });

    it('orders a dynamic point before the static point at the same position, as the IC sorts them', () => {
        // block; i32.const 0 x3; end; memory.copy -> the block after `end` and the copy both start at byte 9
        const points = scan([0x02, 0x40, 0x41, 0, 0x41, 0, 0x41, 0, 0x0b, 0xfc, 10, 0, 0], false);
        expect(points.map((p) => [p.position, p.kind])).toEqual([
            [0, PointKind.Reentrant],
            [9, PointKind.DynamicI32],
            [9, PointKind.BlockEnd],
            [14, PointKind.BlockEnd]
        ]);
        expect(points[2]!.cost).toBe(100);
    });

    it('reads a memarg with a memory index (multi-memory flag) and br_table targets', () => {
        // i32.const 0; i32.load align=2|0x40 mem=0 offset=0; br_table [0 0] 0
        const points = scan([0x41, 0, 0x28, 0x42, 0, 0, 0x0e, 2, 0, 0, 0], false);
        expect(points[0]).toEqual({ position: 0, kind: PointKind.Reentrant, cost: 1 + 1 + 1 + 2 });
        expect(points[1]!.position).toBe(11);
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
