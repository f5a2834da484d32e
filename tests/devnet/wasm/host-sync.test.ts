/**
 * The counter global as the host sees it: exact during every import call (performance_counter, System API
 * charges), after returns by any path, and after `unreachable`; host additions during a call are kept.
 */
import { describe, expect, it } from 'vitest';
import { prepareModule, type PreparedModule } from '../../../src/devnet/wasm/index.js';
import { buildModule, I32 } from './wasm-builder.js';

const HOST_CHARGE = 1_000n;

// Function indices: 0 = env.peek (import), 1.. = the functions below.
const wasm = buildModule({
    importedFuncs: [{ name: 'peek', params: [], results: [] }],
    funcs: [
        // 1: const, drop, call peek, const, drop: one block of 1 + 1 + 1 + 5 + 1 + 1 = 10, all charged before peek runs
        { export: 'around', params: [], results: [], code: [0x41, 1, 0x1a, 0x10, 0, 0x41, 2, 0x1a] },
        // 2: calls 1 twice: entry 1 + 5 + 5; callees 2 x (10 + host)
        { export: 'twice', params: [], results: [], code: [0x10, 1, 0x10, 1] },
        // 3: block; br 1 (leaves the function); end; const: entry 1 + 0 + 2 = 3, the rest never runs
        { export: 'brOut', params: [], results: [I32], code: [0x41, 5, 0x02, 0x40, 0x41, 6, 0x0c, 1, 0x0b, 0x1a, 0x41, 9] },
        // 4: if x { unreachable } : entry 1 + 1 + 2 = 4; then 1
        { export: 'maybeTrap', params: [I32], results: [], code: [0x20, 0, 0x04, 0x40, 0x00, 0x0b] },
        // 5: br_table [1] 0 out of the function or to the block's end: entry 1 + 1 + 2 = 4; after the block 1 + 1
        { export: 'table', params: [I32], results: [], code: [0x02, 0x40, 0x20, 0, 0x0e, 1, 1, 0, 0x0b, 0x41, 0, 0x1a] }
    ]
});

async function setup(): Promise<{ prepared: PreparedModule; exports: WebAssembly.Exports; seen: bigint[] }> {
    const prepared = await prepareModule(wasm, { cache: null });
    const seen: bigint[] = [];
    let counter: WebAssembly.Global | undefined;
    const peek = (): void => {
        seen.push(counter!.value as bigint);
        counter!.value = (counter!.value as bigint) + HOST_CHARGE; // as the engine charges System API costs
    };
    const { exports } = await WebAssembly.instantiate(prepared.module, { env: { peek } });
    counter = exports[prepared.counterGlobal] as WebAssembly.Global;
    return { prepared, exports, seen };
}

function counterOf(exports: WebAssembly.Exports, prepared: PreparedModule): bigint {
    return (exports[prepared.counterGlobal] as WebAssembly.Global).value as bigint;
}

describe('the counter global during and after execution', () => {
    it('is exact inside an import call and keeps what the host added', async () => {
        const { prepared, exports, seen } = await setup();
        (exports['around'] as () => void)();
        expect(seen).toEqual([10n]);
        expect(counterOf(exports, prepared)).toBe(10n + HOST_CHARGE);
    });

    it('carries callee and host charges back into the caller', async () => {
        const { prepared, exports, seen } = await setup();
        (exports['twice'] as () => void)();
        expect(seen).toEqual([11n + 10n, 11n + 10n + HOST_CHARGE + 10n]);
        expect(counterOf(exports, prepared)).toBe(11n + 2n * (10n + HOST_CHARGE));
    });

    it('is current after a branch out of the function body', async () => {
        const { prepared, exports } = await setup();
        expect((exports['brOut'] as () => number)()).toBe(6);
        expect(counterOf(exports, prepared)).toBe(1n + 1n + 1n + 2n);
        (exports[prepared.counterGlobal] as WebAssembly.Global).value = 0n;
        (exports['table'] as (x: number) => void)(0);
        expect(counterOf(exports, prepared)).toBe(4n);
        (exports[prepared.counterGlobal] as WebAssembly.Global).value = 0n;
        (exports['table'] as (x: number) => void)(7);
        expect(counterOf(exports, prepared)).toBe(4n + 2n);
    });

    it('is current after the canister executes unreachable', async () => {
        const { prepared, exports } = await setup();
        (exports['maybeTrap'] as (x: number) => void)(0);
        expect(counterOf(exports, prepared)).toBe(4n);
        (exports[prepared.counterGlobal] as WebAssembly.Global).value = 0n;
        expect(() => (exports['maybeTrap'] as (x: number) => void)(1)).toThrow(WebAssembly.RuntimeError);
        expect(counterOf(exports, prepared)).toBe(5n);
    });
});
