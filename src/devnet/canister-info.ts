/**
 * A read-only view of one canister for tests, the HTTP layer (read_state) and the CLI.
 */
import type { Principal } from '@dfinity/principal';
import type { Canister, CanisterSettings, CanisterStatus, LogRecord } from './core/canister-state.js';
import { customSections } from './core/custom-sections.js';

export interface CanisterInfo {
    id: Principal;
    status: CanisterStatus;
    controllers: Principal[];
    settings: CanisterSettings;
    /** sha256 of the module as uploaded, undefined when empty. */
    moduleHash: Uint8Array | undefined;
    cycles: bigint;
    wasmMemoryBytes: number;
    stableMemoryBytes: bigint;
    certifiedData: Uint8Array;
    version: bigint;
    globalTimerNs: bigint;
    logs: LogRecord[];
    /** `icp:public <name>` / `icp:private <name>` custom sections of the installed module. */
    publicMetadata: ReadonlyMap<string, Uint8Array>;
    privateMetadata: ReadonlyMap<string, Uint8Array>;
    createdAtNs: bigint;
    lastInstallNs: bigint | undefined;
}

export function canisterInfo(c: Canister): CanisterInfo {
    const sections = c.code === undefined ? undefined : customSections(c.code.prepared.module);
    return {
        id: c.id,
        status: c.status,
        controllers: [...c.settings.controllers],
        settings: c.settings,
        moduleHash: c.code?.moduleHash,
        cycles: c.cycles,
        wasmMemoryBytes: c.code?.instance.memoryBytes ?? 0,
        stableMemoryBytes: c.stable.byteLength,
        certifiedData: c.certifiedData,
        version: c.version,
        globalTimerNs: c.globalTimer,
        logs: [...c.logs],
        publicMetadata: sections?.public ?? new Map(),
        privateMetadata: sections?.private ?? new Map(),
        createdAtNs: c.createdAtNs,
        lastInstallNs: c.lastInstallNs
    };
}
