/**
 * canister_settings (partial, from create/update_settings) ↔ the devnet's definite settings.
 * Omitted fields stay unchanged (management-canister.md §"IC method update_settings").
 */
import type { Principal } from '@dfinity/principal';
import type { CanisterSettings } from '../core/canister-state.js';
import { rejects } from '../core/errors.js';
import { MAX_CONTROLLERS, MAX_ENV_VAR_BYTES, MAX_ENV_VARS } from '../core/limits.constants.js';
import type { CanisterSettingsArg } from './ic.idl.js';
import { ManagementReject } from './management-env.js';

const opt = <T>(v: [] | [T]): T | undefined => (v.length === 0 ? undefined : v[0]);

export function applySettings(method: string, current: CanisterSettings, arg: CanisterSettingsArg | undefined): CanisterSettings {
    if (arg === undefined) return current;
    const controllers = opt(arg.controllers);
    if (controllers !== undefined && controllers.length > MAX_CONTROLLERS) {
        throw new ManagementReject(rejects.invalidPayload(method, `at most ${MAX_CONTROLLERS} controllers are allowed, got ${controllers.length}`));
    }
    const env = opt(arg.environment_variables);
    if (env !== undefined) {
        if (env.length > MAX_ENV_VARS) throw new ManagementReject(rejects.invalidPayload(method, `at most ${MAX_ENV_VARS} environment variables are allowed`));
        for (const v of env) {
            if (Buffer.byteLength(v.name) > MAX_ENV_VAR_BYTES || Buffer.byteLength(v.value) > MAX_ENV_VAR_BYTES) {
                throw new ManagementReject(rejects.invalidPayload(method, `environment variable ${v.name.slice(0, 32)} exceeds ${MAX_ENV_VAR_BYTES} bytes`));
            }
        }
    }
    return {
        controllers: dedupe(controllers ?? current.controllers),
        computeAllocation: opt(arg.compute_allocation) ?? current.computeAllocation,
        memoryAllocation: opt(arg.memory_allocation) ?? current.memoryAllocation,
        freezingThreshold: opt(arg.freezing_threshold) ?? current.freezingThreshold,
        reservedCyclesLimit: opt(arg.reserved_cycles_limit) ?? current.reservedCyclesLimit,
        minimumIncomingCanisterCallCycles: opt(arg.minimum_incoming_canister_call_cycles) ?? current.minimumIncomingCanisterCallCycles,
        logVisibility: opt(arg.log_visibility) ?? current.logVisibility,
        snapshotVisibility: opt(arg.snapshot_visibility) ?? current.snapshotVisibility,
        statusVisibility: opt(arg.status_visibility) ?? current.statusVisibility,
        wasmMemoryLimit: opt(arg.wasm_memory_limit) ?? current.wasmMemoryLimit,
        wasmMemoryThreshold: opt(arg.wasm_memory_threshold) ?? current.wasmMemoryThreshold,
        logMemoryLimit: current.logMemoryLimit,
        environmentVariables: env ?? current.environmentVariables
    };
}

function dedupe(principals: Principal[]): Principal[] {
    const seen = new Set<string>();
    return principals.filter((p) => (seen.has(p.toText()) ? false : (seen.add(p.toText()), true)));
}

export function definiteSettings(s: CanisterSettings): Record<string, unknown> {
    return {
        controllers: s.controllers,
        compute_allocation: s.computeAllocation,
        memory_allocation: s.memoryAllocation,
        freezing_threshold: s.freezingThreshold,
        reserved_cycles_limit: s.reservedCyclesLimit,
        minimum_incoming_canister_call_cycles: s.minimumIncomingCanisterCallCycles,
        log_visibility: s.logVisibility,
        snapshot_visibility: s.snapshotVisibility,
        status_visibility: s.statusVisibility,
        wasm_memory_limit: s.wasmMemoryLimit,
        wasm_memory_threshold: s.wasmMemoryThreshold,
        log_memory_limit: s.logMemoryLimit,
        environment_variables: s.environmentVariables
    };
}
