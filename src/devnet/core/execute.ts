/**
 * Runs one entry point of a canister as one message: meters instructions, catches traps, and rolls back wasm
 * memory, globals and stable memory when the message traps or its context never persists (queries).
 */
import type { Canister } from './canister-state.js';
import { persistsState } from './contexts.js';
import { CanisterTrap, classifyThrown } from './errors.js';
import type { ExecContext } from './exec-context.js';
import type { WasmInstance } from './wasm-instance.js';

export type Invocation = { kind: 'export'; name: string } | { kind: 'callback'; fun: number; env: number };

export interface ExecResult {
    trap: CanisterTrap | undefined;
    instructions: bigint;
    wallMs: number;
}

/** Sets the message the canister's System API imports see. */
export interface ContextSlot {
    set(canister: Canister, ctx: ExecContext | undefined): void;
}

export interface ExecuteOptions {
    /**
     * 'auto': roll back on trap, and always for query contexts. 'none': the caller manages state
     * (composite queries snapshot once around the whole call tree).
     */
    rollback?: 'auto' | 'none';
    now?: () => number;
}

export function execute(slot: ContextSlot, ctx: ExecContext, invocation: Invocation, options: ExecuteOptions = {}): ExecResult {
    const canister = ctx.canister;
    const code = canister.code;
    if (code === undefined) throw new Error(`canister ${canister.idText} has no code`);
    const now = options.now ?? (() => performance.now());
    const manage = (options.rollback ?? 'auto') === 'auto';
    const instance = code.instance;
    const snapshot = manage ? instance.scratchSnapshot() : undefined;
    const ownsJournal = manage && !canister.stable.inTransaction;
    if (ownsJournal) canister.stable.begin();
    instance.resetMeter(ctx.instructionLimit);
    slot.set(canister, ctx);
    const started = now();
    let trap: CanisterTrap | undefined;
    try {
        invoke(instance, invocation);
    } catch (error) {
        trap = instance.outOfInstructions ? new CanisterTrap('out-of-instructions', '') : classifyThrown(error);
    } finally {
        slot.set(canister, undefined);
    }
    const wallMs = now() - started;
    const instructions = instance.instructions + ctx.hostInstructions;
    if (manage) {
        if (trap !== undefined || !persistsState(ctx.kind)) {
            code.instance = instance.restore(snapshot!);
            if (ownsJournal) canister.stable.rollback();
        } else if (ownsJournal) {
            canister.stable.commit();
        }
    }
    return { trap, instructions, wallMs };
}

function invoke(instance: WasmInstance, invocation: Invocation): void {
    if (invocation.kind === 'export') instance.invokeExport(invocation.name);
    else instance.invokeCallback(invocation.fun, invocation.env);
}
