/**
 * Names the prepared module exports, and the version of the preparation.
 * The host (src/devnet/core) reads and writes these exports; see docs/devnet-metering.md.
 */

/** The canister's function table, exported so the host can call callbacks by table index (ic0.call_new). */
export const TABLE_EXPORT = '__devnet_table' as const;
/** Prefix of the export of each internal mutable global: `__devnet_global_<global index>`. */
export const MUTABLE_GLOBAL_EXPORT_PREFIX = '__devnet_global_';
/** Mutable i64: instructions executed since the host last set it (counts up). */
export const COUNTER_GLOBAL_EXPORT = '__devnet_instructions' as const;
/** Mutable i64: when the counter exceeds it (unsigned compare), the code traps. */
export const LIMIT_GLOBAL_EXPORT = '__devnet_instruction_limit' as const;
/** Mutable i32: set to 1 just before the out-of-instructions trap, so the host can tell it from other traps. */
export const EXHAUSTED_GLOBAL_EXPORT = '__devnet_out_of_instructions' as const;

/**
 * Version of the preparation (export patch + metering). Part of the disk cache key:
 * bump it whenever the output of prepareModule changes for the same input.
 */
export const INSTRUMENTER_VERSION = 5;

/** Largest wasm module accepted (IC: 100 MiB max wasm module size after decompression). */
export const MAX_WASM_MODULE_BYTES = 100 * 1024 * 1024;

export function mutableGlobalExportName(globalIndex: number): string {
    return `${MUTABLE_GLOBAL_EXPORT_PREFIX}${globalIndex}`;
}
