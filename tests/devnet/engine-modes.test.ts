/**
 * Clock modes, rounds (heartbeat-free fixtures), builtin canisters and message stats.
 */
import { describe, expect, it } from 'vitest';
import { IDL } from '@icp-sdk/core/candid';
import { Principal } from '@dfinity/principal';
import { Devnet } from '../../src/devnet/index.js';
import { controller, emptyArgs, withProbe, withRelay } from './fixtures.js';

describe('clock', () => {
    it('manual: time stands still until advanced', async () => {
        const devnet = await Devnet.create({ wallClockNs: () => 1_700_000_000_000_000_000n });
        expect(devnet.time()).toBe(1_700_000_000_000_000_000n);
        await new Promise((resolve) => setTimeout(resolve, 20));
        await devnet.tick();
        expect(devnet.time()).toBe(1_700_000_000_000_000_000n);
        await devnet.advanceTime(7n);
        expect(devnet.time()).toBe(1_700_000_000_000_000_007n);
    });

    it('live: time follows the wall clock and timers fire in background rounds', async () => {
        const { devnet, probe } = await withProbe({ clock: 'live' });
        try {
            const t0 = devnet.time();
            await probe.schedule(1n);
            await new Promise((resolve) => setTimeout(resolve, 1_600));
            expect(devnet.time()).toBeGreaterThan(t0 + 1_000_000_000n);
            expect(await probe.timer_fires()).toBe(1n);
        } finally {
            devnet.close();
        }
    });
});

describe('builtin canisters', () => {
    const builtinId = Principal.fromText('rkp4c-7iaaa-aaaaa-aaaca-cai');

    it('answer ingress and inter-canister calls, seeing the caller and attached cycles', async () => {
        const { devnet } = await withProbe();
        const { relay, relayId } = await withRelay(devnet);
        const calls: string[] = [];
        devnet.registerBuiltinCanister(builtinId, {
            call: async (req) => {
                calls.push(`${req.kind} ${req.method} ${req.caller.toText()}`);
                return { kind: 'replied', reply: new Uint8Array(IDL.encode([IDL.Text], [req.caller.toText()])) };
            }
        });
        const outcome = await devnet.update({ canisterId: builtinId, method: 'whoami', arg: emptyArgs(), sender: controller });
        expect(outcome.kind === 'replied' && IDL.decode([IDL.Text], outcome.reply)[0]).toBe(controller.toText());
        const query = await devnet.query({ canisterId: builtinId, method: 'peek', arg: emptyArgs(), sender: controller });
        expect(query.kind).toBe('replied');
        expect(await relay.call_text(builtinId, 'from_canister', 'x')).toEqual({ Ok: 'null' });
        expect(calls).toEqual([`update whoami ${controller.toText()}`, `query peek ${controller.toText()}`, `update from_canister ${relayId.toText()}`]);
    });
});

describe('host failures', () => {
    it('a builtin canister that throws answers its caller with SYS_FATAL instead of hanging it', async () => {
        const { devnet } = await withProbe();
        const { relay } = await withRelay(devnet);
        const broken = Principal.fromText('um5iw-rqaaa-aaaaq-qaaba-cai');
        devnet.registerBuiltinCanister(broken, { call: async () => Promise.reject(new Error('boom in builtin')) });
        expect(await relay.call_text(broken, 'anything', 'x')).toEqual({ Err: { code: 1, message: 'builtin canister um5iw-rqaaa-aaaaq-qaaba-cai failed: boom in builtin' } });
    });
});

describe('message stats', () => {
    it('onMessage reports canister, method, entry point, instructions and cycles of each message', async () => {
        const { devnet, probe, id } = await withProbe();
        await devnet.runUntilIdle();
        const events: { canisterId: string; method: string; entryPoint: string; instructions: bigint; cyclesCharged: bigint }[] = [];
        const off = devnet.onMessage((e) => events.push(e));
        await probe.inc();
        off();
        const update = events.find((e) => e.entryPoint === 'canister_update inc');
        expect(update).toMatchObject({ canisterId: id.toText(), method: 'inc' });
        expect(update!.instructions).toBeGreaterThan(0n);
        expect(update!.cyclesCharged).toBeGreaterThan(0n);
        expect(devnet.lastMessageStats?.entryPoint).toBe('canister_update inc');
    });
});
