/**
 * The per-message state the System API reads and writes. Effects are collected here and applied only when the
 * message completes without trapping (abstract-behavior.md: "the state changes of a trapping message are discarded").
 */
import type { Principal } from '@dfinity/principal';
import type { Callback, CallContext, Canister } from './canister-state.js';
import type { ContextKind } from './contexts.js';

export interface PendingCallBuild {
    callee: Principal;
    method: string;
    reply: Callback;
    reject: Callback;
    cleanup: Callback | undefined;
    arg: Uint8Array[];
    argBytes: number;
    cycles: bigint;
    timeoutSeconds: number | undefined;
}

export interface PerformedCall extends PendingCallBuild {
    payload: Uint8Array;
    deadline: bigint | undefined;
}

export type Response = { kind: 'reply'; data: Uint8Array } | { kind: 'reject'; message: string };

export interface ExecContext {
    kind: ContextKind;
    canister: Canister;
    caller: Uint8Array;
    /** msg_arg_data: call argument, init/upgrade argument or reply payload. */
    arg: Uint8Array;
    /** msg_method_name (inspect_message only). */
    methodName: string;
    rejectCode: number;
    rejectMessage: string;
    /** time(): constant within the message. */
    timeNs: bigint;
    callContext: CallContext | undefined;
    instructionLimit: bigint;
    maxReplyBytes: number;
    /** A data certificate for non-replicated queries on their target canister. */
    certificate: Uint8Array | undefined;
    /** Cycles refunded with the response being processed (Ry/Rt). */
    cyclesRefunded: bigint;

    // ---- effects, applied on success ----
    replyBuffer: Uint8Array[];
    replyBytes: number;
    response: Response | undefined;
    cyclesAccepted: bigint;
    /** Balance change: −burned, −cycles moved into calls, −call fees (accepted cycles are in cyclesAccepted). */
    balanceDelta: bigint;
    pendingCall: PendingCallBuild | undefined;
    performedCalls: PerformedCall[];
    certifiedData: Uint8Array | undefined;
    globalTimer: bigint | undefined;
    messageAccepted: boolean;
    /** Instructions the host charged when the module has no counter export (before metering landed). */
    hostInstructions: bigint;
}

export function newExecContext(init: {
    kind: ContextKind;
    canister: Canister;
    caller: Uint8Array;
    arg?: Uint8Array;
    methodName?: string;
    rejectCode?: number;
    rejectMessage?: string;
    timeNs: bigint;
    callContext?: CallContext;
    instructionLimit: bigint;
    maxReplyBytes: number;
    certificate?: Uint8Array;
    cyclesRefunded?: bigint;
}): ExecContext {
    return {
        kind: init.kind,
        canister: init.canister,
        caller: init.caller,
        arg: init.arg ?? new Uint8Array(0),
        methodName: init.methodName ?? '',
        rejectCode: init.rejectCode ?? 0,
        rejectMessage: init.rejectMessage ?? '',
        timeNs: init.timeNs,
        callContext: init.callContext,
        instructionLimit: init.instructionLimit,
        maxReplyBytes: init.maxReplyBytes,
        certificate: init.certificate,
        cyclesRefunded: init.cyclesRefunded ?? 0n,
        replyBuffer: [],
        replyBytes: 0,
        response: undefined,
        cyclesAccepted: 0n,
        balanceDelta: 0n,
        pendingCall: undefined,
        performedCalls: [],
        certifiedData: undefined,
        globalTimer: undefined,
        messageAccepted: false,
        hostInstructions: 0n
    };
}
