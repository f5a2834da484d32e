/**
 * Instruction limits (IC0522) and instruction counts, from the metered wasm.
 */
import { describe, expect, it } from 'vitest';
import { IDL } from '@icp-sdk/core/candid';
import { INSTRUCTION_LIMIT_QUERY, INSTRUCTION_LIMIT_UPDATE } from '../../src/devnet/index.js';
import { CanisterCallError } from '../../src/devnet/testing/index.js';
import { controller, emptyArgs, withProbe } from './fixtures.js';

describe('instruction limits', () => {
    it('counts instructions per message: an empty Azle update costs ~1-2 M, init ~1 B', async () => {
        const { devnet, id } = await withProbe();
        const update = await devnet.update({ canisterId: id, method: 'inc', arg: emptyArgs(), sender: controller });
        expect(update.stats.instructions).toBeGreaterThan(500_000n);
        expect(update.stats.instructions).toBeLessThan(20_000_000n);
        const query = await devnet.query({ canisterId: id, method: 'get_counter', arg: emptyArgs(), sender: controller });
        expect(query.stats.instructions).toBeGreaterThan(500_000n);
    });

    it('a query over 5 B instructions is rejected with IC0522', async () => {
        const { probe } = await withProbe();
        const error = (await probe.spin_query(4_000_000).catch((e: unknown) => e)) as CanisterCallError;
        expect(error).toBeInstanceOf(CanisterCallError);
        expect(error.errorCode).toBe('IC0522');
        expect(error.rejectMessage).toContain('Canister exceeded the instruction limit for single message execution.');
        expect(INSTRUCTION_LIMIT_QUERY).toBe(5_000_000_000n);
    });

    it('an update over 40 B instructions is rejected with IC0522 and rolled back', async () => {
        const { devnet, probe, id } = await withProbe();
        const outcome = await devnet.update({ canisterId: id, method: 'spin', arg: new Uint8Array(IDL.encode([IDL.Nat32], [30_000_000])), sender: controller });
        expect(outcome).toMatchObject({ kind: 'rejected', rejectCode: 5, errorCode: 'IC0522' });
        expect(outcome.stats.instructions).toBeGreaterThan(INSTRUCTION_LIMIT_UPDATE);
        expect(await probe.get_counter()).toBe(0n);
        expect(await probe.inc()).toBe(1n);
    });

    it('chunk() splits work into messages with fresh budgets; performance_counter(1) sums the call context', async () => {
        const { devnet, probe } = await withProbe();
        await devnet.runUntilIdle();
        const ownContext: bigint[] = [];
        devnet.onMessage((e) => {
            if ((e.kind === 'U' && e.method === 'chunked') || e.entryPoint === 'reply callback') ownContext.push(e.instructions);
        });
        const total = await probe.chunked(3);
        expect(ownContext.length).toBe(4); // the method plus one reply callback per chunk()
        const sum = ownContext.reduce((a, b) => a + b, 0n);
        const last = ownContext[ownContext.length - 1]!;
        expect(total).toBeGreaterThan(sum - last);
        expect(total).toBeLessThanOrEqual(sum);
        expect(await probe.get_counter()).toBe(3n);
    });
});
