/**
 * Backend test helpers: a devnet with the backend installed from the real wasm, actors per identity.
 */
import { Ed25519KeyIdentity } from '@dfinity/identity';
import { Principal } from '@dfinity/principal';
import { IDL } from '@icp-sdk/core/candid';
import { Devnet } from '../../src/devnet/index.js';
import { createActor, deployCanister, type DevnetActor } from '../../src/devnet/testing/index.js';
import { idlFactory, type _SERVICE } from '../../src/declarations/backend/declarations/backend.did.js';

export const BACKEND_WASM = '.azle/backend/backend.wasm';
export type Backend = DevnetActor<_SERVICE>;

/** Deterministic identities so failures reproduce. */
export function identity(seed: number): Ed25519KeyIdentity {
    return Ed25519KeyIdentity.generate(new Uint8Array(32).fill(seed));
}

export const controllerId = identity(1);
export const curatorId = identity(2);
export const contributorId = identity(3);

export interface BackendEnv {
    devnet: Devnet;
    canisterId: Principal;
    as(who: Ed25519KeyIdentity | 'anonymous'): Backend;
    controller: Backend;
    curator: Backend;
    contributor: Backend;
    anonymous: Backend;
}

/** `wasm`: another build of the backend (benches pass a private copy so a concurrent rebuild cannot disturb them). */
export async function startBackend(wasm: string = BACKEND_WASM): Promise<BackendEnv> {
    const devnet = await Devnet.create();
    const t0 = Date.now();
    devnet.onMessage((e) => { if (process.env.DEBUG_DEVNET) console.log(`[devnet] ${e.entryPoint}: ${e.instructions} instructions, ${e.wallMs} ms (+${Date.now() - t0} ms)`); });
    const canisterId = await deployCanister(devnet, { wasm, sender: controllerId, arg: new Uint8Array(IDL.encode([], [])) });
    const as = (who: Ed25519KeyIdentity | 'anonymous'): Backend => createActor<_SERVICE>(devnet, idlFactory, canisterId, who === 'anonymous' ? undefined : who);
    const controller = as(controllerId);
    const granted = await controller.set_roles(curatorId.getPrincipal(), [{ curator: null }]);
    if (!('Ok' in granted)) throw new Error(`set_roles failed: ${JSON.stringify(granted)}`);
    return { devnet, canisterId, as, controller, curator: as(curatorId), contributor: as(contributorId), anonymous: as('anonymous') };
}

export function unwrap<T>(result: { Ok: T } | { Err: unknown }): T {
    if ('Err' in result) throw new Error(`expected Ok, got Err ${JSON.stringify(result.Err, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))}`);
    return result.Ok;
}

export function errCode(result: { Ok: unknown } | { Err: object }): string {
    if (!('Err' in result)) throw new Error('expected Err, got Ok');
    return Object.keys(result.Err)[0] as string;
}
