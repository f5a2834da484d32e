/**
 * Non-replicated queries, composite queries, HTTP transforms and inspect_message (canister-interface.md
 * §"Query calls", §"Composite query calls", §"Ingress message inspection"). Every state change is discarded.
 * A composite query snapshots its canister once and runs its call tree depth-first, synchronously.
 */
import { Principal } from '@dfinity/principal';
import { RejectCode, type CallOutcome } from '../engine-api.js';
import type { Canister, CallContext } from './canister-state.js';
import type { ContextKind } from './contexts.js';
import { reject, rejects, replied, trapToReject } from './errors.js';
import { newExecContext, type ExecContext } from './exec-context.js';
import { execute, type ExecResult, type Invocation } from './execute.js';
import type { Engine } from './engine.js';
import { admissionReject } from './call-execution.js';
import { INSTRUCTION_LIMIT_INSPECT_MESSAGE, INSTRUCTION_LIMIT_QUERY, MAX_REPLY_BYTES_QUERY } from './limits.constants.js';

export interface QueryResult {
    outcome: CallOutcome;
    instructions: bigint;
}

/** Max depth of a composite query call graph (the replica limits it too). */
const MAX_COMPOSITE_DEPTH = 8;

export function runQuery(engine: Engine, req: { canisterId: Principal; method: string; arg: Uint8Array; sender: Principal }, kind: 'NRQ' | 'TQ' = 'NRQ'): QueryResult {
    const idText = req.canisterId.toText();
    const canister = engine.canister(idText);
    const early = admissionReject(canister, idText);
    if (early !== undefined) return { outcome: early, instructions: 0n };
    return queryCanister(engine, canister!, req.method, req.arg, req.sender.toUint8Array(), kind, 0);
}

function queryCanister(engine: Engine, canister: Canister, method: string, arg: Uint8Array, caller: Uint8Array, kind: 'NRQ' | 'TQ', depth: number): QueryResult {
    const instance = canister.code!.instance;
    const plain = `canister_query ${method}`;
    const composite = `canister_composite_query ${method}`;
    if (instance.hasExport(plain)) {
        const certificate = kind === 'NRQ' && depth === 0 ? engine.certifier?.dataCertificate(canister.id, canister.certifiedData, engine.timeNs) : undefined;
        const context = standaloneContext(caller);
        const ctx = queryContext(engine, canister, kind, caller, arg, context, certificate);
        const result = execute(engine, ctx, { kind: 'export', name: plain });
        return { outcome: outcomeOf(engine, canister, ctx, result, method, plain), instructions: result.instructions };
    }
    if (kind === 'NRQ' && instance.hasExport(composite)) {
        const certificate = depth === 0 ? engine.certifier?.dataCertificate(canister.id, canister.certifiedData, engine.timeNs) : undefined;
        return runComposite(engine, canister, method, arg, caller, depth, certificate);
    }
    return { outcome: rejects.methodNotFound(canister.idText, 'query', method), instructions: 0n };
}

function standaloneContext(caller: Uint8Array): CallContext {
    return { id: 0, origin: { kind: 'system' }, caller, cyclesAvailable: 0n, responded: false, outstanding: 0, instructions: 0n, lastTrap: undefined, deadline: undefined };
}

function queryContext(engine: Engine, canister: Canister, kind: ContextKind, caller: Uint8Array, arg: Uint8Array, context: CallContext, certificate?: Uint8Array): ExecContext {
    return newExecContext({
        kind,
        canister,
        caller,
        arg,
        timeNs: engine.timeNs,
        callContext: context,
        instructionLimit: INSTRUCTION_LIMIT_QUERY,
        maxReplyBytes: MAX_REPLY_BYTES_QUERY,
        certificate
    });
}

function outcomeOf(engine: Engine, canister: Canister, ctx: ExecContext, result: ExecResult, method: string, entry: string): CallOutcome {
    engine.emit({ canisterId: canister.idText, method, entryPoint: entry, kind: ctx.kind, instructions: result.instructions, cyclesCharged: 0n, trapped: result.trap !== undefined, wallMs: result.wallMs });
    canister.queryStats.calls++;
    canister.queryStats.instructions += result.instructions;
    canister.queryStats.requestBytes += BigInt(ctx.arg.length);
    if (result.trap !== undefined) return trapToReject(canister.idText, result.trap);
    if (ctx.response === undefined) return rejects.didNotReply(canister.idText);
    if (ctx.response.kind === 'reject') return rejects.canisterReject(ctx.response.message);
    canister.queryStats.responseBytes += BigInt(ctx.response.data.length);
    return replied(ctx.response.data);
}

