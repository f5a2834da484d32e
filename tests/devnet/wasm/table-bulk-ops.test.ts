/**
 * table.copy, table.fill, table.init and elem.drop: binaryen 116 cannot read them, so prepareModule rejects such
 * modules; the metering itself handles them, which this checks on meterModule's output directly.
 */
import { describe, expect, it } from 'vitest';
import { prepareModule, PrepareError } from '../../../src/devnet/wasm/index.js';
import { meterModule } from '../../../src/devnet/wasm/metering/meter-module.js';
import { buildModule, I32, I64 } from './wasm-builder.js';

const REF_NULL_FUNC = [0xd0, 0x70];
/**
 * `read` returns `global.get 0`, the counter: the module has no globals, so meterModule appends the counter as
 * global 0 (the input is invalid wasm until metered). The counter global is current after `run` returns.
 */
function tableModule(code: number[], readCounter: 'read-counter' | 'plain' = 'read-counter'): Uint8Array {
    const read = { export: 'read', params: [], results: [I64], code: [0x23, 0] };
    return buildModule({
        table: [0, 0, 0, 0],
        funcs: [
            { params: [], results: [I32], code: [0x41, 7] },
            { export: 'run', params: [I32], results: [], code },
            ...(readCounter === 'read-counter' ? [read] : [])
        ]
    });
}

async function costOf(code: number[], arg: number): Promise<bigint> {
    const metered = meterModule(tableModule(code));
    expect(metered.globals.counter).toBe(0);
    const { instance } = await WebAssembly.instantiate(metered.bytes as Uint8Array<ArrayBuffer>, {});
    const exports = instance.exports;
    (exports['run'] as (n: number) => void)(arg);
    return (exports['read'] as () => bigint)();
}

describe('metering of table bulk operations', () => {
    it('charges table.copy 100 plus the element count', async () => {
        // table.copy(0, 1, n)
        expect(await costOf([0x41, 0, 0x41, 1, 0x20, 0, 0xfc, 14, 0, 0], 3)).toBe(1n + 3n + 100n + 3n);
    });

    it('charges table.fill 100 plus the element count', async () => {
        expect(await costOf([0x41, 0, ...REF_NULL_FUNC, 0x20, 0, 0xfc, 17, 0], 4)).toBe(1n + 3n + 100n + 4n);
    });

    it('charges table.init 100 plus the element count, and elem.drop 300', async () => {
        // segment 0 is active and dropped at instantiation: only a zero-length init is valid
        expect(await costOf([0x41, 0, 0x41, 0, 0x20, 0, 0xfc, 12, 0, 0, 0xfc, 13, 0], 0)).toBe(1n + 3n + 100n + 300n);
    });

    it('is refused by prepareModule because binaryen 116 cannot read it', async () => {
        const error: unknown = await prepareModule(tableModule([0x41, 0, 0x41, 1, 0x20, 0, 0xfc, 14, 0, 0], 'plain'), { cache: null }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(PrepareError);
        expect((error as PrepareError).code).toBe('ERR_WASM_UNSUPPORTED');
    });
});
