/**
 * Management methods on canister lifecycle and cycles (management-canister.md §"IC method create_canister",
 * provisional_*, update_settings, start/stop/delete_canister, canister_status, deposit_cycles,
 * fetch_canister_logs, raw_rand).
 */
import { IDL } from '@dfinity/candid';
import type { Principal } from '@dfinity/principal';
import { RejectCode, type ManagementOutcome } from '../engine-api.js';
import { isController, memoryUsage, type Canister } from '../core/canister-state.js';
import { idleCyclesPerDay } from '../core/cycles.js';
import { ErrorCode, reject } from '../core/errors.js';
import { CANISTER_CREATION_FEE_CYCLES, DEFAULT_PROVISIONAL_CYCLES } from '../core/limits.constants.js';
import { respond } from '../core/call-execution.js';
import { checkStopped } from '../core/lifecycle.js';
import {
    CanisterIdRecord,
    CanisterStatusResult,
    CreateCanisterArgs,
    FetchLogsResult,
    ProvisionalCreateArgs,
    ProvisionalTopUpArgs,
    UpdateSettingsArgs,
    type CanisterSettingsArg
} from './ic.idl.js';
import { applySettings, definiteSettings } from './settings.js';
import { controlled, decodeArg, EMPTY, ManagementReject, reply, target, type InternalMethod, type ManagementEnv } from './management-env.js';
import { uninstallCode } from '../core/install.js';

type Opt<T> = [] | [T];
const CreateResult = IDL.Record({ canister_id: IDL.Principal });

function createWith(env: ManagementEnv, settings: Opt<CanisterSettingsArg>, cycles: bigint, specified?: Principal): Canister {
    const { engine } = env;
    if (specified !== undefined && engine.canister(specified) !== undefined) {
        throw new ManagementReject(reject(RejectCode.DestinationInvalid, 'IC0304', `Canister ${specified.toText()} is already installed or exists.`));
    }
    const id = specified ?? env.ids.allocate((text) => engine.canisters.has(text) || engine.builtins.has(text));
    const canister = engine.addCanister(id, [env.caller], cycles);
    canister.settings = applySettings(env.method, canister.settings, settings[0]);
    return canister;
}

export const provisionalCreateCanisterWithCycles: InternalMethod = (env, arg) => {
    const [a] = decodeArg<[{ amount: Opt<bigint>; settings: Opt<CanisterSettingsArg>; specified_id: Opt<Principal> }]>(env.method, [ProvisionalCreateArgs], arg);
    const canister = createWith(env, a.settings, a.amount[0] ?? DEFAULT_PROVISIONAL_CYCLES, a.specified_id[0]);
    return reply([CreateResult], [{ canister_id: canister.id }]);
};

/** create_canister (canisters only): the attached cycles, minus the creation fee, become the new balance. */
export const createCanister: InternalMethod = (env, arg) => {
    const [a] = decodeArg<[{ settings: Opt<CanisterSettingsArg> }]>(env.method, [CreateCanisterArgs], arg);
    if (env.cycles < CANISTER_CREATION_FEE_CYCLES) {
        return {
            ...reject(RejectCode.CanisterReject, 'IC0407', `Creating a canister requires a fee of ${CANISTER_CREATION_FEE_CYCLES} that is deducted from the canister's initial balance but only ${env.cycles} cycles were received with the create_canister request.`),
            cyclesKept: 0n
        };
    }
    const canister = createWith(env, a.settings, env.cycles - CANISTER_CREATION_FEE_CYCLES);
    return reply([CreateResult], [{ canister_id: canister.id }], env.cycles);
};

export const provisionalTopUpCanister: InternalMethod = (env, arg) => {
    const [a] = decodeArg<[{ canister_id: Principal; amount: bigint }]>(env.method, [ProvisionalTopUpArgs], arg);
    target(env, a.canister_id).cycles += a.amount;
    return EMPTY();
};

export const depositCycles: InternalMethod = (env, arg) => {
    const [a] = decodeArg<[{ canister_id: Principal }]>(env.method, [CanisterIdRecord], arg);
    target(env, a.canister_id).cycles += env.cycles;
    return reply([], [], env.cycles);
};

export const updateSettings: InternalMethod = (env, arg) => {
    const [a] = decodeArg<[{ canister_id: Principal; settings: CanisterSettingsArg }]>(env.method, [UpdateSettingsArgs], arg);
    const canister = controlled(env, a.canister_id);
    canister.settings = applySettings(env.method, canister.settings, a.settings);
    canister.version++;
    return EMPTY();
};

export const startCanister: InternalMethod = (env, arg) => {
    const canister = controlled(env, decodeArg<[{ canister_id: Principal }]>(env.method, [CanisterIdRecord], arg)[0].canister_id);
    if (canister.status === 'stopping') {
        for (const waiter of canister.stopWaiters.splice(0)) waiter(reject(RejectCode.CanisterError, 'IC0519', `Canister ${canister.idText} was started before it stopped.`));
    }
    if (canister.status !== 'running') canister.version++;
    canister.status = 'running';
    return EMPTY();
};

