/**
 * Opt-in cache of the state right after `canister_init`, for tests that deploy the same heavy canister many times
 * (the backend's init seeds data for ~87 B instructions, ~35 s). The first deploy runs init for real and writes the
 * resulting heap, globals, stable pages, certified data and timer to disk; later deploys with the same module,
 * argument, installer, controllers and canister id restore that state instead of running init again.
 * Not IC behaviour: init's view of time() is the first run's. Keyed by content, so a rebuilt wasm misses.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Principal } from '@dfinity/principal';
import type { Canister } from '../core/canister-state.js';
import type { Engine } from '../core/engine.js';
import { decodeModule, sha256 } from '../core/module-bytes.js';
import { WasmInstance } from '../core/wasm-instance.js';
import { decodeStablePages, encodeStablePages } from '../persistence/state-store.js';
import { prepareModule } from '../wasm/index.js';

export const DEFAULT_INIT_CACHE_DIR = join('node_modules', '.cache', 'deai-devnet', 'init');
/** Bump when the cached layout or what init may observe changes. */
const INIT_CACHE_VERSION = 1;

export interface InitKeyParts {
    wasm: Uint8Array;
    arg: Uint8Array;
    sender: Principal;
    controllers: Principal[];
    canisterId: Principal;
}

interface InitMeta {
    globals: (string | number)[];
    stableSizePages: string;
    certifiedData: string;
    /** Global timer relative to the install time (ns), or null when unset. */
    timerOffsetNs: string | null;
    versionDelta: string;
}

export function initCacheKey(parts: InitKeyParts): string {
    const hash = createHash('sha256').update(`v${INIT_CACHE_VERSION}`).update(parts.wasm).update(parts.arg);
    hash.update(parts.sender.toUint8Array()).update(parts.canisterId.toUint8Array());
    for (const c of parts.controllers.map((p) => p.toText()).sort()) hash.update(c);
    return hash.digest('hex');
}

export async function saveInitState(dir: string, key: string, canister: Canister, installTimeNs: bigint, versionBefore: bigint): Promise<void> {
    const code = canister.code;
    if (code === undefined) return;
    const meta: InitMeta = {
        globals: code.instance.globals.map((g) => (typeof g.value === 'bigint' ? `${g.value}n` : (g.value as number))),
        stableSizePages: canister.stable.size.toString(),
        certifiedData: Buffer.from(canister.certifiedData).toString('hex'),
        timerOffsetNs: canister.globalTimer === 0n ? null : (canister.globalTimer - installTimeNs).toString(),
        versionDelta: (canister.version - versionBefore).toString()
    };
    // Copy synchronously, before any await lets a drain run the timers init armed.
    const memory = new Uint8Array(code.instance.memory.buffer).slice();
    const stable = encodeStablePages(canister.stable);
    const target = join(dir, key);
    const staging = `${target}.tmp-${process.pid}`;
    await mkdir(staging, { recursive: true });
    await writeFile(join(staging, 'memory.bin'), memory);
    await writeFile(join(staging, 'stable.bin'), stable);
    await writeFile(join(staging, 'meta.json'), JSON.stringify(meta));
    await rm(target, { recursive: true, force: true });
    await rename(staging, target).catch(() => rm(staging, { recursive: true, force: true })); // another process won the race
}

/** Installs `wasm` into the (empty) canister from a cached post-init state; false on a cache miss. */
export async function restoreInitState(engine: Engine, dir: string, key: string, canister: Canister, wasm: Uint8Array): Promise<boolean> {
    const source = join(dir, key);
    if (!existsSync(join(source, 'meta.json')) || canister.code !== undefined) return false;
    const meta = JSON.parse(await readFile(join(source, 'meta.json'), 'utf8')) as InitMeta;
    const prepared = await prepareModule(decodeModule(wasm));
    const memory = new Uint8Array(await readFile(join(source, 'memory.bin')));
    const globals = meta.globals.map((v) => (typeof v === 'string' && v.endsWith('n') ? BigInt(v.slice(0, -1)) : (v as number)));
    const instance = WasmInstance.fromSnapshot(prepared, engine.importsFor(canister), { memory, globals }, engine.scratch);
    canister.code = { prepared, uploaded: wasm, moduleHash: sha256(wasm), instance };
    canister.stable = decodeStablePages(BigInt(meta.stableSizePages), new Uint8Array(await readFile(join(source, 'stable.bin'))));
    canister.certifiedData = new Uint8Array(Buffer.from(meta.certifiedData, 'hex'));
    canister.globalTimer = meta.timerOffsetNs === null ? 0n : engine.timeNs + BigInt(meta.timerOffsetNs);
    canister.version += BigInt(meta.versionDelta);
    canister.lastInstallNs = engine.timeNs;
    return true;
}
