import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileCache, prepareModule } from '../../../src/devnet/wasm/index.js';
import { stubImports } from './stub-ic0.js';

const BACKEND_WASM = new URL('../../../.azle/backend/backend.wasm', import.meta.url);
/** A cold preparation takes about 1 s alone; the shared 2-core machine can make it several times slower. */
const PREPARE_TIMEOUT_MS = 60_000;

describe('prepareModule on the Azle backend wasm', { timeout: PREPARE_TIMEOUT_MS }, () => {
    it('finds the built backend wasm (npm run build)', () => {
        expect(existsSync(BACKEND_WASM), `${BACKEND_WASM.pathname} is missing: build the canister first`).toBe(true);
    });

    it('prepares, instantiates with a stub ic0 and has every export', async () => {
        const raw = new Uint8Array(await readFile(BACKEND_WASM));
        const prepared = await prepareModule(raw, { cache: null });
        const originalExports = WebAssembly.Module.exports(await WebAssembly.compile(raw)).map((e) => e.name);
        const exports = WebAssembly.Module.exports(prepared.module).map((e) => e.name);

        expect(prepared.sha256).toMatch(/^[0-9a-f]{64}$/);
        expect(prepared.mutableGlobalExports).toEqual(['__devnet_global_0']); // __stack_pointer
        expect(prepared.stats.functions).toBeGreaterThan(1000);
        for (const name of originalExports) expect(exports).toContain(name);
        for (const name of [prepared.tableExport, prepared.counterGlobal, prepared.limitGlobal, prepared.exhaustedGlobal]) {
            expect(exports).toContain(name);
        }
        const instance = await WebAssembly.instantiate(prepared.module, stubImports(prepared.module));
        const table = instance.exports[prepared.tableExport] as WebAssembly.Table;
        expect(table.length).toBeGreaterThan(1000);
        expect((instance.exports[prepared.counterGlobal] as WebAssembly.Global).value).toBe(0n);
        expect((instance.exports[prepared.exhaustedGlobal] as WebAssembly.Global).value).toBe(0);
        const stackPointer = instance.exports['__devnet_global_0'] as WebAssembly.Global;
        expect(typeof stackPointer.value).toBe('number');
    });

    it('serves a second preparation from the disk cache', async () => {
        const raw = new Uint8Array(await readFile(BACKEND_WASM));
        const dir = await mkdtemp(join(tmpdir(), 'deai-wasm-cache-'));
        try {
            const options = { cache: fileCache(dir), memoryCache: 'skip' } as const;
            const first = await prepareModule(raw, options);
            expect(first.stats.cached).toBe(false);
            const files = (await readdir(dir)).sort();
            expect(files).toHaveLength(2);
            expect(files[0]).toMatch(new RegExp(`^${first.sha256}-v\\d+\\.json$`));
            const second = await prepareModule(raw, options);
            expect(second.stats.cached).toBe(true);
            expect(second.mutableGlobalExports).toEqual(first.mutableGlobalExports);
            expect(WebAssembly.Module.exports(second.module)).toEqual(WebAssembly.Module.exports(first.module));
        } finally {
            await rm(dir, { recursive: true, force: true });
        }
    });

    it('answers a repeated preparation from memory', async () => {
        const raw = new Uint8Array(await readFile(BACKEND_WASM));
        const first = await prepareModule(raw, { cache: null });
        const second = await prepareModule(raw, { cache: null });
        expect(second.stats.cached).toBe(true);
        expect(second.module).toBe(first.module);
    });
});
