/**
 * deployCanister({ initCache }): the second deploy of the same module/arg/installer/id restores the post-init state
 * instead of running canister_init, and behaves the same.
 */
import { describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Devnet } from '../../src/devnet/index.js';
import { deployCanister } from '../../src/devnet/testing/index.js';
import { controller, PROBE_WASM, probeActor, probeInitArg } from './fixtures.js';

describe('init cache', () => {
    it('restores the post-init state without running canister_init again', async () => {
        const dir = await mkdtemp(join(tmpdir(), 'devnet-init-'));
        try {
            const first = await Devnet.create();
            const inits: string[] = [];
            first.onMessage((e) => e.entryPoint === 'canister_init' && inits.push('first'));
            const id1 = await deployCanister(first, { wasm: PROBE_WASM, sender: controller, arg: probeInitArg('cached'), initCache: dir });
            expect(inits).toEqual(['first']);
            const versionAfterInstall = first.canisterInfo(id1)!.version;

            const second = await Devnet.create();
            second.onMessage((e) => e.entryPoint === 'canister_init' && inits.push('second'));
            const id2 = await deployCanister(second, { wasm: PROBE_WASM, sender: controller, arg: probeInitArg('cached'), initCache: dir });
            expect(id2.toText()).toBe(id1.toText());
            expect(second.canisterInfo(id2)!.version).toBe(versionAfterInstall);
            expect(inits).toEqual(['first']); // no second init
            const probe = probeActor(second, id2, controller);
            expect(await probe.init_arg()).toEqual(['cached']);
            expect(await probe.inc()).toBe(1n);
            expect(await probe.random()).toHaveLength(32);

            // A different argument misses the cache.
            const third = await Devnet.create();
            third.onMessage((e) => e.entryPoint === 'canister_init' && inits.push('third'));
            await deployCanister(third, { wasm: PROBE_WASM, sender: controller, arg: probeInitArg('other'), initCache: dir });
            expect(inits).toEqual(['first', 'third']);
        } finally {
            await rm(dir, { recursive: true, force: true });
        }
    });
});
