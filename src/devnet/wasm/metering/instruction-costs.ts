/**
 * Instruction weights of the IC: `instruction_to_cost` in dfinity/ic
 * rs/embedders/src/wasm_utils/instrumentation.rs, keyed here by opcode byte (core spec §5.4).
 * Opcodes outside the supported feature set (SIMD, atomics, exceptions, GC, typed function references)
 * have no entry and are rejected by the scanner.
 */

/** Marks an opcode the devnet does not meter (and so does not accept). */
export const UNSUPPORTED = 0xffff;

function table(entries: [from: number, to: number, cost: number][]): Uint16Array {
    const costs = new Uint16Array(256).fill(UNSUPPORTED);
    for (const [from, to, cost] of entries) costs.fill(cost, from, to + 1);
    return costs;
}

const common: [number, number, number][] = [
    [0x00, 0x01, 1], // unreachable, nop
    [0x02, 0x03, 0], // block, loop: block markers are free
    [0x04, 0x04, 2], // if
    [0x05, 0x05, 0], // else
    [0x0b, 0x0b, 0], // end
    [0x0c, 0x0e, 2], // br, br_if, br_table
    [0x0f, 0x0f, 1], // return
    [0x10, 0x10, 5], // call
    [0x11, 0x11, 10], // call_indirect
    [0x12, 0x12, 3], // return_call
    [0x13, 0x13, 60], // return_call_indirect
    [0x1a, 0x1c, 1], // drop, select, select t
    [0x20, 0x22, 1], // local.get/set/tee
    [0x23, 0x24, 2], // global.get/set
    [0x25, 0x26, 5], // table.get/set
    [0x3f, 0x3f, 20], // memory.size
    [0x40, 0x40, 300], // memory.grow
    [0x41, 0x44, 1], // t.const
    [0x45, 0x5a, 1], // integer tests and comparisons
    [0x5b, 0x66, 3], // float comparisons
    [0x67, 0x8a, 1], // integer arithmetic ...
    [0x6d, 0x70, 10], // ... except i32.div_s/div_u/rem_s/rem_u
    [0x7f, 0x82, 10], // ... and i64.div_s/div_u/rem_s/rem_u
    [0x8b, 0x8c, 1], // f32.abs, f32.neg
    [0x8d, 0x90, 2], // f32.ceil/floor/trunc/nearest
    [0x91, 0x91, 5], // f32.sqrt
    [0x92, 0x94, 2], // f32.add/sub/mul
    [0x95, 0x95, 3], // f32.div
    [0x96, 0x97, 18], // f32.min/max
    [0x98, 0x98, 2], // f32.copysign
    [0x99, 0x9a, 1], // f64.abs, f64.neg
    [0x9b, 0x9e, 2], // f64.ceil/floor/trunc/nearest
    [0x9f, 0x9f, 8], // f64.sqrt
    [0xa0, 0xa2, 2], // f64.add/sub/mul
    [0xa3, 0xa3, 5], // f64.div
    [0xa4, 0xa5, 18], // f64.min/max
    [0xa6, 0xa6, 3], // f64.copysign
    [0xa7, 0xa7, 1], // i32.wrap_i64
    [0xa8, 0xab, 20], // i32.trunc_f*
    [0xac, 0xad, 1], // i64.extend_i32_s/u
    [0xae, 0xb1, 20], // i64.trunc_f*
    [0xb2, 0xb2, 3], // f32.convert_i32_s
    [0xb3, 0xb3, 16], // f32.convert_i32_u
    [0xb4, 0xb4, 3], // f32.convert_i64_s
    [0xb5, 0xb5, 16], // f32.convert_i64_u
    [0xb6, 0xb6, 1], // f32.demote_f64
    [0xb7, 0xb7, 3], // f64.convert_i32_s
    [0xb8, 0xb8, 16], // f64.convert_i32_u
    [0xb9, 0xb9, 3], // f64.convert_i64_s
    [0xba, 0xba, 16], // f64.convert_i64_u
    [0xbb, 0xbf, 1], // f64.promote_f32, reinterpretations
    [0xc0, 0xc4, 1], // sign extension
    [0xd0, 0xd0, 1], // ref.null
    [0xd1, 0xd1, 5], // ref.is_null
    [0xd2, 0xd2, 130] // ref.func
];

/** Costs of single-byte opcodes for a module whose memory is 32-bit (loads and stores cost 1). */
export const COSTS_MEMORY32: Uint16Array = table([...common, [0x28, 0x3e, 1]]);
/** The same for memory64 (loads and stores cost 2). */
export const COSTS_MEMORY64: Uint16Array = table([...common, [0x28, 0x3e, 2]]);

/** Costs of 0xFC-prefixed instructions, by sub-opcode (saturating truncation and bulk memory/table). */
export const COSTS_PREFIX_FC: Uint16Array = table([
    [0, 7, 20], // i*.trunc_sat_f*
    [8, 8, 100], // memory.init (+ dynamic cost)
    [9, 9, 300], // data.drop
    [10, 11, 100], // memory.copy, memory.fill (+ dynamic cost)
    [12, 12, 100], // table.init (+ dynamic cost)
    [13, 13, 300], // elem.drop
    [14, 14, 100], // table.copy (+ dynamic cost)
    [15, 15, 300], // table.grow
    [16, 16, 100], // table.size
    [17, 17, 100] // table.fill (+ dynamic cost)
]);

/** The IC's static cost of a function entry, charged even for empty functions. */
export const FUNCTION_ENTRY_COST = 1;
