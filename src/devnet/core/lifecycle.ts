/**
 * Canister status transitions (management-canister.md §"IC method stop_canister"): a stopping canister becomes
 * stopped once its last open call context closes, and then answers every pending stop_canister call.
 */
import type { Canister } from './canister-state.js';
import { replied } from './errors.js';
import { IDL } from '@dfinity/candid';

const EMPTY_REPLY = new Uint8Array(IDL.encode([], []));

export function checkStopped(canister: Canister): void {
    if (canister.status !== 'stopping' || canister.openContexts > 0) return;
    canister.status = 'stopped';
    canister.version++;
    for (const waiter of canister.stopWaiters.splice(0)) waiter(replied(EMPTY_REPLY));
}
