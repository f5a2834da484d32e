/**
 * What the HTTP interface needs from the devnet engine. `devnet-adapter.ts` maps the real `Devnet` onto it;
 * keeping the port small lets the endpoints stay thin and readable.
 */
import type { Principal } from '@dfinity/principal';
import type { CallOutcome, IngressCall, RequestStatus } from '../engine-api.js';

/** A rejection that happened before execution (canister missing, stopped, empty, inspect_message said no). */
export type PreExecutionRejection = Extract<CallOutcome, { kind: 'rejected' }>;

export type ManagementEffectiveId = { kind: 'any' } | { kind: 'canister'; id: Principal } | { kind: 'invalid'; reason: string };

export interface CanisterView {
    controllers: readonly Principal[];
    /** sha256 of the module as uploaded; undefined when empty. */
    moduleHash?: Uint8Array;
    /** Custom section `icp:public <name>` / `icp:private <name>` contents, by name. */
    publicMetadata: ReadonlyMap<string, Uint8Array>;
    privateMetadata: ReadonlyMap<string, Uint8Array>;
}

export interface EnginePort {
    /** Current devnet time, ns since the epoch. */
    time(): bigint;
    query(call: IngressCall): Promise<CallOutcome>;
    /**
     * Starts an ingress update call under `requestId` (hex). Returns a rejection instead when it fails before
     * execution (the HTTP layer answers those as non-replicated rejections).
     */
    submitUpdate(call: IngressCall, requestId: string): Promise<PreExecutionRejection | undefined>;
    /** The status of a known request, undefined if unknown. */
    requestStatus(requestId: string): RequestStatus | undefined;
    /** Waits up to `timeoutMs` for the request to become terminal; returns its status then. */
    awaitRequest(requestId: string, timeoutMs: number): Promise<RequestStatus | undefined>;
    canisterView(id: Principal): CanisterView | undefined;
    /** Effective canister id of a call to aaaaa-aa (spec §"Effective canister id"). */
    managementEffectiveCanisterId(method: string, arg: Uint8Array): ManagementEffectiveId;
}
