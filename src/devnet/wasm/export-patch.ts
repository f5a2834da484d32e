/**
 * The export patch, done with binaryen after metering: export the function table, every internal mutable global
 * of the canister (so the host can call callbacks and snapshot/restore globals) and the three metering globals
 * that meterModule appended. Nothing is added to the function index space (callback table indices stay valid).
 * Like the IC's `export_table` / `export_mutable_globals` (rs/embedders/src/wasm_utils/instrumentation.rs).
 */
import binaryen from 'binaryen';
import {
    COUNTER_GLOBAL_EXPORT,
    EXHAUSTED_GLOBAL_EXPORT,
    LIMIT_GLOBAL_EXPORT,
    TABLE_EXPORT,
    mutableGlobalExportName
} from './names.constants.js';
import { PrepareError, PrepareErrorCode } from './prepare-error.js';

export interface ExportPatchResult {
    bytes: Uint8Array;
    /** Export names of the module's own mutable globals, in global index order. */
    mutableGlobalExports: string[];
}

const RESERVED_PREFIX = '__devnet_';
/** Wasm features the devnet runs (the IC's set without SIMD, which the metering rejects). */
const ACCEPTED_FEATURES =
    binaryen.Features.MutableGlobals |
    binaryen.Features.NontrappingFPToInt |
    binaryen.Features.SignExt |
    binaryen.Features.BulkMemory |
    binaryen.Features.ReferenceTypes |
    binaryen.Features.Multivalue |
    binaryen.Features.TailCall;

/** Internal (binaryen) name of the empty table added to a module that has none. */
const INTERNAL_TABLE = '__devnet_table_internal';

/** Global indices of the metering globals (see meterModule). */
export interface MeteringGlobalIndices {
    counter: number;
    limit: number;
    exhausted: number;
}

/**
 * @example
 * const metered = meterModule(rawWasm);
 * const { bytes, mutableGlobalExports } = patchExports(metered.bytes, metered.globals);
 */
export function patchExports(wasm: Uint8Array, metering: MeteringGlobalIndices): ExportPatchResult {
    let module: binaryen.Module;
    try {
        module = binaryen.readBinary(wasm);
    } catch {
        // The input passed WebAssembly.validate, so this is a gap in binaryen 116 (e.g. it cannot read
        // table.copy/table.fill/table.init/elem.drop); binaryen prints the parse exception to stderr.
        throw new PrepareError(PrepareErrorCode.Unsupported, 'binaryen 116 could not read this (valid) module; its parse exception is on stderr');
    }
    try {
        // binaryen reads every feature but emits by the module's feature set (from a target_features section
        // if any, else MVP, which drops the data count section): enable what the devnet accepts.
        module.setFeatures(module.getFeatures() | ACCEPTED_FEATURES);
        rejectReservedExports(module);
        exportTable(module);
        const mutableGlobalExports = exportGlobals(module, metering);
        return { bytes: module.emitBinary(), mutableGlobalExports };
    } finally {
        module.dispose();
    }
}

function rejectReservedExports(module: binaryen.Module): void {
    for (let i = 0; i < module.getNumExports(); i++) {
        const name = binaryen.getExportInfo(module.getExportByIndex(i)).name;
        if (name.startsWith(RESERVED_PREFIX)) {
            throw new PrepareError(PrepareErrorCode.Unsupported, `export name "${name}" is reserved by the devnet`);
        }
    }
}

function exportTable(module: binaryen.Module): void {
    if (module.getNumTables() > 1) {
        throw new PrepareError(PrepareErrorCode.Unsupported, `module has ${module.getNumTables()} tables; at most 1 is supported`);
    }
    // A module without a table gets an empty one, so every prepared module has the same exports.
    const name =
        module.getNumTables() === 1
            ? binaryen.getTableInfo(module.getTableByIndex(0)).name
            : binaryen.getTableInfo(module.addTable(INTERNAL_TABLE, 0, 0, binaryen.funcref)).name;
    module.addTableExport(name, TABLE_EXPORT);
}

/** Wasm global indices count imported globals first, then defined ones, each in declaration order. */
function exportGlobals(module: binaryen.Module, metering: MeteringGlobalIndices): string[] {
    const infos = [];
    for (let i = 0; i < module.getNumGlobals(); i++) infos.push(binaryen.getGlobalInfo(module.getGlobalByIndex(i)));
    const ordered = [...infos.filter((g) => g.module !== ''), ...infos.filter((g) => g.module === '')];
    const meteringExports = new Map<number, string>([
        [metering.counter, COUNTER_GLOBAL_EXPORT],
        [metering.limit, LIMIT_GLOBAL_EXPORT],
        [metering.exhausted, EXHAUSTED_GLOBAL_EXPORT]
    ]);
    const names: string[] = [];
    ordered.forEach((global, index) => {
        const meteringName = meteringExports.get(index);
        if (meteringName !== undefined) {
            module.addGlobalExport(global.name, meteringName);
            meteringExports.delete(index);
            return;
        }
        if (global.module !== '' || !global.mutable) return;
        const exportName = mutableGlobalExportName(index);
        module.addGlobalExport(global.name, exportName);
        names.push(exportName);
    });
    if (meteringExports.size > 0) {
        throw new PrepareError(PrepareErrorCode.InvalidWasm, `metering globals missing: ${[...meteringExports.values()].join(', ')}`);
    }
    return names;
}
