/**
 * Update calls, inter-canister requests and responses (abstract-behavior.md §"Call context creation",
 * §"Message execution", §"Callback invocation", §"Call context starvation"). A message's effects are applied only
 * if it does not trap; a call context answers exactly once, or with IC0506 when it closes without an answer.
 */
import { Principal } from '@dfinity/principal';
import { RejectCode, type CallOutcome, type InterceptDecision } from '../engine-api.js';
import { memoryUsage, type CallContext, type Canister } from './canister-state.js';
import { persistsState, type ContextKind } from './contexts.js';
import { executionCost, freezingLimit } from './cycles.js';
import { reject, rejects, replied, trapToReject, type Rejected } from './errors.js';
import { newExecContext, type ExecContext } from './exec-context.js';
import { execute, type ExecResult, type Invocation } from './execute.js';
import type { Engine } from './engine.js';
import { INSTRUCTION_LIMIT_UPDATE, MANAGEMENT_CANISTER_TEXT, MAX_REPLY_BYTES_REPLICATED } from './limits.constants.js';
import type { RequestMessage, ResponseMessage, RequestCaller } from './messages.js';
import { checkStopped } from './lifecycle.js';

/** Sends a call context's answer to where it came from. */
function answer(engine: Engine, caller: RequestCaller, outcome: CallOutcome, refund: bigint): void {
    if (caller.kind === 'ingress') engine.completeRequest(caller.requestId, outcome);
    else engine.enqueue({ type: 'response', canister: caller.canister.toText(), callId: caller.callId, outcome, refund });
}

/** Deliver a request to its callee: checks, interception, then the method runs in a fresh call context. */
export function deliverRequest(engine: Engine, msg: RequestMessage): void {
    const calleeText = msg.callee.toText();
    if (calleeText === MANAGEMENT_CANISTER_TEXT && msg.caller.kind === 'canister') return deliverToManagement(engine, msg);
    const builtin = engine.builtins.get(calleeText);
    if (builtin !== undefined) {
        const caller = msg.caller.kind === 'ingress' ? msg.caller.sender : msg.caller.canister;
        engine.track(
            builtin.call({ caller, method: msg.method, arg: msg.arg, cycles: msg.cycles, kind: 'update' }).then(
                (outcome) => {
                    const accepted = outcome.cyclesAccepted ?? 0n;
                    answer(engine, msg.caller, stripAccepted(outcome), msg.cycles - (accepted < msg.cycles ? accepted : msg.cycles));
                },
                (error: unknown) => answer(engine, msg.caller, hostFailure(`builtin canister ${calleeText}`, error), msg.cycles)
            )
        );
        return;
    }
    const canister = engine.canister(calleeText);
    const early = admissionReject(canister, calleeText) ?? frozenReject(engine, canister!);
    if (early !== undefined) return answer(engine, msg.caller, early, msg.cycles);
    if (msg.caller.kind === 'canister' && engine.callInterceptors.length > 0) return intercept(engine, msg, canister!);
    runRequest(engine, canister!, msg);
}

function stripAccepted(outcome: CallOutcome & { cyclesAccepted?: bigint }): CallOutcome {
    return outcome.kind === 'replied'
        ? { kind: 'replied', reply: outcome.reply }
        : { kind: 'rejected', rejectCode: outcome.rejectCode, rejectMessage: outcome.rejectMessage, errorCode: outcome.errorCode };
}

/**
 * A frozen canister (balance below its freezing limit) takes no new update calls (IC0501); queries still run.
 * canister-interface.md §"Cycles": the freezing threshold protects the canister's storage.
 */
export function frozenReject(engine: Engine, canister: Canister): Rejected | undefined {
    const limit = freezingLimit(memoryUsage(canister), canister.settings.freezingThreshold, engine.subnetSize);
    return canister.cycles < limit ? rejects.outOfCycles(canister.idText, limit, canister.cycles) : undefined;
}

