import { describe, expect, it } from 'vitest';
import { prepareModule } from '../../../src/devnet/wasm/index.js';
import { fixtureImports, fixtureWasm } from './metering-fixture.js';
import { buildModule, I32 } from './wasm-builder.js';

describe('exports added by prepareModule', () => {
    it('exports the unexported table so the host calls the right function by table index', async () => {
        const prepared = await prepareModule(fixtureWasm, { cache: null });
        const { exports } = await WebAssembly.instantiate(prepared.module, fixtureImports());
        const table = exports[prepared.tableExport] as WebAssembly.Table;
        expect(table.length).toBe(2);
        expect((table.get(0) as () => number)()).toBe(7);
        expect((table.get(1) as () => number)()).toBe(42);
    });

    it('exports every own mutable global by its index, skipping imported and immutable ones', async () => {
        const prepared = await prepareModule(fixtureWasm, { cache: null });
        expect(prepared.mutableGlobalExports).toEqual(['__devnet_global_2', '__devnet_global_3']);
    });

    it('lets the host snapshot and restore globals between calls', async () => {
        const prepared = await prepareModule(fixtureWasm, { cache: null });
        const { exports } = await WebAssembly.instantiate(prepared.module, fixtureImports());
        const inc = exports['inc'] as () => number;
        const globals = prepared.mutableGlobalExports.map((name) => exports[name] as WebAssembly.Global);
        (globals[1] as WebAssembly.Global).value = 77n;
        const snapshot = globals.map((g) => g.value as unknown);
        expect(inc()).toBe(101);
        expect(inc()).toBe(102);
        (globals[1] as WebAssembly.Global).value = 5n;
        globals.forEach((g, i) => (g.value = snapshot[i]));
        expect(inc()).toBe(101);
        expect((globals[1] as WebAssembly.Global).value).toBe(77n);
    });

    it('gives the same results as the unmetered module', async () => {
        const prepared = await prepareModule(fixtureWasm, { cache: null });
        const metered = (await WebAssembly.instantiate(prepared.module, fixtureImports())).exports;
        const plain = (await WebAssembly.instantiate(await WebAssembly.compile(fixtureWasm as Uint8Array<ArrayBuffer>), fixtureImports())).exports;
        for (const [name, args] of [['count', [37]], ['branch', [0]], ['branch', [3]], ['caller', []], ['pick', [0]], ['pick', [4]], ['inc', []]] as const) {
            expect((metered[name] as (...a: number[]) => number)(...args)).toBe((plain[name] as (...a: number[]) => number)(...args));
        }
    });

    it('gives a module without table or globals an empty table and the metering globals', async () => {
        const wasm = buildModule({ funcs: [{ export: 'five', params: [], results: [I32], code: [0x41, 5] }] });
        const prepared = await prepareModule(wasm, { cache: null });
        const { exports } = await WebAssembly.instantiate(prepared.module, {});
        expect((exports[prepared.tableExport] as WebAssembly.Table).length).toBe(0);
        expect(prepared.mutableGlobalExports).toEqual([]);
        expect((exports['five'] as () => number)()).toBe(5);
        expect((exports[prepared.counterGlobal] as WebAssembly.Global).value).toBe(2n);
    });
});
