/**
 * Test helpers for the devnet (pic-js style): start a devnet, deploy a built canister, talk to it through
 * typed actors as any identity.
 *
 * @example
 * const devnet = await startDevnet();
 * const id = await deployCanister(devnet, { wasm: 'tests/fixtures/.azle/probe/probe.wasm' });
 * const probe = createActor<_SERVICE>(devnet, idlFactory, id);
 */
export { createActor, principalOf, type CallerLike, type DevnetActor, type IdlFactory } from './actor.js';
export { CanisterCallError } from './call-error.js';
export { deployCanister, loadWasm, startDevnet, type DeployOptions } from './deploy.js';
export { DEFAULT_INIT_CACHE_DIR, initCacheKey } from './init-cache.js';
