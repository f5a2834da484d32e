/**
 * Ingress calls and queries as the Devnet API exposes them (https-interface.md §"Request: call", §"Request:
 * query"): admission checks before execution (missing, stopped, empty, frozen canister; inspect_message), the
 * request-status records read_state serves, and queries to canisters, builtins and the management canister.
 */
import { RejectCode, type CallOutcome, type IngressCall, type RequestStatus } from './engine-api.js';
import { admissionReject, frozenReject } from './core/call-execution.js';
import type { Engine, RequestRecord } from './core/engine.js';
import { reject, type Rejected } from './core/errors.js';
import { MANAGEMENT_CANISTER_TEXT, MAX_INGRESS_BYTES } from './core/limits.constants.js';
import { inspectMessage, runQuery } from './core/query-execution.js';
import { DevnetError } from './devnet-errors.js';
import { MANAGEMENT_QUERY_METHODS, type ManagementCanister } from './management/management-canister.js';
import type { MessageStats } from './engine-api.js';

/** A terminal outcome plus what it cost. */
export type CallResult = CallOutcome & { stats: MessageStats };

/** Management methods that complete when devnet state changes, not when work finishes: runUntilIdle must not wait. */
const STATE_WAITING_METHODS = new Set(['stop_canister']);

export function submitIngress(engine: Engine, management: ManagementCanister, call: IngressCall, requestId: string): Rejected | undefined {
    if (call.arg.length > MAX_INGRESS_BYTES) throw new DevnetError('payload_too_large', `ingress payload is ${call.arg.length} bytes; the limit is ${MAX_INGRESS_BYTES}`);
    engine.refreshClock();
    const record = engine.recordRequest(requestId);
    const idText = call.canisterId.toText();
    if (idText === MANAGEMENT_CANISTER_TEXT) {
        record.status = 'processing';
        const done = management.fromIngress(call.sender, call.method, call.arg).then(
            (outcome) => engine.completeRequest(requestId, outcome),
            (error: unknown) => engine.completeRequest(requestId, reject(RejectCode.SysFatal, '', `management canister failed: ${String(error)}`))
        );
        engine.track(done, !STATE_WAITING_METHODS.has(call.method));
        return undefined;
    }
    if (!engine.builtins.has(idText)) {
        const canister = engine.canister(idText);
        const early =
            admissionReject(canister, idText) ??
            frozenReject(engine, canister!) ??
            (call.origin === 'ingress' ? inspectMessage(engine, canister!, call.method, call.arg, call.sender) : undefined);
        if (early !== undefined) {
            const rejected = early as Rejected;
            engine.completeRequest(requestId, rejected);
            return rejected;
        }
    }
    engine.enqueue({ type: 'request', caller: { kind: 'ingress', sender: call.sender, requestId }, callee: call.canisterId, method: call.method, arg: call.arg, cycles: 0n, deadline: undefined });
    return undefined;
}

export function requestStatusOf(engine: Engine, requestId: string): RequestStatus | undefined {
    const record = engine.requests.get(requestId);
    if (record === undefined) return undefined;
    if (record.outcome === undefined) return { status: record.status as 'received' | 'processing' };
    return { status: record.outcome.kind, ...record.outcome } as RequestStatus;
}

export function waitForRequest(engine: Engine, record: RequestRecord): Promise<CallOutcome> {
    if (record.outcome !== undefined) return Promise.resolve(record.outcome);
    return new Promise((resolve) => {
        record.waiters.push(resolve);
        engine.scheduleDrain();
    });
}

export async function queryCall(engine: Engine, management: ManagementCanister, call: IngressCall): Promise<CallResult> {
    engine.refreshClock();
    const idText = call.canisterId.toText();
    const free = { instructions: 0n, cyclesCharged: 0n };
    if (idText === MANAGEMENT_CANISTER_TEXT) {
        const outcome = MANAGEMENT_QUERY_METHODS.has(call.method)
            ? await management.fromIngress(call.sender, call.method, call.arg)
            : reject(RejectCode.DestinationInvalid, 'IC0536', `Management canister has no query method '${call.method}'`);
        return { ...outcome, stats: free };
    }
    const builtin = engine.builtins.get(idText);
    if (builtin !== undefined) {
        const { cyclesAccepted: _accepted, ...outcome } = await builtin.call({ caller: call.sender, method: call.method, arg: call.arg, cycles: 0n, kind: 'query' });
        return { ...(outcome as CallOutcome), stats: free };
    }
    const result = runQuery(engine, { canisterId: call.canisterId, method: call.method, arg: call.arg, sender: call.sender });
    return { ...result.outcome, stats: { instructions: result.instructions, cyclesCharged: 0n } };
}
