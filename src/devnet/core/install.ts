/**
 * install_code semantics (management-canister.md §"IC method install_code"; abstract-behavior.md §"Code
 * installation", §"Code upgrades"). The whole operation is atomic: a trap in pre_upgrade, init or post_upgrade
 * leaves the canister exactly as before (old instance, heap, stable memory, version, timer, certified data).
 */
import type { Principal } from '@dfinity/principal';
import { RejectCode, type CallOutcome } from '../engine-api.js';
import { prepareModule } from '../wasm/index.js';
import type { Canister } from './canister-state.js';
import { ErrorCode, reject, replied, trapToReject } from './errors.js';
import { newExecContext, type ExecContext } from './exec-context.js';
import { execute, type ExecResult } from './execute.js';
import type { Engine } from './engine.js';
import { INSTRUCTION_LIMIT_INSTALL } from './limits.constants.js';
import { decodeModule, sha256 } from './module-bytes.js';
import { WasmInstance } from './wasm-instance.js';
import { closeIfDone, respond } from './call-execution.js';
import { IDL } from '@dfinity/candid';

export type InstallMode = { install: null } | { reinstall: null } | { upgrade: [] | [{ skip_pre_upgrade: [] | [boolean]; wasm_memory_persistence: [] | [unknown] }] };
export type InstallModeName = 'install' | 'reinstall' | 'upgrade';

export interface InstallRequest {
    canister: Canister;
    mode: InstallModeName;
    skipPreUpgrade?: boolean;
    wasmModule: Uint8Array;
    arg: Uint8Array;
    sender: Principal;
}

const EMPTY_REPLY = new Uint8Array(IDL.encode([], []));

export async function installCode(engine: Engine, req: InstallRequest): Promise<CallOutcome> {
    const { canister, mode } = req;
    const id = canister.idText;
    if (mode === 'install' && canister.code !== undefined) {
        return reject(RejectCode.CanisterError, ErrorCode.CanisterNonEmpty, `Canister ${id} cannot be installed because the canister is not empty. Try installing with mode='reinstall' instead.`);
    }
    if (mode === 'upgrade' && canister.code === undefined) {
        return reject(RejectCode.CanisterError, ErrorCode.CanisterWasmModuleNotFound, `Error from Canister ${id}: Attempted to execute a message, but the canister contains no Wasm module.`);
    }
    let prepared;
    try {
        prepared = await prepareModule(decodeModule(req.wasmModule));
    } catch (error) {
        return reject(RejectCode.CanisterError, 'IC0505', `Error from Canister ${id}: Canister's Wasm module is not valid: ${(error as Error).message}`);
    }
    // Re-check after the await: another install may have run meanwhile.
    if (mode === 'install' && canister.code !== undefined) {
        return reject(RejectCode.CanisterError, ErrorCode.CanisterNonEmpty, `Canister ${id} cannot be installed because the canister is not empty.`);
    }
    const before = {
        code: canister.code,
        snapshot: canister.code?.instance.snapshot(),
        version: canister.version,
        timer: canister.globalTimer,
        certified: canister.certifiedData,
        cycles: canister.cycles
    };
    const rollback = (outcome: CallOutcome): CallOutcome => {
        if (before.code !== undefined && before.snapshot !== undefined) before.code.instance = before.code.instance.restore(before.snapshot);
        canister.code = before.code;
        canister.version = before.version;
        canister.globalTimer = before.timer;
        canister.certifiedData = before.certified;
        canister.stable.rollback();
        return outcome;
    };
    canister.stable.begin();
    // 1. pre_upgrade on the old instance (context G), unless skipped.
    if (mode === 'upgrade' && req.skipPreUpgrade !== true && before.code!.instance.hasExport('canister_pre_upgrade')) {
        const ctx = lifecycleContext(engine, canister, 'G', req.sender, new Uint8Array(0));
        const result = execute(engine, ctx, { kind: 'export', name: 'canister_pre_upgrade' }, { rollback: 'none' });
        report(engine, canister, 'canister_pre_upgrade', result);
        if (result.trap !== undefined) return rollback(trapToReject(id, result.trap));
        applyLifecycleEffects(canister, ctx);
    }
    // 2. fresh instance; reinstall wipes stable memory; version, timer and (install/reinstall) certified data reset.
    if (mode === 'reinstall') canister.stable.clear();
    let instance: WasmInstance;
    try {
        instance = WasmInstance.create(prepared, engine.importsFor(canister), engine.scratch);
    } catch (error) {
        // Instantiation runs the module's (start) function; the devnet gives it no System API context ('s').
        return rollback(reject(RejectCode.CanisterError, 'IC0505', `Error from Canister ${id}: the module could not be instantiated: ${(error as Error).message}`));
    }
    canister.code = { prepared, uploaded: req.wasmModule, moduleHash: sha256(req.wasmModule), instance };
    canister.version++;
    canister.globalTimer = 0n;
    if (mode !== 'upgrade') canister.certifiedData = new Uint8Array(0);
    // 3. canister_init or canister_post_upgrade with the argument (context I).
    const entry = mode === 'upgrade' ? 'canister_post_upgrade' : 'canister_init';
    if (instance.hasExport(entry)) {
        const ctx = lifecycleContext(engine, canister, 'I', req.sender, req.arg);
        const result = execute(engine, ctx, { kind: 'export', name: entry }, { rollback: 'none' });
        report(engine, canister, entry, result);
        if (result.trap !== undefined) return rollback(trapToReject(id, result.trap));
        applyLifecycleEffects(canister, ctx);
    }
    canister.stable.commit();
    canister.lastInstallNs = engine.timeNs;
    return replied(EMPTY_REPLY);
}

/**
 * uninstall_code (management-canister.md §"IC method uninstall_code"): drop the module, heap, stable memory,
 * certified data and timer; every open call context is rejected ("Canister has been uninstalled.") and its
 * pending callbacks are dropped.
 */
export function uninstallCode(engine: Engine, canister: Canister): void {
    const contexts = new Set([...canister.outstandingCalls.values()].map((call) => call.context));
    canister.outstandingCalls.clear();
    for (const context of contexts) {
        respond(engine, context, reject(RejectCode.CanisterReject, ErrorCode.CanisterRejectedMessage, 'Canister has been uninstalled.'));
        context.outstanding = 0;
        closeIfDone(engine, canister, context);
    }
    canister.code = undefined;
    if (canister.stable.inTransaction) canister.stable.commit();
    canister.stable.clear();
    canister.certifiedData = new Uint8Array(0);
    canister.globalTimer = 0n;
    canister.version++;
}

function lifecycleContext(engine: Engine, canister: Canister, kind: 'G' | 'I', sender: Principal, arg: Uint8Array): ExecContext {
    return newExecContext({ kind, canister, caller: sender.toUint8Array(), arg, timeNs: engine.timeNs, instructionLimit: INSTRUCTION_LIMIT_INSTALL, maxReplyBytes: 0 });
}

function applyLifecycleEffects(canister: Canister, ctx: ExecContext): void {
    canister.cycles += ctx.balanceDelta;
    if (ctx.certifiedData !== undefined) canister.certifiedData = ctx.certifiedData;
    if (ctx.globalTimer !== undefined) canister.globalTimer = ctx.globalTimer;
}

function report(engine: Engine, canister: Canister, entry: string, result: ExecResult): void {
    const kind = entry === 'canister_pre_upgrade' ? 'G' : 'I';
    engine.emit({ canisterId: canister.idText, method: entry, entryPoint: entry, kind, instructions: result.instructions, cyclesCharged: 0n, trapped: result.trap !== undefined, wallMs: result.wallMs });
}
