/**
 * Messages in flight between canisters (abstract-behavior.md §"Message queues"). One FIFO queue for the whole
 * subnet, which gives in-order delivery between every pair of canisters.
 */
import type { Principal } from '@dfinity/principal';
import type { CallOutcome } from '../engine-api.js';

export type RequestCaller =
    | { kind: 'ingress'; sender: Principal; requestId: string }
    | { kind: 'canister'; canister: Principal; callId: number };

export interface RequestMessage {
    type: 'request';
    caller: RequestCaller;
    callee: Principal;
    method: string;
    arg: Uint8Array;
    cycles: bigint;
    deadline: bigint | undefined;
}

export interface ResponseMessage {
    type: 'response';
    /** The calling canister (text id). */
    canister: string;
    callId: number;
    outcome: CallOutcome;
    refund: bigint;
}

export type Message = RequestMessage | ResponseMessage;

/** Stats of one executed message, reported through Devnet.onMessage / lastMessageStats. */
export interface MessageEvent {
    canisterId: string;
    /** The method of the call context, or the entry point for system tasks. */
    method: string;
    /** e.g. `canister_update inc`, `reply callback`, `canister_global_timer`. */
    entryPoint: string;
    kind: string;
    instructions: bigint;
    cyclesCharged: bigint;
    trapped: boolean;
    wallMs: number;
}
