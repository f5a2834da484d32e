import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileCache, INSTRUMENTER_VERSION, MAX_DISK_CACHE_ENTRIES, prepareModule } from '../../../src/devnet/wasm/index.js';
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

    it('drops entries of other versions and keeps at most MAX_DISK_CACHE_ENTRIES', async () => {
        await withDir(async (dir) => {
            const sha = (i: number) => i.toString(16).padStart(64, '0');
            await writeFile(join(dir, `${sha(1)}-v${INSTRUMENTER_VERSION + 1}.wasm`), 'old version');
            await writeFile(join(dir, `${sha(1)}-v${INSTRUMENTER_VERSION + 1}.json`), '{}');
            await writeFile(join(dir, 'unrelated.txt'), 'kept');
            for (let i = 0; i < MAX_DISK_CACHE_ENTRIES + 3; i++) {
                for (const ext of ['wasm', 'json']) {
                    const file = join(dir, `${sha(100 + i)}-v${INSTRUMENTER_VERSION}.${ext}`);
                    await writeFile(file, 'x');
                    await utimes(file, 1_000 + i, 1_000 + i); // the first ones are the oldest
                }
            }
            const prepared = await prepareModule(fixtureWasm, { cache: fileCache(dir), memoryCache: 'skip' });
            const files = await readdir(dir);
            expect(files).toContain('unrelated.txt');
            expect(files.filter((f) => f.includes(`-v${INSTRUMENTER_VERSION + 1}.`))).toEqual([]);
            expect(files.filter((f) => f.endsWith('.wasm'))).toHaveLength(MAX_DISK_CACHE_ENTRIES);
            expect(files).toContain(`${prepared.sha256}-v${INSTRUMENTER_VERSION}.wasm`);
            expect(files).not.toContain(`${sha(100)}-v${INSTRUMENTER_VERSION}.wasm`);
            expect(files).toContain(`${sha(100 + MAX_DISK_CACHE_ENTRIES + 2)}-v${INSTRUMENTER_VERSION}.json`);
        });
    });
});
