/**
 * The contract between the devnet engine (src/devnet/core, management, outcalls) and its adapters
 * (src/devnet/http, src/devnet/testing, the CLI). Adapters import only this file and `index.ts`.
 *
 * Principals are raw bytes on the wire and `Principal` (from @dfinity/principal) here.
 * Time is IC time: nanoseconds since the Unix epoch, as bigint.
 */
import type { Principal } from '@dfinity/principal';

/** Reject codes, IC interface spec, https-interface.md §"Reject codes". */
export const RejectCode = {
    SysFatal: 1,
    SysTransient: 2,
    DestinationInvalid: 3,
    CanisterReject: 4,
    CanisterError: 5,
    SysUnknown: 6
} as const;
export type RejectCode = (typeof RejectCode)[keyof typeof RejectCode];

/** A terminal answer to a call or query. `errorCode` is the replica's `IC%04d` string where one exists. */
export type CallOutcome =
    | { kind: 'replied'; reply: Uint8Array }
    | { kind: 'rejected'; rejectCode: RejectCode; rejectMessage: string; errorCode: string };

/** Execution statistics of one message, for benchmarks and tests. */
export interface MessageStats {
    /** Wasm instructions executed by this message (what performance_counter(0) returns at its end). */
    instructions: bigint;
    /** Cycles charged to the canister for this message (execution + any attached-and-kept cycles excluded). */
    cyclesCharged: bigint;
}

export interface IngressCall {
    sender: Principal;
    canisterId: Principal;
    method: string;
    arg: Uint8Array;
    /** Where the request came from: 'ingress' runs canister_inspect_message first (spec §"Ingress message inspection"). */
    origin?: 'ingress';
}

/** Status of an update call known to the engine by request id (for read_state /request_status). */
export type RequestStatus =
    | { status: 'received' | 'processing' }
    | ({ status: 'replied' | 'rejected' } & CallOutcome)
    | { status: 'done' };

/** Signs data certificates and certifies state. Implemented in src/devnet/certification; injected into the engine. */
export interface Certifier {
    /** CBOR certificate whose tree holds /canister/<id>/certified_data and /time (spec certification.md). */
    dataCertificate(canisterId: Principal, certifiedData: Uint8Array, timeNs: bigint): Uint8Array;
}

/** A pending HTTPS outcall, visible to tests so they can inspect or intercept it. */
export interface PendingOutcall {
    id: number;
    canisterId: Principal;
    url: string;
    method: string;
    headers: { name: string; value: string }[];
    body: Uint8Array | undefined;
    isReplicated: boolean;
    maxResponseBytes: bigint;
}

/** A pending inter-canister call, visible to interceptors for fault injection. */
export interface PendingCall {
    id: number;
    caller: Principal;
    callee: Principal;
    method: string;
    arg: Uint8Array;
    cycles: bigint;
}

/** What an interceptor decides for an inter-canister call or outcall. */
export type InterceptDecision =
    | { action: 'pass' }
    | { action: 'reject'; rejectCode: RejectCode; rejectMessage: string }
    /** Answer as the callee would have (inter-canister: raw candid reply; outcall: an HTTP response). */
    | { action: 'reply'; reply: Uint8Array }
    | { action: 'http-response'; status: number; headers: { name: string; value: string }[]; body: Uint8Array }
    /** Never answer (until the call's deadline if bounded-wait, else forever). */
    | { action: 'hang' };

/** What a management-canister method implementation (src/devnet/outcalls, src/devnet/threshold, ...) receives. */
export interface ManagementContext {
    /** The calling canister (these methods are canister-only). */
    caller: Principal;
    /** Cycles attached to the call; the method decides how many it keeps. */
    cyclesAttached: bigint;
    /** Devnet time, ns. */
    now(): bigint;
    /** Runs `method` of `canisterId` as an HTTP transform: a query, caller aaaaa-aa, context TQ, changes discarded. */
    runTransform(canisterId: Principal, method: string, arg: Uint8Array): Promise<CallOutcome>;
    /** Lets tests see, answer or fault an outcall before it is performed (returns {action:'pass'} by default). */
    interceptOutcall(outcall: PendingOutcall): Promise<InterceptDecision>;
}

/** A management method's answer; `cyclesKept` are burned (charged), the rest of the attached cycles are refunded. */
export type ManagementOutcome = CallOutcome & { cyclesKept: bigint };

export type ManagementMethod = (ctx: ManagementContext, arg: Uint8Array) => Promise<ManagementOutcome>;

/** A canister implemented in TypeScript at a fixed id (CMC, cycles ledger, dev stand-ins). */
export interface BuiltinCanister {
    call(req: { caller: Principal; method: string; arg: Uint8Array; cycles: bigint; kind: 'query' | 'update' }): Promise<CallOutcome & { cyclesAccepted?: bigint }>;
}
