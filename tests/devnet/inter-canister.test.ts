/**
 * Inter-canister calls through the relay fixture: replies, rejects, traps in callbacks, self-calls, composite
 * queries, ordering, and fault injection with onCanisterCall.
 */
import { describe, expect, it } from 'vitest';
import { Principal } from '@dfinity/principal';
import { RejectCode } from '../../src/devnet/index.js';
import { CanisterCallError } from '../../src/devnet/testing/index.js';
import { controller, withProbe, withRelay } from './fixtures.js';

async function pair() {
    const { devnet, probe, id } = await withProbe();
    const { relay, relayId } = await withRelay(devnet);
    return { devnet, probe, probeId: id, relay, relayId };
}

describe('inter-canister calls', () => {
    it('a call to another canister runs its update and returns the reply', async () => {
        const { probe, probeId, relay } = await pair();
        expect(await relay.call_inc(probeId)).toBe(1n);
        expect(await relay.call_inc(probeId)).toBe(2n);
        expect(await probe.get_counter()).toBe(2n);
    });

    it('a callee trap comes back as reject code 5 with the callee error text; the callee state is rolled back', async () => {
        const { probe, probeId, relay } = await pair();
        const outcome = await relay.call_text(probeId, 'trap_after_writes', 'inner');
        expect(outcome).toEqual({ Err: { code: 5, message: expect.stringContaining("Canister called `ic0.trap` with message: 'inner'") } });
        expect(await probe.get_counter()).toBe(0n);
    });

    it('an explicit reject comes back as code 4, a missing method as code 5 (IC0536 text), a missing canister as code 3', async () => {
        const { probeId, relay } = await pair();
        expect(await relay.call_text(probeId, 'reject_manual', 'not today')).toEqual({ Err: { code: 4, message: 'not today' } });
        expect(await relay.call_raw(probeId, 'no_such_method')).toEqual({ Err: { code: 5, message: expect.stringContaining("has no update method 'no_such_method'") } });
        const ghost = Principal.fromUint8Array(new Uint8Array([0, 0, 0, 0, 0, 0, 0x10, 0, 1, 1]));
        expect(await relay.call_raw(ghost, 'x')).toEqual({ Err: { code: 3, message: `Canister ${ghost.toText()} not found` } });
    });

    it('a trap in the reply callback: the caller gets IC0503, its pre-await changes persist, the callee change persists', async () => {
        const { probe, probeId, relay } = await pair();
        const error = (await relay.call_then_trap(probeId).catch((e: unknown) => e)) as CanisterCallError;
        expect(error).toBeInstanceOf(CanisterCallError);
        expect(error.errorCode).toBe('IC0503');
        expect(error.rejectMessage).toContain('trap in reply callback');
        expect(await relay.after_call_writes()).toBe(1n);
        expect(await probe.get_counter()).toBe(1n);
    });

    it('self-calls nest (each level is a new message)', async () => {
        const { relay } = await pair();
        expect(await relay.self_chain(5)).toBe(5);
    });

    it('parallel calls from one message all complete, in order', async () => {
        const { probe, probeId, relay } = await pair();
        expect(await relay.fan_out(probeId, 5)).toBe(5n);
        expect(await probe.get_counter()).toBe(5n);
    });

    it('composite queries call other canisters’ queries and persist nothing', async () => {
        const { probe, probeId, relay } = await pair();
        await probe.inc();
        await probe.inc();
        expect(await relay.composite_counter(probeId)).toBe(2n);
    });

    it('onCanisterCall can reject a call before delivery', async () => {
        const { devnet, probe, probeId, relay } = await pair();
        const stop = devnet.onCanisterCall((call) =>
            call.method === 'trap_after_writes' ? { action: 'reject', rejectCode: RejectCode.SysTransient, rejectMessage: 'injected fault' } : { action: 'pass' }
        );
        expect(await relay.call_text(probeId, 'trap_after_writes', 'x')).toEqual({ Err: { code: 2, message: 'injected fault' } });
        stop();
        expect(await probe.get_counter()).toBe(0n);
    });

    it('onCanisterCall can answer in place of the callee', async () => {
        const { devnet, probe, probeId, relay } = await pair();
        const { IDL } = await import('@icp-sdk/core/candid');
        devnet.onCanisterCall((call) => (call.method === 'inc' ? { action: 'reply', reply: new Uint8Array(IDL.encode([IDL.Nat64], [42n])) } : { action: 'pass' }));
        expect(await relay.call_inc(probeId)).toBe(42n);
        expect(await probe.get_counter()).toBe(0n);
    });

    it('a hung call keeps the caller waiting (guaranteed-response calls never time out); stopping waits for it', async () => {
        const { devnet, probeId, relay, relayId } = await pair();
        devnet.onCanisterCall((call) => (call.method === 'inc' ? { action: 'hang' } : { action: 'pass' }));
        let settled = false;
        void relay.call_inc(probeId).finally(() => (settled = true));
        await devnet.runUntilIdle();
        await devnet.advanceTime(600_000_000_000n);
        expect(settled).toBe(false);
        // The relay has an open call context, so stop_canister leaves it 'stopping' and does not answer.
        const { IDL } = await import('@icp-sdk/core/candid');
        const stopArg = new Uint8Array(IDL.encode([IDL.Record({ canister_id: IDL.Principal })], [{ canister_id: relayId }]));
        let stopped = false;
        void devnet.update({ canisterId: Principal.managementCanister(), method: 'stop_canister', arg: stopArg, sender: controller }).then(() => (stopped = true));
        await devnet.runUntilIdle();
        expect(devnet.canisterInfo(relayId)!.status).toBe('stopping');
        expect(stopped).toBe(false);
    });

    it('uninstalling a canister with a pending call rejects its open call context (code 4)', async () => {
        const { devnet, probeId, relay, relayId } = await pair();
        devnet.onCanisterCall((call) => (call.method === 'inc' ? { action: 'hang' } : { action: 'pass' }));
        const pending = relay.call_inc(probeId).catch((e: unknown) => e);
        await devnet.runUntilIdle();
        const { IDL } = await import('@icp-sdk/core/candid');
        const arg = new Uint8Array(IDL.encode([IDL.Record({ canister_id: IDL.Principal })], [{ canister_id: relayId }]));
        expect((await devnet.update({ canisterId: Principal.managementCanister(), method: 'uninstall_code', arg, sender: controller })).kind).toBe('replied');
        const error = (await pending) as CanisterCallError;
        expect(error).toBeInstanceOf(CanisterCallError);
        expect(error.rejectCode).toBe(4);
        expect(error.rejectMessage).toBe('Canister has been uninstalled.');
    });

    it('while a call awaits its response, other messages run on the caller (callbacks interleave)', async () => {
        const { devnet, probe, probeId, relay } = await pair();
        let release: (() => void) | undefined;
        const gate = new Promise<void>((resolve) => (release = resolve));
        devnet.onCanisterCall(async (call) => {
            if (call.method === 'inc') await gate;
            return { action: 'pass' };
        });
        const slow = relay.call_inc(probeId);
        await devnet.runUntilIdle();
        expect(await relay.self_chain(2)).toBe(2); // the relay is not locked by its open call context
        expect(await probe.get_counter()).toBe(0n);
        release!();
        expect(await slow).toBe(1n);
    });
});
