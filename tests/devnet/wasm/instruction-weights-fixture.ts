/**
 * One function per instruction class, each with its cost under the IC's weights (entry block = 1 + its
 * instructions), for instruction-weights.test.ts.
 */
import { buildModule, I32 } from './wasm-builder.js';

const F32_1_5 = [0x00, 0x00, 0xc0, 0x3f];
const F64_2_5 = [0, 0, 0, 0, 0, 0, 0x04, 0x40];
const REF_NULL_FUNC = [0xd0, 0x70];

export const cases: { name: string; results: number[]; code: number[]; cost: number }[] = [
    // i64.const with a 5-byte LEB, f32.const, f64.const, drops: 1 + 3 x (1 + 1)
    { name: 'consts', results: [], code: [0x42, 0x89, 0xcf, 0x95, 0x9a, 0x12, 0x1a, 0x43, ...F32_1_5, 0x1a, 0x44, ...F64_2_5, 0x1a], cost: 7 },
    // select and typed select: 1 + 5 + 5
    { name: 'selects', results: [], code: [0x41, 1, 0x41, 2, 0x41, 0, 0x1b, 0x1a, 0x41, 1, 0x41, 2, 0x41, 1, 0x1c, 1, I32, 0x1a], cost: 11 },
    // ref.null 1, ref.is_null 5, drop 1, ref.func 130, drop 1
    { name: 'refs', results: [], code: [...REF_NULL_FUNC, 0xd1, 0x1a, 0xd2, 0, 0x1a], cost: 139 },
    // i32.const 1, call_indirect 10 (table[0] = 'seven', type 0, cost 2), drop 1
    { name: 'indirect', results: [], code: [0x41, 0, 0x11, 0, 0, 0x1a], cost: 1 + 1 + 10 + 1 + 2 },
    // memory.init of 3 bytes (100 + 3) then data.drop 300
    { name: 'init', results: [], code: [0x41, 0, 0x41, 1, 0x41, 3, 0xfc, 8, 0, 0, 0xfc, 9, 0], cost: 1 + 3 + 103 + 300 },
    // table.size 100, table.grow 300, table.get/set 5 (table.copy/fill/init, elem.drop: table-bulk-ops.test.ts)
    {
        name: 'tables', results: [],
        code: [
            0xfc, 16, 0, 0x1a,
            ...REF_NULL_FUNC, 0x41, 0, 0xfc, 15, 0, 0x1a,
            0x41, 0, 0x25, 0, 0x1a,
            0x41, 0, ...REF_NULL_FUNC, 0x26, 0
        ],
        cost: 1 + 101 + 303 + 7 + 7
    },
    // block with a multi-value type index (type 1: [] -> [i32 i32]): entry 1 + 2 consts; after end: add + drop
    { name: 'multivalue', results: [], code: [0x02, 1, 0x41, 1, 0x41, 2, 0x0b, 0x6a, 0x1a], cost: 3 + 2 },
    // f64.sqrt 8, f64.div 5, i64.trunc_sat_f64_s 20, i64.div_s 10
    {
        name: 'arith', results: [],
        code: [0x44, ...F64_2_5, 0x9f, 0x44, ...F64_2_5, 0xa3, 0xfc, 6, 0x42, 7, 0x7f, 0x1a],
        cost: 1 + 1 + 8 + 1 + 5 + 20 + 1 + 10 + 1
    },
    // memory.size 20, memory.grow 300
    { name: 'grow', results: [], code: [0x3f, 0, 0x40, 0, 0x1a], cost: 1 + 20 + 300 + 1 },
    // return_call 3 to 'seven' (cost 2)
    { name: 'tail', results: [I32], code: [0x12, 0], cost: 1 + 3 + 2 },
    // a loop left by br 1 out of an enclosing block: entry 1; loop header 0 + br 2; after the loops' ends: const 1
    { name: 'breakout', results: [I32], code: [0x02, 0x40, 0x03, 0x40, 0x0c, 1, 0x0b, 0x0b, 0x41, 9], cost: 1 + 2 + 1 },
    // unreachable costs 1 and traps: entry 1 + 1
    { name: 'trap', results: [], code: [0x00], cost: 2 }
];

export const weightsWasm: Uint8Array = buildModule({
    memoryPages: 1,
    table: [0],
    passiveData: [[10, 20, 30, 40]],
    funcs: [
        { params: [], results: [I32], code: [0x41, 7] }, // 0: 'seven', type 0
        { params: [], results: [I32, I32], code: [0x41, 1, 0x41, 2] }, // 1: gives the multi-value type 1
        ...cases.map((c) => ({ export: c.name, params: [], results: c.results, code: c.code }))
    ]
});
