/**
 * Cycles: execution charges, accept/refund between canisters, burn, top-up.
 */
import { describe, expect, it } from 'vitest';
import { IDL } from '@icp-sdk/core/candid';
import { Principal } from '@dfinity/principal';
import { DEFAULT_PROVISIONAL_CYCLES } from '../../src/devnet/index.js';
import { controller, emptyArgs, withProbe, withRelay } from './fixtures.js';

describe('cycles', () => {
    it('a new canister gets 100 T by default; updates are charged, queries are free', async () => {
        const { devnet, id } = await withProbe();
        const before = devnet.canisterInfo(id)!.cycles;
        expect(before).toBeLessThanOrEqual(DEFAULT_PROVISIONAL_CYCLES);
        const update = await devnet.update({ canisterId: id, method: 'inc', arg: emptyArgs(), sender: controller });
        expect(update.stats.cyclesCharged).toBeGreaterThan(0n);
        const afterUpdate = devnet.canisterInfo(id)!.cycles;
        expect(before - afterUpdate).toBeGreaterThanOrEqual(update.stats.cyclesCharged);
        await devnet.query({ canisterId: id, method: 'get_counter', arg: emptyArgs(), sender: controller });
        expect(devnet.canisterInfo(id)!.cycles).toBe(afterUpdate);
    });

    it('attached cycles: the callee accepts part, the rest is refunded to the caller', async () => {
        const { devnet, probe, id: probeId } = await withProbe();
        const { relay, relayId } = await withRelay(devnet);
        const charged = new Map<string, bigint>();
        devnet.onMessage((e) => charged.set(e.canisterId, (charged.get(e.canisterId) ?? 0n) + e.cyclesCharged));
        await devnet.runUntilIdle();
        charged.clear();
        const probeBefore = devnet.canisterInfo(probeId)!.cycles;
        const result = await relay.send_cycles(probeId, 1_000_000n, 400_000n);
        expect(result).toEqual({ refunded: 600_000n, accepted: 400_000n });
        expect(devnet.canisterInfo(probeId)!.cycles).toBe(probeBefore + 400_000n - (charged.get(probeId.toText()) ?? 0n));
        expect(await probe.balance()).toBe(devnet.canisterInfo(probeId)!.cycles);
        void relayId;
    });

    it('cycles_burn128 burns exactly the amount (within the liquid balance)', async () => {
        const { devnet, probe, id } = await withProbe();
        await devnet.runUntilIdle();
        let fee = 0n;
        devnet.onMessage((e) => (fee += e.cyclesCharged));
        const before = devnet.canisterInfo(id)!.cycles;
        expect(await probe.burn(123_456n)).toBe(123_456n);
        expect(devnet.canisterInfo(id)!.cycles).toBe(before - 123_456n - fee);
    });

    it('provisional_top_up_canister adds cycles', async () => {
        const { devnet, id } = await withProbe();
        const before = devnet.canisterInfo(id)!.cycles;
        const arg = new Uint8Array(IDL.encode([IDL.Record({ canister_id: IDL.Principal, amount: IDL.Nat })], [{ canister_id: id, amount: 5_000n }]));
        const outcome = await devnet.update({ canisterId: Principal.managementCanister(), method: 'provisional_top_up_canister', arg, sender: controller });
        expect(outcome.kind).toBe('replied');
        expect(devnet.canisterInfo(id)!.cycles).toBe(before + 5_000n);
    });

    it('a canister whose balance is below its freezing limit rejects updates (IC0501) but still answers queries', async () => {
        const { devnet, probe, id } = await withProbe();
        const settings = new Uint8Array(IDL.encode([IDL.Record({ canister_id: IDL.Principal, settings: IDL.Record({ freezing_threshold: IDL.Opt(IDL.Nat) }) })], [
            { canister_id: id, settings: { freezing_threshold: [1_000_000_000_000n] } }
        ]));
        expect((await devnet.update({ canisterId: Principal.managementCanister(), method: 'update_settings', arg: settings, sender: controller })).kind).toBe('replied');
        const outcome = await devnet.update({ canisterId: id, method: 'inc', arg: emptyArgs(), sender: controller });
        expect(outcome).toMatchObject({ kind: 'rejected', rejectCode: 5, errorCode: 'IC0501' });
        expect(await probe.get_counter()).toBe(0n);
    });
});
