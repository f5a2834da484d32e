/**
 * Bounded-wait (best-effort) calls: ic-cdk timers run through a self-call made with
 * call_with_best_effort_response(300). If that call hangs, the system rejects it with SYS_UNKNOWN at its deadline,
 * which closes the call context (so stop_canister can complete).
 */
import { describe, expect, it } from 'vitest';
import { IDL } from '@icp-sdk/core/candid';
import { Principal } from '@dfinity/principal';
import { MAX_CALL_TIMEOUT_SECONDS } from '../../src/devnet/index.js';
import { controller, withProbe } from './fixtures.js';

const SECOND = 1_000_000_000n;
const TIMER_EXECUTOR = '<ic-cdk internal> timer_executor';

describe('best-effort calls', () => {
    it('a hung bounded-wait call gets SYS_UNKNOWN once its 300 s deadline passes', async () => {
        const { devnet, probe, id } = await withProbe();
        await devnet.runUntilIdle();
        const rejectCodes: string[] = [];
        devnet.onMessage((e) => {
            if (e.entryPoint === 'reject callback') rejectCodes.push(e.method);
        });
        const hang = devnet.onCanisterCall((call) => (call.method === TIMER_EXECUTOR ? { action: 'hang' } : { action: 'pass' }));
        await probe.schedule(1n);
        await devnet.advanceTime(2n * SECOND);
        expect(await probe.timer_fires()).toBe(0n);
        const stopArg = new Uint8Array(IDL.encode([IDL.Record({ canister_id: IDL.Principal })], [{ canister_id: id }]));
        let stopped = false;
        void devnet.update({ canisterId: Principal.managementCanister(), method: 'stop_canister', arg: stopArg, sender: controller }).then(() => (stopped = true));
        await devnet.runUntilIdle();
        expect(devnet.canisterInfo(id)!.status).toBe('stopping');
        const whileStopping = await devnet.update({ canisterId: id, method: 'inc', arg: new Uint8Array(IDL.encode([], [])), sender: controller });
        expect(whileStopping).toMatchObject({ kind: 'rejected', rejectCode: 5, errorCode: 'IC0509' });
        hang();
        await devnet.advanceTime(BigInt(MAX_CALL_TIMEOUT_SECONDS - 10) * SECOND);
        expect(stopped).toBe(false);
        await devnet.advanceTime(20n * SECOND);
        await devnet.runUntilIdle();
        expect(rejectCodes).toContain(TIMER_EXECUTOR);
        expect(stopped).toBe(true);
        expect(devnet.canisterInfo(id)!.status).toBe('stopped');
    });
});
