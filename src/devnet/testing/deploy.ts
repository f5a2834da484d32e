/**
 * Start a devnet and deploy a built wasm into it in one call, for tests and scripts.
 */
import { readFile } from 'node:fs/promises';
import { Principal } from '@dfinity/principal';
import { Devnet, type DevnetOptions } from '../devnet.js';
import { IDL } from '@dfinity/candid';
import { principalOf, type CallerLike } from './actor.js';
import { DEFAULT_INIT_CACHE_DIR, initCacheKey, restoreInitState, saveInitState } from './init-cache.js';

export interface DeployOptions {
    /** Path of a built `.wasm` / `.wasm.gz`, or the bytes. */
    wasm: string | Uint8Array;
    /** Candid-encoded init argument (default: empty args). */
    arg?: Uint8Array;
    /** Installer and controller (default: anonymous). */
    sender?: CallerLike;
    controllers?: Principal[];
    cycles?: bigint;
    specifiedId?: Principal;
    /**
     * Reuse the state right after canister_init from an on-disk cache (see init-cache.ts): `true` for the default
     * directory, or a directory. For heavy inits in tests; off by default because init then sees an old time().
     */
    initCache?: boolean | string;
}

const wasmCache = new Map<string, Promise<Uint8Array>>();

/** Reads a wasm file once per process. */
export function loadWasm(path: string): Promise<Uint8Array> {
    let pending = wasmCache.get(path);
    if (pending === undefined) {
        pending = readFile(path).then((b) => new Uint8Array(b));
        wasmCache.set(path, pending);
    }
    return pending;
}

export async function startDevnet(options: DevnetOptions = {}): Promise<Devnet> {
    return Devnet.create(options);
}

/** Creates a canister and installs the wasm; returns its id. */
export async function deployCanister(devnet: Devnet, options: DeployOptions): Promise<Principal> {
    const sender = principalOf(options.sender);
    const wasm = typeof options.wasm === 'string' ? await loadWasm(options.wasm) : options.wasm;
    const controllers = options.controllers ?? [sender];
    const canisterId = await devnet.createCanister({ sender, controllers, cycles: options.cycles, specifiedId: options.specifiedId });
    const arg = options.arg ?? new Uint8Array(IDL.encode([], []));
    if (options.initCache === undefined || options.initCache === false) {
        await devnet.installCode({ canisterId, wasm, arg, sender });
        return canisterId;
    }
    const dir = typeof options.initCache === 'string' ? options.initCache : DEFAULT_INIT_CACHE_DIR;
    const key = initCacheKey({ wasm, arg, sender, controllers, canisterId });
    const canister = devnet.engine.canister(canisterId)!;
    if (await restoreInitState(devnet.engine, dir, key, canister, wasm)) return canisterId;
    const installTime = devnet.time();
    const versionBefore = canister.version;
    await devnet.installCode({ canisterId, wasm, arg, sender });
    await saveInitState(dir, key, canister, installTime, versionBefore);
    return canisterId;
}
