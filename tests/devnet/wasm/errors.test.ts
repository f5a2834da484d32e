import { describe, expect, it } from 'vitest';
import { PrepareError, prepareModule } from '../../../src/devnet/wasm/index.js';
import { buildModule, I32 } from './wasm-builder.js';

async function prepareError(wasm: Uint8Array): Promise<PrepareError> {
    const error: unknown = await prepareModule(wasm, { cache: null }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrepareError);
    return error as PrepareError;
}

describe('prepareModule rejects what it cannot prepare', () => {
    it('rejects bytes that are not wasm', async () => {
        expect((await prepareError(new TextEncoder().encode('not wasm at all'))).code).toBe('ERR_INVALID_WASM');
    });

    it('rejects a truncated module', async () => {
        const wasm = buildModule({ funcs: [{ export: 'f', params: [], results: [I32], code: [0x41, 5] }] });
        expect((await prepareError(wasm.subarray(0, wasm.length - 3))).code).toBe('ERR_INVALID_WASM');
    });

    it('rejects SIMD, which the metering does not cover', async () => {
        // v128.const 0; i8x16.extract_lane_s 0
        const code = [0xfd, 12, ...new Array<number>(16).fill(0), 0xfd, 21, 0];
        const wasm = buildModule({ funcs: [{ export: 'f', params: [], results: [I32], code }] });
        const error = await prepareError(wasm);
        expect(error.code).toBe('ERR_WASM_UNSUPPORTED');
        expect(error.message).toContain('0xfd');
    });

    it('rejects an export name in the devnet namespace', async () => {
        const wasm = buildModule({ funcs: [{ export: '__devnet_instructions', params: [], results: [I32], code: [0x41, 5] }] });
        expect((await prepareError(wasm)).code).toBe('ERR_WASM_UNSUPPORTED');
    });
});
