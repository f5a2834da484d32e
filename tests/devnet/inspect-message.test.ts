/**
 * canister_inspect_message runs for ingress updates only; refusing gives IC0406 (reject code 4).
 */
import { describe, expect, it } from 'vitest';
import { CanisterCallError } from '../../src/devnet/testing/index.js';
import { controller, emptyArgs, withProbe } from './fixtures.js';

describe('inspect_message', () => {
    it('an ingress update refused by inspect_message is rejected with IC0406 before execution', async () => {
        const { devnet, probe, id } = await withProbe();
        const error = (await probe.forbidden().catch((e: unknown) => e)) as CanisterCallError;
        expect(error).toBeInstanceOf(CanisterCallError);
        expect(error.rejectCode).toBe(4);
        expect(error.errorCode).toBe('IC0406');
        const version = devnet.canisterInfo(id)!.version;
        await probe.forbidden().catch(() => undefined);
        expect(devnet.canisterInfo(id)!.version).toBe(version);
    });

    it('accepted methods pass; calls without ingress origin (e.g. canister calls) skip inspection', async () => {
        const { devnet, probe, id } = await withProbe();
        expect(await probe.inc()).toBe(1n);
        const outcome = await devnet.update({ canisterId: id, method: 'forbidden', arg: emptyArgs(), sender: controller });
        expect(outcome.kind).toBe('replied');
    });

    it('queries are never inspected', async () => {
        const { probe } = await withProbe();
        expect(await probe.get_counter()).toBe(0n);
    });
});
