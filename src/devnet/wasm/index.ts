/**
 * Prepares canister wasm for the devnet: exports the table and mutable globals, and meters instructions the way
 * the IC does (docs/devnet-metering.md). The result is compiled once and cached in memory and on disk.
 */
import { createHash } from 'node:crypto';
import { fileCache, type CacheEntry, type CacheMeta, type PreparedCache } from './disk-cache.js';
import { patchExports } from './export-patch.js';
import { meterModule } from './metering/meter-module.js';
import {
    COUNTER_GLOBAL_EXPORT,
    EXHAUSTED_GLOBAL_EXPORT,
    INSTRUMENTER_VERSION,
    LIMIT_GLOBAL_EXPORT,
    MAX_WASM_MODULE_BYTES,
    TABLE_EXPORT
} from './names.constants.js';
import { PrepareError, PrepareErrorCode } from './prepare-error.js';

export * from './names.constants.js';
export { PrepareError, PrepareErrorCode } from './prepare-error.js';
export * from './system-api-costs.constants.js';
export { fileCache, DEFAULT_CACHE_DIR, MAX_DISK_CACHE_ENTRIES, type PreparedCache, type CacheEntry, type CacheMeta } from './disk-cache.js';

export interface PreparedModule {
    /** Compiled, ready to instantiate with `{ ic0: {...} }`. */
    module: WebAssembly.Module;
    /** Hex sha256 of the input bytes. */
    sha256: string;
    tableExport: typeof TABLE_EXPORT;
    /** `__devnet_global_<index>` for each internal (non-imported) mutable global of the input, in index order. */
    mutableGlobalExports: string[];
    /** Exported mutable i64, incremented by executed instructions. */
    counterGlobal: typeof COUNTER_GLOBAL_EXPORT;
    /** Exported mutable i64; when counter > limit (unsigned) the code sets `exhaustedGlobal` to 1 and traps. */
    limitGlobal: typeof LIMIT_GLOBAL_EXPORT;
    exhaustedGlobal: typeof EXHAUSTED_GLOBAL_EXPORT;
    stats: { functions: number; instrumentMs: number; cached: boolean };
}

export interface PrepareOptions {
    /** Disk cache; `null` turns it off. Default: fileCache() under node_modules/.cache/deai-devnet/. */
    cache?: PreparedCache | null;
    /** 'skip' neither reads nor fills the in-memory cache of compiled modules (tests of the disk cache). */
    memoryCache?: 'use' | 'skip';
    /** Milliseconds clock for stats.instrumentMs. */
    now?: () => number;
}

/** Compiled modules by cache key; bounded because each holds the module's machine code. */
const MAX_MEMORY_CACHE_ENTRIES = 16;
const compiled = new Map<string, Promise<Compiled>>();

interface Compiled {
    module: WebAssembly.Module;
    meta: CacheMeta;
}

/**
 * @example
 * const prepared = await prepareModule(await readFile('.azle/backend/backend.wasm'));
 * const instance = await WebAssembly.instantiate(prepared.module, { ic0 });
 * (instance.exports[prepared.limitGlobal] as WebAssembly.Global).value = 40_000_000_000n;
 */
export async function prepareModule(wasm: Uint8Array, options: PrepareOptions = {}): Promise<PreparedModule> {
    const now = options.now ?? (() => performance.now());
    const cache = options.cache === undefined ? fileCache() : options.cache;
    if (wasm.byteLength > MAX_WASM_MODULE_BYTES) {
        throw new PrepareError(PrepareErrorCode.TooLarge, `wasm module is ${wasm.byteLength} bytes; the limit is ${MAX_WASM_MODULE_BYTES}`);
    }
    const started = now();
    const sha256 = createHash('sha256').update(wasm).digest('hex');
    const key = `${sha256}-v${INSTRUMENTER_VERSION}`;
    let cached = true;
    const useMemory = options.memoryCache !== 'skip';
    let pending = useMemory ? compiled.get(key) : undefined;
    if (pending !== undefined) remember(key, pending); // most recently used goes last
    if (pending === undefined) {
        cached = false;
        pending = load(wasm, key, cache, 'read').then(async ({ entry, fromDisk }) => {
            cached = fromDisk;
            try {
                return { module: await WebAssembly.compile(bufferSource(entry.bytes)), meta: entry.meta };
            } catch (err) {
                if (!fromDisk) throw new PrepareError(PrepareErrorCode.InvalidWasm, `prepared module does not compile: ${String(err)}`);
                // A damaged cache entry: prepare again and overwrite it.
                cached = false;
                const fresh = await load(wasm, key, cache, 'skip-read');
                return { module: await WebAssembly.compile(bufferSource(fresh.entry.bytes)), meta: fresh.entry.meta };
            }
        });
        if (useMemory) remember(key, pending);
    }
    const { module, meta } = await pending;
    return {
        module,
        sha256,
        tableExport: TABLE_EXPORT,
        mutableGlobalExports: [...meta.mutableGlobalExports],
        counterGlobal: COUNTER_GLOBAL_EXPORT,
        limitGlobal: LIMIT_GLOBAL_EXPORT,
        exhaustedGlobal: EXHAUSTED_GLOBAL_EXPORT,
        stats: { functions: meta.functions, instrumentMs: now() - started, cached }
    };
}

async function load(
    wasm: Uint8Array,
    key: string,
    cache: PreparedCache | null,
    read: 'read' | 'skip-read'
): Promise<{ entry: CacheEntry; fromDisk: boolean }> {
    const hit = read === 'read' ? await cache?.get(key) : undefined;
    if (hit !== undefined) return { entry: hit, fromDisk: true };
    if (!WebAssembly.validate(bufferSource(wasm))) {
        throw new PrepareError(PrepareErrorCode.InvalidWasm, 'input is not a valid wasm module (WebAssembly.validate failed)');
    }
    // Meter the wasm as built, as the IC does; binaryen's re-encoding then only adds exports.
    const metered = meterModule(wasm);
    const patched = patchExports(metered.bytes, metered.globals);
    const entry: CacheEntry = {
        bytes: patched.bytes,
        meta: { mutableGlobalExports: patched.mutableGlobalExports, functions: metered.functions }
    };
    // The disk cache is an optimisation: a failed write (read-only tree, full disk) must not fail the preparation.
    await cache?.put(key, entry).catch(() => undefined);
    return { entry, fromDisk: false };
}

function remember(key: string, pending: Promise<Compiled>): void {
    compiled.delete(key);
    compiled.set(key, pending);
    pending.catch(() => compiled.delete(key)); // a failed preparation is retried next time
    while (compiled.size > MAX_MEMORY_CACHE_ENTRIES) {
        const oldest = compiled.keys().next().value as string;
        compiled.delete(oldest);
    }
}

/** WebAssembly's typings want an ArrayBuffer-backed view; copy only in the rare shared-buffer case. */
function bufferSource(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
    return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}
