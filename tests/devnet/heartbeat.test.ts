/**
 * canister_heartbeat runs once per tick() (a round) on running canisters, and not on stopped ones.
 */
import { describe, expect, it } from 'vitest';
import { IDL } from '@icp-sdk/core/candid';
import { Principal } from '@dfinity/principal';
import { Devnet } from '../../src/devnet/index.js';
import { createActor, deployCanister } from '../../src/devnet/testing/index.js';
import { idlFactory, type _SERVICE } from '../fixtures/declarations/ticker/ticker.did.js';
import { controller } from './fixtures.js';

describe('heartbeat', () => {
    it('runs once per round while running', async () => {
        const devnet = await Devnet.create();
        const id = await deployCanister(devnet, { wasm: 'tests/fixtures/.azle/ticker/ticker.wasm', sender: controller });
        const ticker = createActor<_SERVICE>(devnet, idlFactory, id, controller);
        await devnet.runUntilIdle();
        const start = await ticker.count();
        for (let i = 0; i < 3; i++) await devnet.tick();
        expect(await ticker.count()).toBe(start + 3n);
        const arg = new Uint8Array(IDL.encode([IDL.Record({ canister_id: IDL.Principal })], [{ canister_id: id }]));
        await devnet.update({ canisterId: Principal.managementCanister(), method: 'stop_canister', arg, sender: controller });
        await devnet.tick();
        await devnet.update({ canisterId: Principal.managementCanister(), method: 'start_canister', arg, sender: controller });
        expect(await ticker.count()).toBe(start + 3n);
    });
});
