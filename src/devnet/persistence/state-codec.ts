/**
 * Persisted devnet state as JSON (pure): the canister records without their binary blobs, which live in files
 * beside the manifest (module, wasm memory, stable pages, chunks). Bigints are decimal strings, principals text,
 * small blobs hex.
 */
import { Principal } from '@dfinity/principal';
import type { Canister, CanisterSettings, Visibility } from '../core/canister-state.js';

export const STATE_FORMAT_VERSION = 1;

export interface PersistedSettings extends Omit<CanisterSettings, 'controllers' | 'logVisibility' | 'snapshotVisibility' | 'statusVisibility' | bigintKeys> {
    controllers: string[];
    logVisibility: PersistedVisibility;
    snapshotVisibility: PersistedVisibility;
    statusVisibility: PersistedVisibility;
    computeAllocation: string;
    memoryAllocation: string;
    freezingThreshold: string;
    reservedCyclesLimit: string;
    minimumIncomingCanisterCallCycles: string;
    wasmMemoryLimit: string;
    wasmMemoryThreshold: string;
    logMemoryLimit: string;
}
type bigintKeys = 'computeAllocation' | 'memoryAllocation' | 'freezingThreshold' | 'reservedCyclesLimit' | 'minimumIncomingCanisterCallCycles' | 'wasmMemoryLimit' | 'wasmMemoryThreshold' | 'logMemoryLimit';
type PersistedVisibility = { controllers: null } | { public: null } | { allowed_viewers: string[] };

export interface PersistedCanister {
    id: string;
    settings: PersistedSettings;
    status: Canister['status'];
    cycles: string;
    version: string;
    certifiedData: string;
    globalTimer: string;
    createdAtNs: string;
    lastInstallNs: string | null;
    nextLogIdx: string;
    logs: { idx: string; timestampNanos: string; content: string }[];
    chunkHashes: string[];
    /** Present when code is installed: the module hash (hex) and the mutable global values at save time. */
    code: { moduleHash: string; globals: (string | number)[] } | null;
    stableSizePages: string;
}

export interface PersistedState {
    format: number;
    timeNs: string;
    nextCanisterIndex: string;
    canisters: PersistedCanister[];
}

const hex = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');
const unhex = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'hex'));

function visibilityOut(v: Visibility): PersistedVisibility {
    return 'allowed_viewers' in v ? { allowed_viewers: v.allowed_viewers.map((p) => p.toText()) } : v;
}
function visibilityIn(v: PersistedVisibility): Visibility {
    return 'allowed_viewers' in v ? { allowed_viewers: v.allowed_viewers.map((p) => Principal.fromText(p)) } : v;
}

export function encodeCanister(c: Canister): PersistedCanister {
    const s = c.settings;
    return {
        id: c.idText,
        settings: {
            controllers: s.controllers.map((p) => p.toText()),
            computeAllocation: s.computeAllocation.toString(),
            memoryAllocation: s.memoryAllocation.toString(),
            freezingThreshold: s.freezingThreshold.toString(),
            reservedCyclesLimit: s.reservedCyclesLimit.toString(),
            minimumIncomingCanisterCallCycles: s.minimumIncomingCanisterCallCycles.toString(),
            logVisibility: visibilityOut(s.logVisibility),
            snapshotVisibility: visibilityOut(s.snapshotVisibility),
            statusVisibility: visibilityOut(s.statusVisibility),
            wasmMemoryLimit: s.wasmMemoryLimit.toString(),
            wasmMemoryThreshold: s.wasmMemoryThreshold.toString(),
            logMemoryLimit: s.logMemoryLimit.toString(),
            environmentVariables: s.environmentVariables
        },
        status: c.status,
        cycles: c.cycles.toString(),
        version: c.version.toString(),
        certifiedData: hex(c.certifiedData),
        globalTimer: c.globalTimer.toString(),
        createdAtNs: c.createdAtNs.toString(),
        lastInstallNs: c.lastInstallNs === undefined ? null : c.lastInstallNs.toString(),
        nextLogIdx: c.nextLogIdx.toString(),
        logs: c.logs.map((r) => ({ idx: r.idx.toString(), timestampNanos: r.timestampNanos.toString(), content: hex(r.content) })),
        chunkHashes: [...c.chunks.keys()],
        code: c.code === undefined ? null : { moduleHash: hex(c.code.moduleHash), globals: c.code.instance.globals.map((g) => (typeof g.value === 'bigint' ? `${g.value}n` : (g.value as number))) },
        stableSizePages: c.stable.size.toString()
    };
}

/** Applies the persisted scalar fields to a freshly created canister record. */
export function applyPersisted(c: Canister, p: PersistedCanister): void {
    const s = p.settings;
    c.settings = {
        controllers: s.controllers.map((t) => Principal.fromText(t)),
        computeAllocation: BigInt(s.computeAllocation),
        memoryAllocation: BigInt(s.memoryAllocation),
        freezingThreshold: BigInt(s.freezingThreshold),
        reservedCyclesLimit: BigInt(s.reservedCyclesLimit),
        minimumIncomingCanisterCallCycles: BigInt(s.minimumIncomingCanisterCallCycles),
        logVisibility: visibilityIn(s.logVisibility),
        snapshotVisibility: visibilityIn(s.snapshotVisibility),
        statusVisibility: visibilityIn(s.statusVisibility),
        wasmMemoryLimit: BigInt(s.wasmMemoryLimit),
        wasmMemoryThreshold: BigInt(s.wasmMemoryThreshold),
        logMemoryLimit: BigInt(s.logMemoryLimit),
        environmentVariables: s.environmentVariables
    };
    c.status = p.status === 'stopping' ? 'stopped' : p.status; // no call context survives a restart
    c.cycles = BigInt(p.cycles);
    c.version = BigInt(p.version);
    c.certifiedData = unhex(p.certifiedData);
    c.globalTimer = BigInt(p.globalTimer);
    c.createdAtNs = BigInt(p.createdAtNs);
    c.lastInstallNs = p.lastInstallNs === null ? undefined : BigInt(p.lastInstallNs);
    c.nextLogIdx = BigInt(p.nextLogIdx);
    c.logs = p.logs.map((r) => ({ idx: BigInt(r.idx), timestampNanos: BigInt(r.timestampNanos), content: unhex(r.content) }));
    c.logBytes = c.logs.reduce((n, r) => n + r.content.length, 0);
}

export function decodeGlobals(values: (string | number)[]): (number | bigint)[] {
    return values.map((v) => (typeof v === 'string' && v.endsWith('n') ? BigInt(v.slice(0, -1)) : (v as number)));
}