/** Why a canister cannot take a new call right now, if it cannot. */
export function admissionReject(canister: Canister | undefined, idText: string): Rejected | undefined {
    if (canister === undefined) return rejects.notFound(idText);
    if (canister.status === 'stopped') return rejects.stopped(idText);
    if (canister.status === 'stopping') return rejects.stopping(idText);
    if (canister.code === undefined) return rejects.noWasm(idText);
    return undefined;
}

function intercept(engine: Engine, msg: RequestMessage, canister: Canister): void {
    const caller = msg.caller as Extract<RequestCaller, { kind: 'canister' }>;
    const pending = { id: engine.nextPendingCallId(), caller: caller.canister, callee: msg.callee, method: msg.method, arg: msg.arg, cycles: msg.cycles };
    const decide = async (): Promise<InterceptDecision> => {
        for (const interceptor of engine.callInterceptors) {
            const decision = await interceptor(pending);
            if (decision.action !== 'pass') return decision;
        }
        return { action: 'pass' };
    };
    const apply = (decision: InterceptDecision): void => {
        switch (decision.action) {
            case 'pass':
                return runRequest(engine, canister, msg);
            case 'reject':
                return answer(engine, msg.caller, reject(decision.rejectCode, '', decision.rejectMessage), msg.cycles);
            case 'reply':
                return answer(engine, msg.caller, replied(decision.reply), msg.cycles);
            case 'http-response':
                return answer(engine, msg.caller, reject(RejectCode.CanisterError, '', 'http-response is only valid for outcalls'), msg.cycles);
            case 'hang':
                return; // never answered; a bounded-wait caller times out at its deadline
        }
    };
    // Synchronous interceptors keep message order; async ones deliver when they settle.
    const first = engine.callInterceptors.map((i) => i(pending));
    if (first.every((d) => !(d instanceof Promise))) {
        const decision = (first as InterceptDecision[]).find((d) => d.action !== 'pass') ?? { action: 'pass' as const };
        return apply(decision);
    }
    engine.track(
        decide().then(apply, (error: unknown) => answer(engine, msg.caller, hostFailure('call interceptor', error), msg.cycles)),
        false
    );
}

function runRequest(engine: Engine, canister: Canister, msg: RequestMessage): void {
    const updateExport = `canister_update ${msg.method}`;
    const queryExport = `canister_query ${msg.method}`;
    const instance = canister.code!.instance;
    const kind: ContextKind | undefined = instance.hasExport(updateExport) ? 'U' : instance.hasExport(queryExport) ? 'RQ' : undefined;
    if (kind === undefined) return answer(engine, msg.caller, rejects.methodNotFound(canister.idText, 'update', msg.method), msg.cycles);
    const callerBytes = msg.caller.kind === 'ingress' ? msg.caller.sender.toUint8Array() : msg.caller.canister.toUint8Array();
    const origin = msg.caller.kind === 'ingress' ? { kind: 'ingress' as const, requestId: msg.caller.requestId } : { kind: 'canister' as const, caller: msg.caller.canister, callId: msg.caller.callId };
    const context = engine.openContext(canister, origin, callerBytes, msg.cycles, msg.deadline);
    if (msg.caller.kind === 'ingress') {
        const record = engine.requests.get(msg.caller.requestId);
        if (record !== undefined) record.status = 'processing';
    }
    const ctx = newExecContext({
        kind,
        canister,
        caller: callerBytes,
        arg: msg.arg,
        timeNs: engine.timeNs,
        callContext: context,
        instructionLimit: INSTRUCTION_LIMIT_UPDATE,
        maxReplyBytes: MAX_REPLY_BYTES_REPLICATED
    });
    const result = execute(engine, ctx, { kind: 'export', name: kind === 'U' ? updateExport : queryExport });
    finishMessage(engine, ctx, result, msg.method, kind === 'U' ? updateExport : queryExport);
    closeIfDone(engine, canister, context);
}

