/**
 * The project's backend wasm installs in the devnet and answers its `version` query.
 */
import { describe, expect, it } from 'vitest';
import { IDL } from '@icp-sdk/core/candid';
import { Devnet } from '../../src/devnet/index.js';
import { deployCanister } from '../../src/devnet/testing/index.js';
import { BACKEND_WASM, controller, emptyArgs } from './fixtures.js';

describe('backend smoke', () => {
    it('installs and answers version', async () => {
        const devnet = await Devnet.create();
        const id = await deployCanister(devnet, { wasm: BACKEND_WASM, sender: controller });
        const outcome = await devnet.query({ canisterId: id, method: 'version', arg: emptyArgs(), sender: controller });
        expect(outcome.kind).toBe('replied');
        if (outcome.kind !== 'replied') return;
        const [version] = IDL.decode([IDL.Text], outcome.reply) as [string];
        expect(version).toMatch(/^\d+\.\d+\.\d+/);
    });
});