/** Composite query: run the method, then each call it made (callee query, then CRy/CRt callback), depth-first. */
function runComposite(engine: Engine, canister: Canister, method: string, arg: Uint8Array, caller: Uint8Array, depth: number, certificate: Uint8Array | undefined): QueryResult {
    const entry = `canister_composite_query ${method}`;
    const snapshot = canister.code!.instance.snapshot();
    const ownsJournal = !canister.stable.inTransaction;
    if (ownsJournal) canister.stable.begin();
    const context = standaloneContext(caller);
    let instructions = 0n;
    try {
        const ctx = queryContext(engine, canister, 'CQ', caller, arg, context, certificate);
        let result = execute(engine, ctx, { kind: 'export', name: entry }, { rollback: 'none' });
        instructions += result.instructions;
        let last: { ctx: ExecContext; result: ExecResult } = { ctx, result };
        const pending = result.trap === undefined ? [...ctx.performedCalls] : [];
        let responded = ctx.response !== undefined && result.trap === undefined;
        let response = result.trap === undefined ? ctx.response : undefined;
        while (pending.length > 0 && !responded) {
            const call = pending.shift()!;
            const sub = compositeCallee(engine, call.callee, call.method, call.payload, canister.idBytes, depth + 1);
            instructions += sub.instructions;
            const isReply = sub.outcome.kind === 'replied';
            const cbCtx = queryContext(engine, canister, isReply ? 'CRy' : 'CRt', caller, isReply ? (sub.outcome as { reply: Uint8Array }).reply : new Uint8Array(0), context);
            if (!isReply) {
                cbCtx.rejectCode = (sub.outcome as { rejectCode: number }).rejectCode;
                cbCtx.rejectMessage = (sub.outcome as { rejectMessage: string }).rejectMessage;
            }
            const cb = isReply ? call.reply : call.reject;
            const invocation: Invocation = { kind: 'callback', fun: cb.fun, env: cb.env };
            result = execute(engine, cbCtx, invocation, { rollback: 'none' });
            instructions += result.instructions;
            last = { ctx: cbCtx, result };
            if (result.trap === undefined) {
                pending.push(...cbCtx.performedCalls);
                if (cbCtx.response !== undefined) {
                    responded = true;
                    response = cbCtx.response;
                }
            }
        }
        engine.emit({ canisterId: canister.idText, method, entryPoint: entry, kind: 'CQ', instructions, cyclesCharged: 0n, trapped: last.result.trap !== undefined, wallMs: 0 });
        if (response !== undefined) return { outcome: response.kind === 'reply' ? replied(response.data) : rejects.canisterReject(response.message), instructions };
        if (last.result.trap !== undefined) return { outcome: trapToReject(canister.idText, last.result.trap), instructions };
        return { outcome: rejects.didNotReply(canister.idText), instructions };
    } finally {
        const code = canister.code!;
        code.instance = code.instance.restore(snapshot);
        if (ownsJournal) canister.stable.rollback();
    }
}

function compositeCallee(engine: Engine, callee: Principal, method: string, arg: Uint8Array, caller: Uint8Array, depth: number): QueryResult {
    if (depth > MAX_COMPOSITE_DEPTH) return { outcome: reject(RejectCode.CanisterError, 'IC0504', 'Composite query call graph is too deep'), instructions: 0n };
    const idText = callee.toText();
    const target = engine.canister(idText);
    const early = admissionReject(target, idText);
    if (early !== undefined) return { outcome: early, instructions: 0n };
    return queryCanister(engine, target!, method, arg, caller, 'NRQ', depth);
}

/** HTTP outcall transform: a query of the calling canister, caller aaaaa-aa, context TQ, changes discarded. */
export function runTransform(engine: Engine, canisterId: Principal, method: string, arg: Uint8Array): CallOutcome {
    return runQuery(engine, { canisterId, method, arg, sender: Principal.managementCanister() }, 'TQ').outcome;
}

/**
 * inspect_message for an ingress update (canister-interface.md §"Ingress message inspection"): accepted when the
 * canister does not export it, or when it calls accept_message without trapping.
 */
export function inspectMessage(engine: Engine, canister: Canister, method: string, arg: Uint8Array, sender: Principal): CallOutcome | undefined {
    const instance = canister.code!.instance;
    if (!instance.hasExport('canister_inspect_message')) return undefined;
    const ctx = newExecContext({
        kind: 'F',
        canister,
        caller: sender.toUint8Array(),
        arg,
        methodName: method,
        timeNs: engine.timeNs,
        instructionLimit: INSTRUCTION_LIMIT_INSPECT_MESSAGE,
        maxReplyBytes: 0
    });
    const result = execute(engine, ctx, { kind: 'export', name: 'canister_inspect_message' });
    engine.emit({ canisterId: canister.idText, method, entryPoint: 'canister_inspect_message', kind: 'F', instructions: result.instructions, cyclesCharged: 0n, trapped: result.trap !== undefined, wallMs: result.wallMs });
    if (result.trap !== undefined) return trapToReject(canister.idText, result.trap);
    return ctx.messageAccepted ? undefined : rejects.inspectRejected(canister.idText);
}
