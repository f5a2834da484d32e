/**
 * The hand-written test module and the instruction counts expected of it under the IC's scheme
 * (weights from instruction_to_cost: const/local/add/lt = 1, global.get/set = 2, if/br_if/br_table = 2,
 * call = 5, memory.fill/copy = 100 + size, block/loop/else/end = 0, function entry = 1).
 */
import { buildModule, I32, I64 } from './wasm-builder.js';

export const fixtureWasm: Uint8Array = buildModule({
    importedGlobals: ['base'], // global 0
    globals: [
        [I32, false, 5], // global 1: immutable, not exported
        [I32, true, 100], // global 2: __devnet_global_2
        [I64, true, 0] // global 3: __devnet_global_3
    ],
    memoryPages: 1,
    table: [6, 7],
    funcs: [
        // 0: count(n) = n; a do-while loop of n iterations.
        // entry block: 1 + loop 0 = 1; loop body: 1+1+1+1+1+1+1+2 = 9 per iteration; after: local.get = 1.
        {
            export: 'count', params: [I32], results: [I32], locals: [I32],
            code: [0x03, 0x40, 0x20, 1, 0x41, 1, 0x6a, 0x21, 1, 0x20, 1, 0x20, 0, 0x49, 0x0d, 0, 0x0b, 0x20, 1]
        },
        // 1: branch(x) = x ? 10 : 21. entry: 1 + local.get 1 + if 2 = 4; then: 1; else: 3.
        {
            export: 'branch', params: [I32], results: [I32],
            code: [0x20, 0, 0x04, I32, 0x41, 10, 0x05, 0x41, 20, 0x41, 1, 0x6a, 0x0b]
        },
        // 2: callee() = 5, cost 1 + 1 = 2.
        { export: 'callee', params: [], results: [I32], code: [0x41, 5] },
        // 3: caller() = callee(), cost 1 + call 5, plus the callee's 2.
        { export: 'caller', params: [], results: [I32], code: [0x10, 2] },
        // 4: fill(len): memory.fill(0, 7, len), cost 1 + 3 + 100 + len.
        { export: 'fill', params: [I32], results: [], code: [0x41, 0, 0x41, 7, 0x20, 0, 0xfc, 11, 0] },
        // 5: copy(len): memory.copy(16, 0, len), cost 1 + 3 + 100 + len.
        { export: 'copy', params: [I32], results: [], code: [0x41, 16, 0x41, 0, 0x20, 0, 0xfc, 10, 0, 0] },
        // 6, 7: the table's entries 0 and 1.
        { params: [], results: [I32], code: [0x41, 7] },
        { params: [], results: [I32], code: [0x41, 42] },
        // 8: inc() = ++global2, cost 1 + 2 + 1 + 1 + 2 + 2 = 9.
        { export: 'inc', params: [], results: [I32], code: [0x23, 2, 0x41, 1, 0x6a, 0x24, 2, 0x23, 2] },
        // 9: pick(x) = x == 0 ? 1 : 2 through br_table. entry: 1 + block 0 + block 0 + local.get 1 + br_table 2 = 4;
        // after the inner end: const 1 + return 1 = 2; after the outer end: const 1.
        {
            export: 'pick', params: [I32], results: [I32],
            code: [0x02, 0x40, 0x02, 0x40, 0x20, 0, 0x0e, 1, 0, 1, 0x0b, 0x41, 1, 0x0f, 0x0b, 0x41, 2]
        }
    ]
});

export const expectedCost = {
    count: (n: number): bigint => BigInt(1 + 9 * n + 1),
    branch: (x: number): bigint => (x !== 0 ? 5n : 7n),
    caller: 8n,
    fill: (len: number): bigint => BigInt(104 + len),
    copy: (len: number): bigint => BigInt(104 + len),
    inc: 9n,
    pick: (x: number): bigint => (x === 0 ? 6n : 5n)
} as const;

export function fixtureImports(): WebAssembly.Imports {
    return { env: { base: new WebAssembly.Global({ value: 'i32', mutable: false }, 3) } };
}
