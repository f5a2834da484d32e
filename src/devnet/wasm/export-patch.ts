/**
 * The export patch, done with binaryen: export the function table and every internal mutable global so the host
 * can call callbacks and snapshot/restore globals, and add the three metering globals at the end of the global
 * index space. Nothing is added to the function index space (the table's callback indices must stay valid).
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
    /** Number of functions defined in the module (imports excluded). */
    functions: number;
}

const RESERVED_PREFIX = '__devnet_';
/** Internal (binaryen) names of what the patch adds; exports are what the host sees. */
const INTERNAL_TABLE = '__devnet_table_internal';
const INTERNAL_COUNTER = '__devnet_counter_internal';
const INTERNAL_LIMIT = '__devnet_limit_internal';
const INTERNAL_EXHAUSTED = '__devnet_exhausted_internal';

/**
 * @example
 * const { bytes, mutableGlobalExports } = patchExports(rawWasm);
 */
export function patchExports(wasm: Uint8Array): ExportPatchResult {
    let module: binaryen.Module;
    try {
        module = binaryen.readBinary(wasm);
    } catch (err) {
        throw new PrepareError(PrepareErrorCode.InvalidWasm, `binaryen could not read the module: ${String(err)}`);
    }
    try {
        rejectReservedExports(module);
        exportTable(module);
        const mutableGlobalExports = exportMutableGlobals(module);
        addMeteringGlobals(module);
        let functions = 0;
        for (let i = 0; i < module.getNumFunctions(); i++) {
            if (binaryen.getFunctionInfo(module.getFunctionByIndex(i)).module === '') functions++;
        }
        return { bytes: module.emitBinary(), mutableGlobalExports, functions };
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
function exportMutableGlobals(module: binaryen.Module): string[] {
    const infos = [];
    for (let i = 0; i < module.getNumGlobals(); i++) infos.push(binaryen.getGlobalInfo(module.getGlobalByIndex(i)));
    const ordered = [...infos.filter((g) => g.module !== ''), ...infos.filter((g) => g.module === '')];
    const names: string[] = [];
    ordered.forEach((global, index) => {
        if (global.module !== '' || !global.mutable) return;
        const exportName = mutableGlobalExportName(index);
        module.addGlobalExport(global.name, exportName);
        names.push(exportName);
    });
    return names;
}

function addMeteringGlobals(module: binaryen.Module): void {
    module.addGlobal(INTERNAL_COUNTER, binaryen.i64, true, module.i64.const(0, 0));
    // All ones: the unsigned compare never trips until the host sets a limit.
    module.addGlobal(INTERNAL_LIMIT, binaryen.i64, true, module.i64.const(-1, -1));
    module.addGlobal(INTERNAL_EXHAUSTED, binaryen.i32, true, module.i32.const(0));
    module.addGlobalExport(INTERNAL_COUNTER, COUNTER_GLOBAL_EXPORT);
    module.addGlobalExport(INTERNAL_LIMIT, LIMIT_GLOBAL_EXPORT);
    module.addGlobalExport(INTERNAL_EXHAUSTED, EXHAUSTED_GLOBAL_EXPORT);
}
