/** Injection points found by scanBody for one function body; reused across bodies to avoid allocation. */

export const PointKind = {
    /** Function entry: charge the entry block, then check the limit (IC: re-entrant block start). */
    Entry: 0,
    /** Loop header: charge, then check the limit (IC: re-entrant block start). */
    LoopHeader: 1,
    /** Start of an `if` body: charge only (IC: non-re-entrant block start). */
    NonReentrant: 2,
    /** Code after a block ends or after a branch: charge only (IC: block end). */
    BlockEnd: 3,
    /** Before a bulk op whose i32 size operand is on top of the stack: charge the size, check. */
    DynamicI32: 4,
    /** The same with an i64 size operand (memory64 memory.copy/fill). */
    DynamicI64: 5,
    /** Before a call, return or trap: store the function's counter local into the counter global. */
    Flush: 6,
    /** After a call returns: load the counter global (the callee and the host added to it) into the local. */
    Reload: 7
} as const;
export type PointKind = (typeof PointKind)[keyof typeof PointKind];

/** Points sorted by position. */
export class PointList {
    count = 0;
    positions = new Int32Array(256);
    kinds = new Uint8Array(256);
    costs = new Float64Array(256);

    push(position: number, kind: PointKind, cost: number): void {
        if (this.count === this.positions.length) {
            const positions = new Int32Array(this.count * 2);
            const kinds = new Uint8Array(this.count * 2);
            const costs = new Float64Array(this.count * 2);
            positions.set(this.positions);
            kinds.set(this.kinds);
            costs.set(this.costs);
            this.positions = positions;
            this.kinds = kinds;
            this.costs = costs;
        }
        this.positions[this.count] = position;
        this.kinds[this.count] = kind;
        this.costs[this.count] = cost;
        this.count++;
    }
}

export class Points {
    /** Charges (static block costs and dynamic bulk-op sizes), in the IC's order. */
    readonly charges = new PointList();
    /** Flushes and reloads of the counter local. */
    readonly syncs = new PointList();
    needsI32Temp = false;
    needsI64Temp = false;

    reset(): void {
        this.charges.count = 0;
        this.syncs.count = 0;
        this.needsI32Temp = false;
        this.needsI64Temp = false;
    }
}
