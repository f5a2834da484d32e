/**
 * Upgrades keep the registry byte for byte: 10k+ entries, exported and hashed before and after an upgrade
 * (the heap is rebuilt from scratch; everything lives in stable structures, no pre/post-upgrade copying).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BACKEND_WASM, controllerId, startBackend, unwrap } from './helpers';
import { exportHash, importResults } from './helpers-scale';

describe('upgrade', () => {
    it('preserves a 10k-entry registry exactly', async () => {
        const env = await startBackend();
        await importResults(env.controller, 10_000);
        const stats = await env.anonymous.stats();
        expect(Number(stats.benchmarks)).toBeGreaterThanOrEqual(10_000);
        const before = await exportHash(env.anonymous);
        expect(before.records).toBeGreaterThan(10_000);

        let upgradeInstructions = 0n;
        env.devnet.onMessage((e) => {
            if (e.entryPoint === 'canister_post_upgrade' || e.entryPoint === 'canister_pre_upgrade') upgradeInstructions += e.instructions;
        });
        await env.devnet.upgradeCanister({ canisterId: env.canisterId, wasm: new Uint8Array(readFileSync(BACKEND_WASM)), sender: controllerId.getPrincipal() });
        const after = await exportHash(env.anonymous);
        expect(after).toEqual(before);
        expect(await env.anonymous.stats()).toEqual(stats);
        // Reads that go through the indexes still work after the heap (and the node cache) was reset.
        const page = unwrap(await env.anonymous.list_benchmarks({ page: { sort: ['generation_tokens_per_s'], descending: [true], cursor: [], limit: [5] }, filter: { hardware_id: [], runtime_id: [], model_id: [], submitter: [] } }));
        expect(page.items).toHaveLength(5);
        // No state is copied through the heap, so the upgrade costs about what a fresh Azle init costs.
        expect(upgradeInstructions).toBeLessThan(5_000_000_000n);
        console.log(`upgrade of ${after.records} records: ${upgradeInstructions} instructions; export sha256 ${after.sha256}`);
    });
});
