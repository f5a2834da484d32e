/**
 * install / upgrade / reinstall / uninstall, chunked install, controllers, stop/start/delete, canister_status.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { IDL } from '@icp-sdk/core/candid';
import { Principal } from '@dfinity/principal';
import { Devnet, DevnetError, MAX_CHUNK_BYTES } from '../../src/devnet/index.js';
import { CanisterCallError, loadWasm } from '../../src/devnet/testing/index.js';
import { CanisterStatusResult, ChunkHash, InstallChunkedCodeArgs } from '../../src/devnet/management/ic.idl.js';
import { controller, emptyArgs, PROBE_WASM, probeActor, probeInitArg, stranger, withProbe } from './fixtures.js';

const mgmt = Principal.managementCanister();
const idArg = (id: Principal): Uint8Array => new Uint8Array(IDL.encode([IDL.Record({ canister_id: IDL.Principal })], [{ canister_id: id }]));

async function manage(devnet: Devnet, method: string, arg: Uint8Array, sender = controller) {
    return devnet.update({ canisterId: mgmt, method, arg, sender });
}

describe('code installation', () => {
    it('upgrade: pre_upgrade runs on the old heap, stable memory survives, the heap starts fresh', async () => {
        const { devnet, probe, id } = await withProbe({}, 'first');
        await probe.inc();
        await probe.inc();
        await probe.put('k', 'v');
        const version = devnet.canisterInfo(id)!.version;
        await devnet.upgradeCanister({ canisterId: id, wasm: await loadWasm(PROBE_WASM), sender: controller, arg: probeInitArg('second') });
        expect(await probe.get_counter()).toBe(0n);
        expect(await probe.was_upgraded()).toBe(true);
        expect(await probe.init_arg()).toEqual(['second']);
        expect(await probe.get('k')).toEqual(['v']);
        expect(await probe.get('pre_upgrade_counter')).toEqual(['2']);
        expect(devnet.canisterInfo(id)!.version).toBe(version + 1n);
    });

    it('a trapping post_upgrade rolls the whole upgrade back (old heap, stable, version)', async () => {
        const { devnet, probe, id } = await withProbe();
        await probe.inc();
        const version = devnet.canisterInfo(id)!.version;
        const badArg = new Uint8Array([1, 2, 3]); // not Candid: post_upgrade's argument decoding traps
        const error = (await devnet.upgradeCanister({ canisterId: id, wasm: await loadWasm(PROBE_WASM), sender: controller, arg: badArg }).catch((e: unknown) => e)) as DevnetError;
        expect(error).toBeInstanceOf(DevnetError);
        expect(error.outcome?.rejectCode).toBe(5);
        expect(await probe.get_counter()).toBe(1n);
        expect(await probe.was_upgraded()).toBe(false);
        expect(await probe.get('pre_upgrade_counter')).toEqual([]);
        expect(devnet.canisterInfo(id)!.version).toBe(version);
    });

    it('reinstall wipes heap and stable memory and runs init again', async () => {
        const { devnet, probe, id } = await withProbe({}, 'one');
        await probe.inc();
        await probe.put('k', 'v');
        await devnet.reinstallCode({ canisterId: id, wasm: await loadWasm(PROBE_WASM), sender: controller, arg: probeInitArg('two') });
        expect(await probe.get_counter()).toBe(0n);
        expect(await probe.get('k')).toEqual([]);
        expect(await probe.init_arg()).toEqual(['two']);
        expect(devnet.canisterInfo(id)!.stableMemoryBytes).toBeGreaterThanOrEqual(0n);
    });

    it('install on a non-empty canister is rejected (IC0538); uninstall empties it (IC0537)', async () => {
        const { devnet, id } = await withProbe();
        const error = (await devnet.installCode({ canisterId: id, wasm: await loadWasm(PROBE_WASM), sender: controller, arg: probeInitArg() }).catch((e: unknown) => e)) as DevnetError;
        expect(error.outcome?.errorCode).toBe('IC0538');
        expect((await manage(devnet, 'uninstall_code', idArg(id))).kind).toBe('replied');
        const outcome = await devnet.update({ canisterId: id, method: 'inc', arg: emptyArgs(), sender: controller });
        expect(outcome).toMatchObject({ kind: 'rejected', rejectCode: 5, errorCode: 'IC0537' });
        expect(devnet.canisterInfo(id)!.moduleHash).toBeUndefined();
    });

    it('chunked install of a > 2 MiB module: upload_chunk ×N, stored_chunks, install_chunked_code with hash check', async () => {
        const devnet = await Devnet.create();
        const id = await devnet.createCanister({ sender: controller });
        const wasm = await loadWasm(PROBE_WASM);
        expect(wasm.length).toBeGreaterThan(2 * 1024 * 1024);
        const hashes: Uint8Array[] = [];
        for (let at = 0; at < wasm.length; at += MAX_CHUNK_BYTES) {
            const chunk = wasm.subarray(at, at + MAX_CHUNK_BYTES);
            const outcome = await manage(devnet, 'upload_chunk', new Uint8Array(IDL.encode([IDL.Record({ canister_id: IDL.Principal, chunk: IDL.Vec(IDL.Nat8) })], [{ canister_id: id, chunk }])));
            expect(outcome.kind).toBe('replied');
            if (outcome.kind !== 'replied') return;
            const [{ hash }] = IDL.decode([ChunkHash as never], outcome.reply) as unknown as [{ hash: Uint8Array }];
            expect(Buffer.from(hash).toString('hex')).toBe(createHash('sha256').update(chunk).digest('hex'));
            hashes.push(hash);
        }
        const stored = await manage(devnet, 'stored_chunks', idArg(id));
        expect(stored.kind === 'replied' && (IDL.decode([IDL.Vec(ChunkHash as never)], stored.reply)[0] as unknown[]).length).toBe(hashes.length);
        const moduleHash = new Uint8Array(createHash('sha256').update(wasm).digest());
        const install = (hash: Uint8Array) =>
            manage(devnet, 'install_chunked_code', new Uint8Array(IDL.encode([InstallChunkedCodeArgs as never], [
                { mode: { install: null }, target_canister: id, store_canister: [], chunk_hashes_list: hashes.map((h) => ({ hash: h })), wasm_module_hash: hash, arg: probeInitArg('chunked'), sender_canister_version: [] }
            ])));
        const wrong = await install(new Uint8Array(32));
        expect(wrong).toMatchObject({ kind: 'rejected', rejectMessage: expect.stringContaining('does not match') });
        expect((await install(moduleHash)).kind).toBe('replied');
        expect(Buffer.from(devnet.canisterInfo(id)!.moduleHash!).equals(Buffer.from(moduleHash))).toBe(true);
        expect(await probeActor(devnet, id).init_arg()).toEqual(['chunked']);
        expect((await manage(devnet, 'clear_chunk_store', idArg(id))).kind).toBe('replied');
    });

    it('a gzipped module installs; its module hash is the hash of the gzipped bytes', async () => {
        const { gzipSync } = await import('node:zlib');
        const devnet = await Devnet.create();
        const id = await devnet.createCanister({ sender: controller });
        const gz = new Uint8Array(gzipSync(await loadWasm(PROBE_WASM)));
        expect(gz[0]).toBe(0x1f);
        await devnet.installCode({ canisterId: id, wasm: gz, sender: controller, arg: probeInitArg('gz') });
        expect(Buffer.from(devnet.canisterInfo(id)!.moduleHash!).toString('hex')).toBe(createHash('sha256').update(gz).digest('hex'));
        expect(await probeActor(devnet, id).init_arg()).toEqual(['gz']);
    });

    it('a module that is neither wasm nor gzip is rejected', async () => {
        const devnet = await Devnet.create();
        const id = await devnet.createCanister({ sender: controller });
        await expect(devnet.installCode({ canisterId: id, wasm: new Uint8Array([1, 2, 3, 4]), sender: controller })).rejects.toMatchObject({ code: 'call_rejected' });
        expect(devnet.canisterInfo(id)!.moduleHash).toBeUndefined();
    });

    it('a module that cannot be instantiated (no exported memory) is rejected and leaves the canister empty', async () => {
        const binaryen = (await import('binaryen')).default;
        const module = binaryen.parseText('(module (func (export "canister_update x")))');
        const wasm = module.emitBinary();
        module.dispose();
        const devnet = await Devnet.create();
        const id = await devnet.createCanister({ sender: controller });
        const error = (await devnet.installCode({ canisterId: id, wasm, sender: controller }).catch((e: unknown) => e)) as DevnetError;
        expect(error.outcome).toMatchObject({ rejectCode: 5, errorCode: 'IC0505' });
        expect(devnet.canisterInfo(id)!.moduleHash).toBeUndefined();
    });

    it('upload_chunk rejects chunks over 1 MiB', async () => {
        const devnet = await Devnet.create();
        const id = await devnet.createCanister({ sender: controller });
        const outcome = await manage(devnet, 'upload_chunk', new Uint8Array(IDL.encode([IDL.Record({ canister_id: IDL.Principal, chunk: IDL.Vec(IDL.Nat8) })], [{ canister_id: id, chunk: new Uint8Array(MAX_CHUNK_BYTES + 1) }])));
        expect(outcome.kind).toBe('rejected');
    });
});

describe('controllers and status', () => {
    it('non-controllers get IC0512 for install_code, canister_status, stop_canister', async () => {
        const { devnet, id } = await withProbe();
        const installArg = new Uint8Array(IDL.encode([IDL.Record({ mode: IDL.Variant({ reinstall: IDL.Null }), canister_id: IDL.Principal, wasm_module: IDL.Vec(IDL.Nat8), arg: IDL.Vec(IDL.Nat8) })], [
            { mode: { reinstall: null }, canister_id: id, wasm_module: new Uint8Array([0, 97, 115, 109]), arg: new Uint8Array() }
        ]));
        for (const [method, arg] of [['install_code', installArg], ['canister_status', idArg(id)], ['stop_canister', idArg(id)]] as const) {
            const outcome = await manage(devnet, method, arg, stranger);
            expect(outcome, method).toMatchObject({ kind: 'rejected', rejectCode: 5, errorCode: 'IC0512' });
        }
    });

    it('update_settings changes controllers; the old controller loses access', async () => {
        const { devnet, id } = await withProbe();
        const settingsArg = new Uint8Array(IDL.encode([IDL.Record({ canister_id: IDL.Principal, settings: IDL.Record({ controllers: IDL.Opt(IDL.Vec(IDL.Principal)) }) })], [
            { canister_id: id, settings: { controllers: [[stranger]] } }
        ]));
        expect((await manage(devnet, 'update_settings', settingsArg)).kind).toBe('replied');
        expect(devnet.canisterInfo(id)!.controllers.map((p) => p.toText())).toEqual([stranger.toText()]);
        expect(await manage(devnet, 'canister_status', idArg(id))).toMatchObject({ errorCode: 'IC0512' });
    });

    it('canister_status reports status, module hash, controllers, memory and cycles', async () => {
        const { devnet, id } = await withProbe();
        const outcome = await manage(devnet, 'canister_status', idArg(id));
        expect(outcome.kind).toBe('replied');
        if (outcome.kind !== 'replied') return;
        const [status] = IDL.decode([CanisterStatusResult as never], outcome.reply) as unknown as [Record<string, any>];
        expect(status.status).toEqual({ running: null });
        expect(Buffer.from(status.module_hash[0]).toString('hex')).toBe(createHash('sha256').update(await loadWasm(PROBE_WASM)).digest('hex'));
        expect(status.settings.controllers.map((p: Principal) => p.toText())).toEqual([controller.toText()]);
        expect(status.memory_size).toBeGreaterThan(0n);
        expect(status.cycles).toBe(devnet.canisterInfo(id)!.cycles);
        expect(status.settings.freezing_threshold).toBe(2_592_000n);
    });

    it('stop → stopped canisters reject calls (IC0508); start resumes; delete needs stopped; then IC0301', async () => {
        const { devnet, probe, id } = await withProbe();
        expect((await manage(devnet, 'delete_canister', idArg(id))).kind).toBe('rejected');
        expect((await manage(devnet, 'stop_canister', idArg(id))).kind).toBe('replied');
        expect(devnet.canisterInfo(id)!.status).toBe('stopped');
        const error = (await probe.inc().catch((e: unknown) => e)) as CanisterCallError;
        expect(error.errorCode).toBe('IC0508');
        expect(((await probe.get_counter().catch((e: unknown) => e)) as CanisterCallError).errorCode).toBe('IC0508');
        expect((await manage(devnet, 'start_canister', idArg(id))).kind).toBe('replied');
        expect(await probe.inc()).toBe(1n);
        await manage(devnet, 'stop_canister', idArg(id));
        expect((await manage(devnet, 'delete_canister', idArg(id))).kind).toBe('replied');
        expect(((await probe.inc().catch((e: unknown) => e)) as CanisterCallError).errorCode).toBe('IC0301');
    });

    it('canister-only management methods are refused by ingress', async () => {
        const devnet = await Devnet.create();
        const outcome = await manage(devnet, 'raw_rand', emptyArgs());
        expect(outcome).toMatchObject({ kind: 'rejected', rejectCode: 4 });
    });
});