/** stop_canister answers once the canister is stopped: when its last open call context closes. */
export const stopCanister: InternalMethod = (env, arg) => {
    const canister = controlled(env, decodeArg<[{ canister_id: Principal }]>(env.method, [CanisterIdRecord], arg)[0].canister_id);
    if (canister.status === 'stopped') return EMPTY();
    return new Promise<ManagementOutcome>((resolve) => {
        canister.stopWaiters.push((outcome) => resolve({ ...outcome, cyclesKept: 0n }));
        if (canister.status === 'running') {
            canister.status = 'stopping';
            checkStopped(canister);
        }
    });
};

export const deleteCanister: InternalMethod = (env, arg) => {
    const canister = controlled(env, decodeArg<[{ canister_id: Principal }]>(env.method, [CanisterIdRecord], arg)[0].canister_id);
    if (canister.status !== 'stopped') {
        return { ...reject(RejectCode.CanisterError, ErrorCode.CanisterNotStopped, `Canister ${canister.idText} must be stopped before it is deleted.`), cyclesKept: 0n };
    }
    env.engine.removeCanister(canister.idText);
    return EMPTY();
};

export const uninstall: InternalMethod = (env, arg) => {
    const canister = controlled(env, decodeArg<[{ canister_id: Principal }]>(env.method, [CanisterIdRecord], arg)[0].canister_id);
    uninstallCode(env.engine, canister);
    return EMPTY();
};

function visible(env: ManagementEnv, canister: Canister, visibility: Canister['settings']['statusVisibility']): boolean {
    if (isController(canister, env.caller.toUint8Array())) return true;
    if ('public' in visibility) return true;
    if ('allowed_viewers' in visibility) return visibility.allowed_viewers.some((p) => p.toText() === env.caller.toText());
    return false;
}

export const canisterStatus: InternalMethod = (env, arg) => {
    const canister = target(env, decodeArg<[{ canister_id: Principal }]>(env.method, [CanisterIdRecord], arg)[0].canister_id);
    if (!visible(env, canister, canister.settings.statusVisibility)) {
        throw new ManagementReject(reject(RejectCode.CanisterError, ErrorCode.CanisterInvalidController, `Only the controllers of the canister ${canister.idText} can control it (method canister_status).`));
    }
    return reply([CanisterStatusResult], [statusRecord(env, canister)]);
};

function statusRecord(env: ManagementEnv, c: Canister): Record<string, unknown> {
    const wasmMemory = BigInt(c.code?.instance.memoryBytes ?? 0);
    const binary = BigInt(c.code?.uploaded.length ?? 0);
    let chunkBytes = 0n;
    for (const chunk of c.chunks.values()) chunkBytes += BigInt(chunk.length);
    const memory = memoryUsage(c) + binary + chunkBytes;
    return {
        status: { [c.status]: null },
        ready_for_migration: false,
        version: c.version,
        settings: definiteSettings(c.settings),
        module_hash: c.code === undefined ? [] : [c.code.moduleHash],
        memory_size: memory,
        memory_metrics: {
            wasm_memory_size: wasmMemory,
            stable_memory_size: c.stable.byteLength,
            global_memory_size: BigInt((c.code?.instance.globals.length ?? 0) * 8),
            wasm_binary_size: binary,
            custom_sections_size: 0n,
            canister_history_size: 0n,
            wasm_chunk_store_size: chunkBytes,
            snapshots_size: 0n,
            log_memory_store_size: BigInt(c.logBytes)
        },
        cycles: c.cycles,
        reserved_cycles: 0n,
        idle_cycles_burned_per_day: idleCyclesPerDay(memory, env.engine.subnetSize),
        query_stats: {
            num_calls_total: c.queryStats.calls,
            num_instructions_total: c.queryStats.instructions,
            request_payload_bytes_total: c.queryStats.requestBytes,
            response_payload_bytes_total: c.queryStats.responseBytes
        }
    };
}

export const fetchCanisterLogs: InternalMethod = (env, arg) => {
    const canister = target(env, decodeArg<[{ canister_id: Principal }]>(env.method, [CanisterIdRecord], arg)[0].canister_id);
    if (!visible(env, canister, canister.settings.logVisibility)) {
        throw new ManagementReject(reject(RejectCode.CanisterError, ErrorCode.CanisterInvalidController, `Caller ${env.caller.toText()} is not allowed to read the logs of canister ${canister.idText}.`));
    }
    const records = canister.logs.map((r) => ({ idx: r.idx, timestamp_nanos: r.timestampNanos, content: r.content }));
    return reply([FetchLogsResult], [{ canister_log_records: records }]);
};

export const rawRand: InternalMethod = (env) => reply([IDL.Vec(IDL.Nat8)], [env.randomBytes(32)]);

/** Used by the stop logic of tests: respond to every open context of an uninstalled canister. */
export { respond };