/** A response reaches the caller: refund, then the reply or reject callback (and cleanup if that traps). */
export function deliverResponse(engine: Engine, msg: ResponseMessage): void {
    const canister = engine.canister(msg.canister);
    const call = canister?.outstandingCalls.get(msg.callId);
    if (canister === undefined || call === undefined) return; // the call expired (bounded wait) or the canister is gone
    canister.outstandingCalls.delete(msg.callId);
    canister.cycles += msg.refund;
    const context = call.context;
    context.outstanding--;
    if (canister.code === undefined) return closeIfDone(engine, canister, context); // uninstalled: callbacks are dropped
    const isReply = msg.outcome.kind === 'replied';
    const ctx = newExecContext({
        kind: isReply ? 'Ry' : 'Rt',
        canister,
        caller: context.caller,
        arg: isReply ? (msg.outcome as { reply: Uint8Array }).reply : new Uint8Array(0),
        rejectCode: isReply ? 0 : (msg.outcome as Rejected).rejectCode,
        rejectMessage: isReply ? '' : (msg.outcome as Rejected).rejectMessage,
        timeNs: engine.timeNs,
        callContext: context,
        instructionLimit: INSTRUCTION_LIMIT_UPDATE,
        maxReplyBytes: MAX_REPLY_BYTES_REPLICATED,
        cyclesRefunded: msg.refund
    });
    const callback = isReply ? call.reply : call.reject;
    const invocation: Invocation = { kind: 'callback', fun: callback.fun, env: callback.env };
    const result = execute(engine, ctx, invocation);
    finishMessage(engine, ctx, result, call.method, isReply ? 'reply callback' : 'reject callback');
    if (result.trap !== undefined && call.cleanup !== undefined) {
        const cleanupCtx = newExecContext({
            kind: 'C',
            canister,
            caller: context.caller,
            rejectCode: ctx.rejectCode,
            timeNs: engine.timeNs,
            callContext: context,
            instructionLimit: INSTRUCTION_LIMIT_UPDATE,
            maxReplyBytes: 0
        });
        const cleanup = execute(engine, cleanupCtx, { kind: 'callback', fun: call.cleanup.fun, env: call.cleanup.env });
        finishMessage(engine, cleanupCtx, cleanup, call.method, 'cleanup callback');
    }
    closeIfDone(engine, canister, context);
}

/** Applies a finished message: execution fee, and on success its cycles, calls, certified data, timer and answer. */
export function finishMessage(engine: Engine, ctx: ExecContext, result: ExecResult, method: string, entryPoint: string): void {
    const canister = ctx.canister;
    const context = ctx.callContext;
    const replicated = persistsState(ctx.kind) || ctx.kind === 'RQ';
    const fee = replicated ? executionCost(result.instructions, engine.subnetSize) : 0n;
    canister.cycles = canister.cycles > fee ? canister.cycles - fee : 0n;
    if (context !== undefined) context.instructions += result.instructions;
    if (context?.origin.kind === 'ingress') {
        const record = engine.requests.get(context.origin.requestId);
        if (record !== undefined) {
            record.instructions += result.instructions;
            record.cyclesCharged += fee;
        }
    }
    engine.emit({
        canisterId: canister.idText,
        method,
        entryPoint,
        kind: ctx.kind,
        instructions: result.instructions,
        cyclesCharged: fee,
        trapped: result.trap !== undefined,
        wallMs: result.wallMs
    });
    if (result.trap !== undefined) {
        const outcome = trapToReject(canister.idText, result.trap);
        engine.appendLog(canister, new TextEncoder().encode(`[TRAP]: ${result.trap.detail || outcome.rejectMessage}`), ctx.timeNs);
        if (context !== undefined && !context.responded) context.lastTrap = outcome;
        return;
    }
    // A context closes with the trap of its *last* message; a later successful message (not the cleanup of the
    // trapping callback) means an unanswered close is IC0506 again.
    if (context !== undefined && ctx.kind !== 'C') context.lastTrap = undefined;
    // Cycles: accepted cycles are kept even by replicated queries; everything else only by persisting contexts.
    canister.cycles += ctx.cyclesAccepted;
    if (context !== undefined) context.cyclesAvailable -= ctx.cyclesAccepted;
    // canister_version counts every successful replicated execution, replicated queries included.
    if (replicated) canister.version++;
    if (persistsState(ctx.kind)) {
        canister.cycles += ctx.balanceDelta;
        if (ctx.certifiedData !== undefined) canister.certifiedData = ctx.certifiedData;
        if (ctx.globalTimer !== undefined) canister.globalTimer = ctx.globalTimer;
        for (const call of ctx.performedCalls) {
            if (context === undefined) break;
            const callId = engine.nextCallId();
            context.outstanding++;
            canister.outstandingCalls.set(callId, {
                callId,
                context,
                callee: call.callee,
                method: call.method,
                reply: call.reply,
                reject: call.reject,
                cleanup: call.cleanup,
                cyclesSent: call.cycles,
                deadline: call.deadline,
                composite: false
            });
            engine.enqueue({
                type: 'request',
                caller: { kind: 'canister', canister: canister.id, callId },
                callee: call.callee,
                method: call.method,
                arg: call.payload,
                cycles: call.cycles,
                deadline: call.deadline
            });
        }
    }
    if (ctx.response !== undefined && context !== undefined) {
        respond(engine, context, ctx.response.kind === 'reply' ? replied(ctx.response.data) : rejects.canisterReject(ctx.response.message));
    }
}

