import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileCache, prepareModule } from '../../../src/devnet/wasm/index.js';
import { fixtureImports, fixtureWasm } from './metering-fixture.js';

async function withDir(run: (dir: string) => Promise<void>): Promise<void> {
    const dir = await mkdtemp(join(tmpdir(), 'deai-wasm-cache-'));
    try {
        await run(dir);
    } finally {
        await rm(dir, { recursive: true, force: true });
    }
}

describe('the disk cache of prepared modules', () => {
    it('prepares again over a damaged entry and repairs it', async () => {
        await withDir(async (dir) => {
            const options = { cache: fileCache(dir), memoryCache: 'skip' } as const;
            const first = await prepareModule(fixtureWasm, options);
            const wasmFile = (await readdir(dir)).find((f) => f.endsWith('.wasm'))!;
            await writeFile(join(dir, wasmFile), new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 99]));
            const second = await prepareModule(fixtureWasm, options);
            expect(second.stats.cached).toBe(false);
            const { exports } = await WebAssembly.instantiate(second.module, fixtureImports());
            expect((exports['count'] as (n: number) => number)(3)).toBe(3);
            expect((await prepareModule(fixtureWasm, options)).stats.cached).toBe(true);
            expect(second.sha256).toBe(first.sha256);
        });
    });

    it('ignores an entry whose metadata is malformed', async () => {
        await withDir(async (dir) => {
            const options = { cache: fileCache(dir), memoryCache: 'skip' } as const;
            await prepareModule(fixtureWasm, options);
            const metaFile = (await readdir(dir)).find((f) => f.endsWith('.json'))!;
            await writeFile(join(dir, metaFile), '{"mutableGlobalExports": 3}');
            const again = await prepareModule(fixtureWasm, options);
            expect(again.stats.cached).toBe(false);
            expect(again.mutableGlobalExports).toEqual(['__devnet_global_2', '__devnet_global_3']);
        });
    });

    it('still prepares when the cache directory cannot be written', async () => {
        await withDir(async (dir) => {
            const blocker = join(dir, 'file');
            await writeFile(blocker, 'not a directory');
            const prepared = await prepareModule(fixtureWasm, { cache: fileCache(join(blocker, 'sub')), memoryCache: 'skip' });
            expect(prepared.stats.cached).toBe(false);
        });
    });
});
