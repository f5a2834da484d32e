/**
 * install_code, install_chunked_code and the chunk store (management-canister.md §"IC method install_code",
 * §"upload_chunk", §"install_chunked_code"): chunks ≤ 1 MiB keyed by sha256; the chunked module must hash to
 * wasm_module_hash, which becomes the module hash.
 */
import type { Principal } from '@dfinity/principal';
import { RejectCode } from '../engine-api.js';
import { installCode, type InstallModeName } from '../core/install.js';
import { reject } from '../core/errors.js';
import { MAX_CHUNK_BYTES, MAX_CHUNKS_PER_STORE, MAX_WASM_MODULE_BYTES } from '../core/limits.constants.js';
import { sha256, toHex } from '../core/module-bytes.js';
import { ChunkHash, CanisterIdRecord, InstallChunkedCodeArgs, InstallCodeArgs, UploadChunkArgs, type InstallModeArg } from './ic.idl.js';
import { IDL } from '@dfinity/candid';
import { controlled, decodeArg, EMPTY, ManagementReject, reply, type InternalMethod, type ManagementEnv } from './management-env.js';

function modeOf(mode: InstallModeArg): { name: InstallModeName; skipPreUpgrade: boolean } {
    if ('install' in mode) return { name: 'install', skipPreUpgrade: false };
    if ('reinstall' in mode) return { name: 'reinstall', skipPreUpgrade: false };
    return { name: 'upgrade', skipPreUpgrade: mode.upgrade[0]?.skip_pre_upgrade[0] === true };
}

async function install(env: ManagementEnv, canisterId: Principal, mode: InstallModeArg, wasmModule: Uint8Array, arg: Uint8Array) {
    const canister = controlled(env, canisterId);
    const { name, skipPreUpgrade } = modeOf(mode);
    const outcome = await installCode(env.engine, { canister, mode: name, skipPreUpgrade, wasmModule, arg, sender: env.caller });
    return { ...outcome, cyclesKept: 0n };
}

export const installCodeMethod: InternalMethod = async (env, arg) => {
    const [a] = decodeArg<[{ mode: InstallModeArg; canister_id: Principal; wasm_module: Uint8Array; arg: Uint8Array }]>(env.method, [InstallCodeArgs], arg);
    return install(env, a.canister_id, a.mode, a.wasm_module, a.arg);
};

export const uploadChunk: InternalMethod = (env, arg) => {
    const [a] = decodeArg<[{ canister_id: Principal; chunk: Uint8Array }]>(env.method, [UploadChunkArgs], arg);
    const canister = controlled(env, a.canister_id, { selfAllowed: true });
    if (a.chunk.length > MAX_CHUNK_BYTES) {
        throw new ManagementReject(reject(RejectCode.CanisterReject, 'IC0406', `Wasm chunk size ${a.chunk.length} exceeds the maximum chunk size of ${MAX_CHUNK_BYTES}.`));
    }
    const hash = sha256(a.chunk);
    const key = toHex(hash);
    if (!canister.chunks.has(key) && canister.chunks.size >= MAX_CHUNKS_PER_STORE) {
        throw new ManagementReject(reject(RejectCode.CanisterReject, 'IC0406', `Wasm chunk store of canister ${canister.idText} is full (${MAX_CHUNKS_PER_STORE} chunks).`));
    }
    canister.chunks.set(key, a.chunk.slice());
    return reply([ChunkHash], [{ hash }]);
};

export const clearChunkStore: InternalMethod = (env, arg) => {
    const [a] = decodeArg<[{ canister_id: Principal }]>(env.method, [CanisterIdRecord], arg);
    controlled(env, a.canister_id, { selfAllowed: true }).chunks.clear();
    return EMPTY();
};

export const storedChunks: InternalMethod = (env, arg) => {
    const [a] = decodeArg<[{ canister_id: Principal }]>(env.method, [CanisterIdRecord], arg);
    const canister = controlled(env, a.canister_id, { selfAllowed: true });
    const hashes = [...canister.chunks.keys()].map((hex) => ({ hash: new Uint8Array(Buffer.from(hex, 'hex')) }));
    return reply([IDL.Vec(ChunkHash)], [hashes]);
};

export const installChunkedCode: InternalMethod = async (env, arg) => {
    const [a] = decodeArg<
        [{ mode: InstallModeArg; target_canister: Principal; store_canister: [] | [Principal]; chunk_hashes_list: { hash: Uint8Array }[]; wasm_module_hash: Uint8Array; arg: Uint8Array }]
    >(env.method, [InstallChunkedCodeArgs], arg);
    const store = controlled(env, a.store_canister[0] ?? a.target_canister, { selfAllowed: true });
    const parts: Uint8Array[] = [];
    let total = 0;
    for (const { hash } of a.chunk_hashes_list) {
        const chunk = store.chunks.get(toHex(hash));
        if (chunk === undefined) {
            throw new ManagementReject(reject(RejectCode.CanisterReject, 'IC0406', `Error from Wasm chunk store: Chunk with hash ${toHex(hash)} is not present in the chunk store of canister ${store.idText}.`));
        }
        total += chunk.length;
        if (total > MAX_WASM_MODULE_BYTES) throw new ManagementReject(reject(RejectCode.CanisterReject, 'IC0406', `Wasm module exceeds ${MAX_WASM_MODULE_BYTES} bytes.`));
        parts.push(chunk);
    }
    const module = new Uint8Array(total);
    let at = 0;
    for (const part of parts) {
        module.set(part, at);
        at += part.length;
    }
    const actual = sha256(module);
    if (toHex(actual) !== toHex(a.wasm_module_hash)) {
        throw new ManagementReject(
            reject(RejectCode.CanisterReject, 'IC0406', `Error from Wasm chunk store: Wasm module hash ${toHex(actual)} does not match given hash ${toHex(a.wasm_module_hash)}.`)
        );
    }
    return install(env, a.target_canister, a.mode, module, a.arg);
};
