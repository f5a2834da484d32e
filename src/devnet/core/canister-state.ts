/**
 * The state the devnet keeps per canister (ic-interface spec abstract-behavior.md §"Abstract canisters",
 * §"The system state"), and the call bookkeeping that belongs to it.
 */
import type { Principal } from '@dfinity/principal';
import type { CallOutcome } from '../engine-api.js';
import type { PreparedModule } from '../wasm/index.js';
import type { InstanceSnapshot, WasmInstance } from './wasm-instance.js';
import { StableMemory } from './stable-memory.js';
import {
    DEFAULT_FREEZING_THRESHOLD_SECONDS,
    DEFAULT_LOG_MEMORY_LIMIT_BYTES,
    DEFAULT_RESERVED_CYCLES_LIMIT,
    DEFAULT_WASM_MEMORY_LIMIT_BYTES
} from './limits.constants.js';

export type Visibility = { controllers: null } | { public: null } | { allowed_viewers: Principal[] };

/** definite_canister_settings of ic.did, in the devnet's own camelCase shape. */
export interface CanisterSettings {
    controllers: Principal[];
    computeAllocation: bigint;
    memoryAllocation: bigint;
    freezingThreshold: bigint;
    reservedCyclesLimit: bigint;
    minimumIncomingCanisterCallCycles: bigint;
    logVisibility: Visibility;
    snapshotVisibility: Visibility;
    statusVisibility: Visibility;
    wasmMemoryLimit: bigint;
    wasmMemoryThreshold: bigint;
    logMemoryLimit: bigint;
    environmentVariables: { name: string; value: string }[];
}

export function defaultSettings(controllers: Principal[]): CanisterSettings {
    return {
        controllers,
        computeAllocation: 0n,
        memoryAllocation: 0n,
        freezingThreshold: DEFAULT_FREEZING_THRESHOLD_SECONDS,
        reservedCyclesLimit: DEFAULT_RESERVED_CYCLES_LIMIT,
        minimumIncomingCanisterCallCycles: 0n,
        logVisibility: { controllers: null },
        snapshotVisibility: { controllers: null },
        statusVisibility: { controllers: null },
        wasmMemoryLimit: DEFAULT_WASM_MEMORY_LIMIT_BYTES,
        wasmMemoryThreshold: 0n,
        logMemoryLimit: DEFAULT_LOG_MEMORY_LIMIT_BYTES,
        environmentVariables: []
    };
}

export type CanisterStatus = 'running' | 'stopping' | 'stopped';

export interface InstalledCode {
    prepared: PreparedModule;
    /** The module bytes as given to install (possibly gzipped); persisted by saveState. */
    uploaded: Uint8Array;
    /** sha256 of the module as uploaded (the `module_hash` of canister_status and the state tree). */
    moduleHash: Uint8Array;
    instance: WasmInstance;
}

export interface LogRecord {
    idx: bigint;
    timestampNanos: bigint;
    content: Uint8Array;
}

/** Where a call context must send its response (abstract-behavior.md §"Call contexts"). */
export type CallOrigin =
    | { kind: 'ingress'; requestId: string }
    | { kind: 'canister'; caller: Principal; callId: number }
    | { kind: 'system' };

export interface CallContext {
    id: number;
    origin: CallOrigin;
    /** The principal that msg_caller returns. */
    caller: Uint8Array;
    /** Cycles attached to the call that are still available (not accepted, not refunded yet). */
    cyclesAvailable: bigint;
    responded: boolean;
    /** Calls made from this context still waiting for a response. */
    outstanding: number;
    /** performance_counter(1): instructions summed over this context's messages. */
    instructions: bigint;
    /** The trap of the last message, used as the response if the context closes without one. */
    lastTrap: CallOutcome | undefined;
    /** Bounded-wait deadline of the incoming call (ns), if any. */
    deadline: bigint | undefined;
}

export interface Callback {
    fun: number;
    env: number;
}

/** A call this canister made that awaits its response. */
export interface OutstandingCall {
    callId: number;
    context: CallContext;
    callee: Principal;
    method: string;
    reply: Callback;
    reject: Callback;
    cleanup: Callback | undefined;
    cyclesSent: bigint;
    /** Bounded-wait deadline (ns); the call is rejected with SYS_UNKNOWN once time passes it. */
    deadline: bigint | undefined;
    /** Set while the call is "in composite query" mode (callbacks run as CRy/CRt). */
    composite: boolean;
}

export interface Canister {
    id: Principal;
    idText: string;
    idBytes: Uint8Array;
    settings: CanisterSettings;
    status: CanisterStatus;
    cycles: bigint;
    version: bigint;
    code: InstalledCode | undefined;
    stable: StableMemory;
    certifiedData: Uint8Array;
    /** Absolute time (ns) of the global timer; 0 = not set. */
    globalTimer: bigint;
    chunks: Map<string, Uint8Array>;
    logs: LogRecord[];
    logBytes: number;
    nextLogIdx: bigint;
    /** Call contexts not yet closed (a stopping canister becomes stopped when this reaches 0). */
    openContexts: number;
    /** Replies owed to stop_canister callers. */
    stopWaiters: ((outcome: CallOutcome) => void)[];
    outstandingCalls: Map<number, OutstandingCall>;
    createdAtNs: bigint;
    lastInstallNs: bigint | undefined;
    queryStats: { calls: bigint; instructions: bigint; requestBytes: bigint; responseBytes: bigint };
    /** Snapshot restored when loading persisted state, before the first message (see persistence). */
    pendingSnapshot?: InstanceSnapshot;
}

export function newCanister(id: Principal, controllers: Principal[], cycles: bigint, nowNs: bigint): Canister {
    return {
        id,
        idText: id.toText(),
        idBytes: id.toUint8Array(),
        settings: defaultSettings(controllers),
        status: 'running',
        cycles,
        version: 0n,
        code: undefined,
        stable: new StableMemory(),
        certifiedData: new Uint8Array(0),
        globalTimer: 0n,
        chunks: new Map(),
        logs: [],
        logBytes: 0,
        nextLogIdx: 0n,
        openContexts: 0,
        stopWaiters: [],
        outstandingCalls: new Map(),
        createdAtNs: nowNs,
        lastInstallNs: undefined,
        queryStats: { calls: 0n, instructions: 0n, requestBytes: 0n, responseBytes: 0n }
    };
}

export function isController(canister: Canister, principal: Uint8Array): boolean {
    return canister.settings.controllers.some((c) => bytesEqual(c.toUint8Array(), principal));
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
}

/** Memory the canister is charged for: wasm heap + stable memory. */
export function memoryUsage(canister: Canister): bigint {
    return BigInt(canister.code?.instance.memoryBytes ?? 0) + canister.stable.byteLength;
}
