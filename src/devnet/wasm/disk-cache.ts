/**
 * On-disk cache of prepared (patched + instrumented) wasm bytes, keyed by the input's sha256 and
 * INSTRUMENTER_VERSION. Files are written to a temporary name and renamed, so concurrent test workers
 * never read a half-written entry.
 */
import { mkdir, readFile, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
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

/** Entries kept on disk (each a few MB); the least recently written go first. */
export const MAX_DISK_CACHE_ENTRIES = 24;

/** Cache file names: `<sha256>-v<version>.wasm|json`. */
const ENTRY_FILE = /^([0-9a-f]{64})-v(\d+)\.(wasm|json)$/;

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
            await prune(dir, key);
        }
    };
}

/**
 * Deletes entries of other instrumenter versions, then the oldest entries beyond MAX_DISK_CACHE_ENTRIES.
 * A reader racing with a deletion just misses and prepares again.
 */
async function prune(dir: string, keptKey: string): Promise<void> {
    const version = keptKey.slice(keptKey.lastIndexOf('-v') + 2);
    const current = new Map<string, number>(); // key -> mtime of its wasm file
    for (const name of await readdir(dir)) {
        const match = ENTRY_FILE.exec(name);
        if (match === null) continue;
        const key = `${match[1]}-v${match[2]}`;
        if (match[2] !== version) await unlink(join(dir, name)).catch(() => undefined);
        else if (match[3] === 'wasm') current.set(key, (await stat(join(dir, name)).catch(() => undefined))?.mtimeMs ?? 0);
    }
    const oldestFirst = [...current].filter(([key]) => key !== keptKey).sort((a, b) => a[1] - b[1]);
    for (const [key] of oldestFirst.slice(0, Math.max(0, current.size - MAX_DISK_CACHE_ENTRIES))) {
        await unlink(join(dir, `${key}.wasm`)).catch(() => undefined);
        await unlink(join(dir, `${key}.json`)).catch(() => undefined);
    }
}

function parseMeta(text: string): CacheMeta | undefined {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return undefined;
    const { mutableGlobalExports, functions } = value as Record<string, unknown>;
    if (!Array.isArray(mutableGlobalExports) || !mutableGlobalExports.every((n) => typeof n === 'string')) return undefined;
    if (typeof functions !== 'number' || !Number.isInteger(functions)) return undefined;
    return { mutableGlobalExports, functions };
}
