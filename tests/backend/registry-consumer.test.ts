/**
 * Another canister reads the registry over inter-canister calls: both real wasms in one devnet.
 */
import { IDL } from '@icp-sdk/core/candid';
import { describe, expect, it } from 'vitest';
import { createActor, deployCanister } from '../../src/devnet/testing/index.js';
import { idlFactory, type _SERVICE } from '../../src/declarations/registry_consumer/declarations/registry_consumer.did.js';
import { controllerId, startBackend, unwrap } from './helpers';

describe('registry consumer canister', () => {
    it('finds the cheapest hardware on which Qwen2.5 72B Q4_K_M fits with 32k context', async () => {
        const env = await startBackend();
        const consumerId = await deployCanister(env.devnet, {
            wasm: '.azle/registry_consumer/registry_consumer.wasm',
            sender: controllerId,
            arg: new Uint8Array(IDL.encode([IDL.Principal], [env.canisterId]))
        });
        const consumer = createActor<_SERVICE>(env.devnet, idlFactory, consumerId, controllerId);
        expect((await consumer.registry_id()).toText()).toBe(env.canisterId.toText());

        const answer = unwrap(await consumer.cheapest_fit('qwen2.5-72b-instruct', 'qwen2.5-72b-instruct-gguf-q4_k_m', 32768, 8));
        const direct = unwrap(
            await env.anonymous.recommend_hardware({
                model_id: 'qwen2.5-72b-instruct',
                variant_id: 'qwen2.5-72b-instruct-gguf-q4_k_m',
                context_tokens: [32768],
                batch: [1],
                kv_dtype: [],
                currency: ['USD'],
                max_price: [],
                max_tdp_w: [],
                max_devices: [8],
                limit: [1]
            })
        );
        expect(answer.length).toBe(direct.ranked.length > 0 ? 1 : 0);
        if (answer[0] !== undefined) {
            expect(answer[0].hardware_id).toBe(direct.ranked[0]?.hardware_id);
            expect(answer[0].name.length).toBeGreaterThan(0);
            expect(answer[0].explanation.length).toBeGreaterThan(0);
        }

        const unknown = await consumer.cheapest_fit('no-model', 'no-variant', 1024, 1);
        expect('Err' in unknown && unknown.Err).toContain('NotFound');
    });
});
