/**
 * saveState / load: all canister state on disk so `npm start` can restart with it. Layout of `dir`:
 *   devnet.json                      manifest (state-codec.ts)
 *   canisters/<id>/module.bin        the module as uploaded
 *   canisters/<id>/memory.bin        wasm memory
 *   canisters/<id>/stable.bin        non-zero stable pages: [u32 BE page index ‖ 64 KiB]…
 *   canisters/<id>/chunks/<sha256>   chunk store
 * Only quiescent state is saved: messages in flight and open call contexts are not (saveState runs the devnet
 * until idle first; calls still outstanding then are dropped with a warning, or refused with `requireIdle`).
 */
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Principal } from '@dfinity/principal';
import type { Engine } from '../core/engine.js';
import { StableMemory } from '../core/stable-memory.js';
import { STABLE_PAGE_BYTES } from '../core/limits.constants.js';
import { decodeModule, sha256 } from '../core/module-bytes.js';
import { WasmInstance } from '../core/wasm-instance.js';
import { prepareModule } from '../wasm/index.js';
import { applyPersisted, decodeGlobals, encodeCanister, STATE_FORMAT_VERSION, type PersistedState } from './state-codec.js';

const MANIFEST = 'devnet.json';

export class StateStoreError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'StateStoreError';
    }
}

export interface SaveOptions {
    /** Refuse to save while calls are in flight (default false: save, and drop them with a warning). */
    requireIdle?: boolean;
}

export async function saveEngineState(engine: Engine, nextCanisterIndex: bigint, dir: string, options: SaveOptions = {}): Promise<void> {
    const busy = [...engine.canisters.values()].filter((c) => c.outstandingCalls.size > 0 || c.openContexts > 0);
    if (busy.length > 0 || engine.queue.length > 0) {
        const what = `calls in flight (canisters: ${busy.map((c) => c.idText).join(', ') || 'none'}, queued messages: ${engine.queue.length})`;
        if (options.requireIdle === true) throw new StateStoreError(`cannot save while there are ${what}`);
        // Their callbacks will never run after a load; the canisters' heaps keep whatever awaited them.
        engine.logger.warn(`devnet saveState: dropping ${what}`);
    }
    // Write into a sibling directory, then swap, so a crash never leaves a half-written state.
    const staging = `${dir}.tmp-${process.pid}`;
    await rm(staging, { recursive: true, force: true });
    await mkdir(join(staging, 'canisters'), { recursive: true });
    const manifest: PersistedState = { format: STATE_FORMAT_VERSION, timeNs: engine.timeNs.toString(), nextCanisterIndex: nextCanisterIndex.toString(), canisters: [] };
    for (const canister of engine.canisters.values()) {
        manifest.canisters.push(encodeCanister(canister));
        const cdir = join(staging, 'canisters', canister.idText);
        await mkdir(join(cdir, 'chunks'), { recursive: true });
        if (canister.code !== undefined) {
            await writeFile(join(cdir, 'module.bin'), canister.code.uploaded);
            await writeFile(join(cdir, 'memory.bin'), new Uint8Array(canister.code.instance.memory.buffer));
        }
        await writeFile(join(cdir, 'stable.bin'), encodeStablePages(canister.stable));
        for (const [hash, chunk] of canister.chunks) await writeFile(join(cdir, 'chunks', hash), chunk);
    }
    await writeFile(join(staging, MANIFEST), JSON.stringify(manifest, null, 1));
    await rm(dir, { recursive: true, force: true });
    await rename(staging, dir);
}

export async function loadEngineState(engine: Engine, dir: string): Promise<void> {
    const manifest = await readManifest(dir);
    for (const p of manifest.canisters) {
        const canister = engine.addCanister(Principal.fromText(p.id), [], 0n);
        applyPersisted(canister, p);
        const cdir = join(dir, 'canisters', p.id);
        canister.stable = decodeStablePages(BigInt(p.stableSizePages), new Uint8Array(await readFile(join(cdir, 'stable.bin'))));
        for (const hash of p.chunkHashes) canister.chunks.set(hash, new Uint8Array(await readFile(join(cdir, 'chunks', hash))));
        if (p.code !== null) {
            const uploaded = new Uint8Array(await readFile(join(cdir, 'module.bin')));
            const moduleHash = sha256(uploaded);
            if (Buffer.from(moduleHash).toString('hex') !== p.code.moduleHash) throw new StateStoreError(`module of ${p.id} does not match its recorded hash`);
            const prepared = await prepareModule(decodeModule(uploaded));
            const memory = new Uint8Array(await readFile(join(cdir, 'memory.bin')));
            const instance = WasmInstance.fromSnapshot(prepared, engine.importsFor(canister), { memory, globals: decodeGlobals(p.code.globals) }, engine.scratch);
            canister.code = { prepared, uploaded, moduleHash, instance };
        }
    }
}

export async function readManifest(dir: string): Promise<PersistedState> {
    const path = join(dir, MANIFEST);
    if (!existsSync(path)) throw new StateStoreError(`no devnet state in ${dir} (missing ${MANIFEST})`);
    const manifest = JSON.parse(await readFile(path, 'utf8')) as PersistedState;
    if (manifest.format !== STATE_FORMAT_VERSION) throw new StateStoreError(`unsupported devnet state format ${manifest.format} in ${dir}`);
    return manifest;
}

export function encodeStablePages(stable: StableMemory): Uint8Array {
    const { pages } = stable.snapshotPages();
    const out = new Uint8Array(pages.length * (4 + STABLE_PAGE_BYTES));
    const view = new DataView(out.buffer);
    pages.forEach(([index, page], i) => {
        const at = i * (4 + STABLE_PAGE_BYTES);
        view.setUint32(at, index);
        out.set(page, at + 4);
    });
    return out;
}

export function decodeStablePages(sizePages: bigint, bytes: Uint8Array): StableMemory {
    const pages: [number, Uint8Array][] = [];
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let at = 0; at + 4 + STABLE_PAGE_BYTES <= bytes.length; at += 4 + STABLE_PAGE_BYTES) {
        pages.push([view.getUint32(at), bytes.slice(at + 4, at + 4 + STABLE_PAGE_BYTES)]);
    }
    return StableMemory.fromPages(sizePages, pages);
}

/** Lists the canister ids in a saved state without loading it. */
export async function savedCanisterIds(dir: string): Promise<string[]> {
    return existsSync(join(dir, 'canisters')) ? readdir(join(dir, 'canisters')) : [];
}
