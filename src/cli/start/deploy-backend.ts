/**
 * Installs the backend from its built wasm, or keeps the restored one (upgrading it when the build changed), and
 * records its id in `<stateDir>/canister_ids.json` (dfx format) with the installed wasm's hash.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { IDL } from '@dfinity/candid';
import { Principal } from '@dfinity/principal';
import type { Devnet } from '../../devnet/index.js';
import { readCanisterIds, readDeployed, writeCanisterIds, writeDeployed } from './canister-ids.js';

export const BACKEND_WASM = '.azle/backend/backend.wasm';
/** Cycles for the backend: plenty for a long local session (the devnet charges like a 13-node subnet). */
export const BACKEND_CYCLES = 100_000_000_000_000n;

/** Reads the wasm once, up front: the shared build may replace the file while the app starts. */
export function readBackendWasm(): Uint8Array {
    try {
        return new Uint8Array(readFileSync(BACKEND_WASM));
    } catch (e) {
        throw new Error(`${BACKEND_WASM} is missing: run \`npm run build\` (${e instanceof Error ? e.message : String(e)})`);
    }
}

export async function deployBackend(devnet: Devnet, wasm: Uint8Array, controller: Principal, stateDir: string | null, log: (l: string) => void): Promise<string> {
    const wasmSha = createHash('sha256').update(wasm).digest('hex');
    const arg = new Uint8Array(IDL.encode([], []));
    const ids = stateDir === null ? {} : readCanisterIds(stateDir);
    const deployed = stateDir === null ? { wasmSha256: {} } : readDeployed(stateDir);
    let backendId = ids.backend?.local;
    if (backendId === undefined || !devnet.canisterIds().some((p) => p.toText() === backendId)) {
        const id = await devnet.createCanister({ sender: controller, controllers: [controller], cycles: BACKEND_CYCLES });
        await devnet.installCode({ canisterId: id, wasm, arg, sender: controller });
        backendId = id.toText();
        log(`backend installed: ${backendId}`);
    } else if (deployed.wasmSha256.backend !== wasmSha) {
        await devnet.upgradeCanister({ canisterId: Principal.fromText(backendId), wasm, arg, sender: controller });
        log(`backend upgraded to the new build: ${backendId}`);
    }
    if (stateDir !== null) {
        writeCanisterIds(stateDir, { ...ids, backend: { local: backendId } });
        writeDeployed(stateDir, { wasmSha256: { ...deployed.wasmSha256, backend: wasmSha } });
    }
    return backendId;
}
