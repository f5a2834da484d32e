/**
 * The backend actor (agent-js 3.4.3 `Actor.createActor` over the bindings generated from backend.did).
 * One agent per identity: anonymous for browsing, the II delegation once signed in.
 */
import { Actor, HttpAgent, type Identity } from '@dfinity/agent';
import { IDL } from '@dfinity/candid';
import { idlFactory, type _SERVICE } from '../../../src/declarations/backend/declarations/backend.did.js';
import type { AppConfig } from '../config/app-config';

export type BackendActor = _SERVICE;

/** Method names the deployed interface offers (new router/fit methods appear here once the canister has them). */
export const BACKEND_METHODS: ReadonlySet<string> = new Set(
    (idlFactory({ IDL } as never) as unknown as IDL.ServiceClass)._fields.map(([name]) => name)
);

export async function createBackendActor(config: AppConfig, identity?: Identity): Promise<BackendActor> {
    if (config.backendCanisterId === null) throw new Error('No backend canister id configured (VITE_BACKEND_CANISTER_ID or CANISTER_ID_BACKEND).');
    const agent = await HttpAgent.create({ host: config.host, identity, shouldFetchRootKey: config.fetchRootKey });
    return Actor.createActor<_SERVICE>(idlFactory as never, { agent, canisterId: config.backendCanisterId });
}
