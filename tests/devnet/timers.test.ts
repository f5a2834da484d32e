/**
 * Global timer / ic-cdk timers (setTimer, setTimerInterval): they fire only when devnet time passes them, through
 * canister_global_timer and the `<ic-cdk internal> timer_executor` self-call.
 */
import { describe, expect, it } from 'vitest';
import { withProbe } from './fixtures.js';

const SECOND = 1_000_000_000n;

describe('timers', () => {
    it('setTimer fires once time advances past its deadline, not before', async () => {
        const { devnet, probe, id } = await withProbe();
        await probe.schedule(10n);
        expect(devnet.canisterInfo(id)!.globalTimerNs).toBeGreaterThan(devnet.time());
        await devnet.advanceTime(5n * SECOND);
        expect(await probe.timer_fires()).toBe(0n);
        await devnet.advanceTime(6n * SECOND);
        expect(await probe.timer_fires()).toBe(1n);
        expect(await probe.get('timer_fired_at')).toEqual([devnet.time().toString()]);
        await devnet.advanceTime(60n * SECOND);
        expect(await probe.timer_fires()).toBe(1n);
    });

    it('setTimerInterval fires every interval until cleared', async () => {
        const { devnet, probe } = await withProbe();
        await probe.schedule_interval(3n);
        for (let i = 0; i < 3; i++) await devnet.advanceTime(3n * SECOND);
        expect(await probe.timer_fires()).toBe(3n);
        await probe.stop_interval();
        await devnet.advanceTime(30n * SECOND);
        expect(await probe.timer_fires()).toBe(3n);
    });

    it('a timer set before an upgrade is gone after it (the global timer is reset; only the Azle delay-0 timer is armed)', async () => {
        const { devnet, probe, id } = await withProbe();
        await probe.schedule(10n);
        const { loadWasm } = await import('../../src/devnet/testing/index.js');
        const { PROBE_WASM, controller, probeInitArg } = await import('./fixtures.js');
        await devnet.upgradeCanister({ canisterId: id, wasm: await loadWasm(PROBE_WASM), sender: controller, arg: probeInitArg() });
        expect(devnet.canisterInfo(id)!.globalTimerNs).toBeLessThanOrEqual(devnet.time());
        await devnet.advanceTime(20n * SECOND);
        expect(await probe.timer_fires()).toBe(0n);
    });
});
