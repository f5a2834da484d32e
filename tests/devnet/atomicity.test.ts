/**
 * Trapping updates roll back heap, stable memory and grown memory exactly; queries never persist changes.
 */
import { describe, expect, it } from 'vitest';
import { CanisterCallError } from '../../src/devnet/testing/index.js';
import { controller, emptyArgs, withProbe } from './fixtures.js';

describe('atomicity', () => {
    it('a trapping update (ic0.trap) after heap, stable and memory-growing writes leaves no trace', async () => {
        const { devnet, probe, id } = await withProbe();
        await probe.inc();
        await probe.put('k', 'v');
        const memoryBefore = devnet.canisterInfo(id)!.wasmMemoryBytes;
        const stableBefore = devnet.canisterInfo(id)!.stableMemoryBytes;
        const error = await probe.trap_after_writes('nope').catch((e: unknown) => e);
        expect((error as CanisterCallError).errorCode).toBe('IC0503');
        expect(await probe.get_counter()).toBe(1n);
        expect(await probe.get('trap_write')).toEqual([]);
        expect(await probe.get('k')).toEqual(['v']);
        expect(await probe.store_len()).toBe(1n);
        // The 8 MiB ballast grew wasm memory during the message; the rollback rebuilt the instance at the old size.
        expect(devnet.canisterInfo(id)!.wasmMemoryBytes).toBe(memoryBefore);
        expect(devnet.canisterInfo(id)!.stableMemoryBytes).toBe(stableBefore);
        // The canister still works after the rebuild.
        expect(await probe.inc()).toBe(2n);
    });

    it('an uncaught JS error traps (IC0503 "Uncaught Error") and rolls back', async () => {
        const { probe } = await withProbe();
        const error = (await probe.throw_after_writes('kaput').catch((e: unknown) => e)) as CanisterCallError;
        expect(error.errorCode).toBe('IC0503');
        expect(error.rejectMessage).toContain('kaput');
        expect(await probe.get_counter()).toBe(0n);
        expect(await probe.get('throw_write')).toEqual([]);
    });

    it('queries never persist heap or stable changes', async () => {
        const { probe } = await withProbe();
        expect(await probe.query_inc()).toBe(1n);
        expect(await probe.query_inc()).toBe(1n);
        expect(await probe.get('query_write')).toEqual([]);
        expect(await probe.get_counter()).toBe(0n);
    });

    it('a query method called as an update runs replicated and still persists nothing', async () => {
        const { devnet, probe, id } = await withProbe();
        const outcome = await devnet.update({ canisterId: id, method: 'query_inc', arg: emptyArgs(), sender: controller });
        expect(outcome.kind).toBe('replied');
        expect(await probe.get_counter()).toBe(0n);
        expect(await probe.get('query_write')).toEqual([]);
    });
});
