/**
 * The devnet: an in-process local Internet Computer that executes real canister wasm with the IC's semantics.
 *
 * Engine API (stable; the HTTP adapter in ./http and the test helpers in ./testing build on it):
 *
 * - `Devnet.create({ clock: 'manual' | 'live', subnetSize, outcallTimeoutMs, certifier, logger })`
 * - lifecycle: `createCanister({ controllers, cycles, specifiedId, sender })`, `installCode({ canisterId, wasm, arg,
 *   mode, sender })`, `upgradeCanister(...)`, `reinstallCode(...)`
 * - calls: `update(call)` → `CallResult` (outcome + stats), `query(call)`, and for async HTTP calls
 *   `submitUpdate(call, requestId)` + `requestStatus(requestId)` + `awaitRequest(requestId, timeoutMs)`.
 *   Management calls go through `update({ canisterId: aaaaa-aa, ... })`; `effectiveCanisterId(method, arg)` gives
 *   the effective canister id of such a call.
 * - time: `time()`, `setTime(ns)`, `advanceTime(ns)`, `tick()`, `runUntilIdle()`
 * - introspection: `canisterIds()`, `canisterInfo(id)`, `lastMessageStats`, `onMessage(listener)`
 * - extension: `registerBuiltinCanister(id, impl)`, `registerManagementMethod(name, fn)`, `setCertifier(c)`
 * - fault injection: `onOutcall(fn)`, `onCanisterCall(fn)` → `InterceptDecision`, `pendingOutcalls()`
 * - persistence: `saveState(dir)`, `Devnet.load(dir, options)`
 *
 * See docs/devnet.md for architecture and fidelity limits.
 */
export { Devnet, type DevnetOptions, type CreateCanisterOptions, type InstallOptions } from './devnet.js';
export type { CallResult } from './ingress.js';
export type { SaveOptions } from './persistence/state-store.js';
export { DevnetError, type DevnetErrorCode } from './devnet-errors.js';
export type { CanisterInfo } from './canister-info.js';
export type { MessageEvent } from './core/messages.js';
export type { Logger, CallInterceptor, OutcallInterceptor } from './core/engine.js';
export { effectiveCanisterId, type EffectiveCanisterId } from './management/effective-canister-id.js';
export { ErrorCode } from './core/errors.js';
export * from './core/limits.constants.js';
export * from './engine-api.js';
