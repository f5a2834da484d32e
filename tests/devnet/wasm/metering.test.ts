import { describe, expect, it } from 'vitest';
import { prepareModule, type PreparedModule } from '../../../src/devnet/wasm/index.js';
import { expectedCost, fixtureImports, fixtureWasm } from './metering-fixture.js';

type Fn = (...args: number[]) => number | undefined;

async function instantiate(): Promise<{ prepared: PreparedModule; exports: WebAssembly.Exports }> {
    const prepared = await prepareModule(fixtureWasm, { cache: null });
    const instance = await WebAssembly.instantiate(prepared.module, fixtureImports());
    return { prepared, exports: instance.exports };
}

function global(exports: WebAssembly.Exports, name: string): WebAssembly.Global {
    return exports[name] as WebAssembly.Global;
}

/** Runs `call` from a zeroed counter and returns its result and the instructions it was charged. */
function metered(exports: WebAssembly.Exports, prepared: PreparedModule, call: () => unknown): { result: unknown; cost: bigint } {
    global(exports, prepared.counterGlobal).value = 0n;
    const result = call();
    return { result, cost: global(exports, prepared.counterGlobal).value as bigint };
}

describe('instruction metering of a hand-written module', () => {
    it('charges a loop of known length 9 per iteration plus entry and exit', async () => {
        const { prepared, exports } = await instantiate();
        const count = exports['count'] as Fn;
        for (const n of [1, 2, 10, 1000]) {
            expect(metered(exports, prepared, () => count(n))).toEqual({ result: n, cost: expectedCost.count(n) });
        }
    });

    it('charges each branch of if/else, calls, globals and br_table by the IC weights', async () => {
        const { prepared, exports } = await instantiate();
        const run = (name: string, ...args: number[]) => metered(exports, prepared, () => (exports[name] as Fn)(...args));
        expect(run('branch', 1)).toEqual({ result: 10, cost: expectedCost.branch(1) });
        expect(run('branch', 0)).toEqual({ result: 21, cost: expectedCost.branch(0) });
        expect(run('caller')).toEqual({ result: 5, cost: expectedCost.caller });
        expect(run('inc')).toEqual({ result: 101, cost: expectedCost.inc });
        expect(run('pick', 0)).toEqual({ result: 1, cost: expectedCost.pick(0) });
        expect(run('pick', 9)).toEqual({ result: 2, cost: expectedCost.pick(9) });
    });

    it('charges bulk memory operations per byte and still performs them', async () => {
        const { prepared, exports } = await instantiate();
        expect(metered(exports, prepared, () => (exports['fill'] as Fn)(1000)).cost).toBe(expectedCost.fill(1000));
        const memory = new Uint8Array((exports['memory'] as WebAssembly.Memory).buffer);
        expect(memory.subarray(0, 1000).every((b) => b === 7)).toBe(true);
        expect(memory[1000]).toBe(0);
        memory.set([1, 2, 3, 4, 5, 6, 7, 8], 0);
        expect(metered(exports, prepared, () => (exports['copy'] as Fn)(8)).cost).toBe(expectedCost.copy(8));
        expect([...memory.subarray(16, 24)]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    });

    it('traps with the flag set when the counter passes the limit at a loop header', async () => {
        const { prepared, exports } = await instantiate();
        global(exports, prepared.counterGlobal).value = 0n;
        global(exports, prepared.limitGlobal).value = 90n;
        // Loop headers see 10, 19, ..., 91: the 10th iteration's check trips.
        expect(() => (exports['count'] as Fn)(1000)).toThrow(WebAssembly.RuntimeError);
        expect(global(exports, prepared.exhaustedGlobal).value).toBe(1);
        expect(global(exports, prepared.counterGlobal).value).toBe(91n);
    });

    it('lets the last non-re-entrant block overshoot the limit, as the IC does', async () => {
        const { prepared, exports } = await instantiate();
        global(exports, prepared.counterGlobal).value = 0n;
        global(exports, prepared.limitGlobal).value = 91n; // count(10) costs 92; its last check sees 91
        expect((exports['count'] as Fn)(10)).toBe(10);
        expect(global(exports, prepared.counterGlobal).value).toBe(92n);
        expect(global(exports, prepared.exhaustedGlobal).value).toBe(0);
    });

    it('checks bulk operation sizes against the limit before running them', async () => {
        const { prepared, exports } = await instantiate();
        global(exports, prepared.counterGlobal).value = 0n;
        global(exports, prepared.limitGlobal).value = 1000n;
        expect(() => (exports['fill'] as Fn)(2000)).toThrow(WebAssembly.RuntimeError);
        expect(global(exports, prepared.exhaustedGlobal).value).toBe(1);
        expect(global(exports, prepared.counterGlobal).value).toBe(104n + 2000n);
    });
});
