/**
 * System tasks (canister-interface.md §"Global timer", §"Heartbeat"): the global timer fires once time reaches it
 * and is deactivated first; the task runs in context T with caller aaaaa-aa and may make calls.
 */
import type { Canister } from './canister-state.js';
import { newExecContext } from './exec-context.js';
import { execute } from './execute.js';
import type { Engine } from './engine.js';
import { closeIfDone, finishMessage, frozenReject } from './call-execution.js';
import { INSTRUCTION_LIMIT_UPDATE } from './limits.constants.js';

const MANAGEMENT_BYTES = new Uint8Array(0);
const TIMER_EXPORT = 'canister_global_timer';
const HEARTBEAT_EXPORT = 'canister_heartbeat';

export function fireDueTimers(engine: Engine): number {
    let fired = 0;
    for (const canister of engine.canisters.values()) {
        if (canister.globalTimer === 0n || canister.globalTimer > engine.timeNs) continue;
        if (canister.status !== 'running' || canister.code === undefined) continue;
        if (frozenReject(engine, canister) !== undefined) continue; // frozen canisters run no system tasks
        canister.globalTimer = 0n; // deactivated once it fires
        if (!canister.code.instance.hasExport(TIMER_EXPORT)) continue;
        runSystemTask(engine, canister, TIMER_EXPORT);
        fired++;
    }
    return fired;
}

export function runHeartbeats(engine: Engine): number {
    let ran = 0;
    for (const canister of engine.canisters.values()) {
        if (canister.status !== 'running' || canister.code?.instance.hasExport(HEARTBEAT_EXPORT) !== true) continue;
        if (frozenReject(engine, canister) !== undefined) continue;
        runSystemTask(engine, canister, HEARTBEAT_EXPORT);
        ran++;
    }
    return ran;
}

function runSystemTask(engine: Engine, canister: Canister, entry: string): void {
    const context = engine.openContext(canister, { kind: 'system' }, MANAGEMENT_BYTES, 0n);
    const ctx = newExecContext({
        kind: 'T',
        canister,
        caller: MANAGEMENT_BYTES,
        timeNs: engine.timeNs,
        callContext: context,
        instructionLimit: INSTRUCTION_LIMIT_UPDATE,
        maxReplyBytes: 0
    });
    const result = execute(engine, ctx, { kind: 'export', name: entry });
    finishMessage(engine, ctx, result, entry, entry);
    closeIfDone(engine, canister, context);
}