export function respond(engine: Engine, context: CallContext, outcome: CallOutcome): void {
    if (context.responded) return;
    context.responded = true;
    const refund = context.cyclesAvailable;
    context.cyclesAvailable = 0n;
    const origin = context.origin;
    if (origin.kind === 'ingress') engine.completeRequest(origin.requestId, outcome);
    else if (origin.kind === 'canister') engine.enqueue({ type: 'response', canister: origin.caller.toText(), callId: origin.callId, outcome, refund });
}

/** Closes a context with no outstanding calls: answers it if nobody did (the trap, or IC0506), then may finish a stop. */
export function closeIfDone(engine: Engine, canister: Canister, context: CallContext): void {
    if (context.outstanding > 0) return;
    if (!context.responded && context.origin.kind !== 'system') respond(engine, context, context.lastTrap ?? rejects.didNotReply(canister.idText));
    context.responded = true;
    canister.openContexts--;
    checkStopped(canister);
}

/** Bounded-wait calls past their deadline get a SYS_UNKNOWN reject; a later real response is dropped. */
export function expireCalls(engine: Engine): void {
    for (const canister of engine.canisters.values()) {
        for (const call of canister.outstandingCalls.values()) {
            if (call.deadline === undefined || call.deadline > engine.timeNs) continue;
            call.deadline = undefined;
            const callId = call.callId;
            // Delivered as a response (refunding what was sent); the entry stays until then.
            engine.enqueue({ type: 'response', canister: canister.idText, callId, outcome: rejects.deadlineExpired(), refund: call.cyclesSent });
        }
    }
}

function deliverToManagement(engine: Engine, msg: RequestMessage): void {
    const caller = msg.caller as Extract<RequestCaller, { kind: 'canister' }>;
    const handler = engine.management;
    if (handler === undefined) return answer(engine, caller, rejects.notFound(MANAGEMENT_CANISTER_TEXT), msg.cycles);
    engine.track(
        handler({ caller: caller.canister, method: msg.method, arg: msg.arg, cycles: msg.cycles }).then(
            (outcome) => {
                const kept = outcome.cyclesKept < msg.cycles ? outcome.cyclesKept : msg.cycles;
                answer(engine, caller, stripAccepted(outcome), msg.cycles - kept);
            },
            (error: unknown) => answer(engine, caller, hostFailure('management canister', error), msg.cycles)
        )
    );
}

export function principalFromBytes(bytes: Uint8Array): Principal {
    return Principal.fromUint8Array(bytes);
}

/** A failure of host code (a builtin, an interceptor, a management method) answers the call instead of losing it. */
function hostFailure(what: string, error: unknown): Rejected {
    return reject(RejectCode.SysFatal, '', `${what} failed: ${error instanceof Error ? error.message : String(error)}`);
}
