/**
 * Start a devnet and deploy a built wasm into it in one call, for tests and scripts.
 */
import { readFile } from 'node:fs/promises';
import { Principal } from '@dfinity/principal';
import { Devnet, type DevnetOptions } from '../devnet.js';
import { principalOf, type CallerLike } from './actor.js';

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
    const canisterId = await devnet.createCanister({ sender, controllers: options.controllers ?? [sender], cycles: options.cycles, specifiedId: options.specifiedId });
    await devnet.installCode({ canisterId, wasm, arg: options.arg, sender });
    return canisterId;
}
