/**
 * saveState / Devnet.load: heap, stable memory, globals, settings, cycles, certified data, chunks and time survive
 * a restart; the restored canister keeps working.
 */
import { describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDL } from '@icp-sdk/core/candid';
import { Principal } from '@dfinity/principal';
import { Devnet } from '../../src/devnet/index.js';
import { controller, probeActor, withProbe, withRelay } from './fixtures.js';

describe('persistence', () => {
    it('a loaded devnet continues exactly where the saved one stopped', async () => {
        const dir = await mkdtemp(join(tmpdir(), 'devnet-state-'));
        try {
            const { devnet, probe, id } = await withProbe({}, 'persisted');
            await probe.inc();
            await probe.inc();
            await probe.put('k', 'v');
            await probe.set_certified(new Uint8Array([9, 9]));
            const chunkArg = new Uint8Array(IDL.encode([IDL.Record({ canister_id: IDL.Principal, chunk: IDL.Vec(IDL.Nat8) })], [{ canister_id: id, chunk: new Uint8Array([1, 2, 3]) }]));
            await devnet.update({ canisterId: Principal.managementCanister(), method: 'upload_chunk', arg: chunkArg, sender: controller });
            await devnet.advanceTime(1_000_000_000n);
            const before = devnet.canisterInfo(id)!;
            await devnet.saveState(dir);

            const loaded = await Devnet.load(dir);
            const after = loaded.canisterInfo(id)!;
            expect(loaded.time()).toBe(devnet.time());
            expect(after.cycles).toBe(before.cycles);
            expect(after.version).toBe(before.version);
            expect(after.controllers.map((p) => p.toText())).toEqual([controller.toText()]);
            expect(Buffer.from(after.moduleHash!).equals(Buffer.from(before.moduleHash!))).toBe(true);
            expect(after.certifiedData).toEqual(new Uint8Array([9, 9]));
            expect(loaded.engine.canister(id)!.chunks.size).toBe(1);
            const restored = probeActor(loaded, id, controller);
            expect(await restored.get_counter()).toBe(2n); // heap restored, not re-initialised
            expect(await restored.init_arg()).toEqual(['persisted']);
            expect(await restored.get('k')).toEqual(['v']);
            expect(await restored.inc()).toBe(3n);
            const next = await loaded.createCanister({ sender: controller });
            expect(next.toText()).not.toBe(id.toText());
        } finally {
            await rm(dir, { recursive: true, force: true });
        }
    });

    it('with calls in flight: drops them with a warning (or refuses with requireIdle); the loaded canisters work', async () => {
        const warnings: string[] = [];
        const { devnet, id } = await withProbe({ logger: { debug: () => {}, info: () => {}, warn: (m) => warnings.push(m) } });
        const { relay, relayId } = await withRelay(devnet);
        devnet.onCanisterCall(() => ({ action: 'hang' }));
        void relay.call_inc(id).catch(() => undefined);
        await devnet.runUntilIdle();
        await expect(devnet.saveState(join(tmpdir(), 'devnet-never'), { requireIdle: true })).rejects.toThrow(/in flight/);
        const dir = await mkdtemp(join(tmpdir(), 'devnet-busy-'));
        try {
            await devnet.saveState(dir);
            expect(warnings.some((w) => w.includes('dropping calls in flight'))).toBe(true);
            const loaded = await Devnet.load(dir);
            expect(loaded.engine.canister(relayId)!.outstandingCalls.size).toBe(0);
            expect(await probeActor(loaded, id, controller).inc()).toBe(1n);
        } finally {
            await rm(dir, { recursive: true, force: true });
        }
    });
});
