/**
 * On-disk cache of prepared (patched + instrumented) wasm bytes, keyed by the input's sha256 and
 * INSTRUMENTER_VERSION. Files are written to a temporary name and renamed, so concurrent test workers
 * never read a half-written entry.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What is stored next to the prepared bytes. */
export interface CacheMeta {
    mutableGlobalExports: string[];
    functions: number;
}

export interface CacheEntry {
    bytes: Uint8Array;
    meta: CacheMeta;
}

/** Storage for prepared modules; `fileCache` is the default, tests may pass their own directory. */
export interface PreparedCache {
    get(key: string): Promise<CacheEntry | undefined>;
    put(key: string, entry: CacheEntry): Promise<void>;
}

/** `<repo>/node_modules/.cache/deai-devnet/`, found from this file's location, not the working directory. */
export const DEFAULT_CACHE_DIR = fileURLToPath(new URL('../../../node_modules/.cache/deai-devnet/', import.meta.url));

export function fileCache(dir: string = DEFAULT_CACHE_DIR): PreparedCache {
    return {
        async get(key) {
            try {
                const [bytes, metaText] = await Promise.all([
                    readFile(join(dir, `${key}.wasm`)),
                    readFile(join(dir, `${key}.json`), 'utf8')
                ]);
                const meta = parseMeta(metaText);
                return meta === undefined ? undefined : { bytes: new Uint8Array(bytes), meta };
            } catch {
                return undefined; // absent or unreadable: prepare again
            }
        },
        async put(key, entry) {
            await mkdir(dir, { recursive: true });
            const suffix = `${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
            // The meta file is written last: a reader that finds it also finds the complete wasm file.
            await writeFile(join(dir, `${key}.wasm.${suffix}`), entry.bytes);
            await rename(join(dir, `${key}.wasm.${suffix}`), join(dir, `${key}.wasm`));
            await writeFile(join(dir, `${key}.json.${suffix}`), JSON.stringify(entry.meta));
            await rename(join(dir, `${key}.json.${suffix}`), join(dir, `${key}.json`));
        }
    };
}

function parseMeta(text: string): CacheMeta | undefined {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return undefined;
    const { mutableGlobalExports, functions } = value as Record<string, unknown>;
    if (!Array.isArray(mutableGlobalExports) || !mutableGlobalExports.every((n) => typeof n === 'string')) return undefined;
    if (typeof functions !== 'number' || !Number.isInteger(functions)) return undefined;
    return { mutableGlobalExports, functions };
}
