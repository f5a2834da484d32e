import { describe, it, expect } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import {
    buildTinyLlama,
    encodeGguf,
    encodeTensorData,
    float32ToFloat16Bits,
    GgmlType,
    inspectGguf,
    parseGgufHeader,
    GgufInspectError
} from '../../../src/cli/gguf';

describe('float32ToFloat16Bits', () => {
    it('matches IEEE binary16 for exact, rounded, subnormal and special values', () => {
        const cases: [number, number][] = [
            [0, 0x0000], [-0, 0x8000], [1, 0x3c00], [-2, 0xc000], [0.5, 0x3800], [65504, 0x7bff],
            [65520, 0x7c00], [Infinity, 0x7c00], [-Infinity, 0xfc00], [5.960464477539063e-8, 0x0001],
            [6.103515625e-5, 0x0400], [1 + 2 ** -11, 0x3c00] /* tie → even */, [1 + 3 * 2 ** -11, 0x3c02]
        ];
        for (const [v, bits] of cases) expect(float32ToFloat16Bits(v), String(v)).toBe(bits);
        expect(float32ToFloat16Bits(NaN) & 0x7c00).toBe(0x7c00);
    });
});

describe('Q8_0 encoding', () => {
    it('stores d = max|x|/127 as f16 and round(x/d) as int8 per 32-value block', () => {
        const values = Float32Array.from({ length: 64 }, (_, i) => (i < 32 ? (i - 16) / 16 : 0));
        const bytes = encodeTensorData(values, GgmlType.Q8_0);
        expect(bytes.length).toBe(2 * 34);
        const view = new DataView(bytes.buffer);
        expect(view.getUint16(0, true)).toBe(float32ToFloat16Bits(1 / 127));
        expect(view.getInt8(2)).toBe(-127); // -16/16 = -1 → -127
        expect(view.getInt8(2 + 16)).toBe(0);
        expect(view.getUint16(34, true)).toBe(0); // all-zero block: d = 0
    });
});

describe('GGUF writer and reader', () => {
    it('round-trips metadata of every type and tensor infos with aligned offsets', () => {
        const bytes = encodeGguf(
            [
                ['general.architecture', { type: 'string', value: 'llama' }],
                ['a.u8', { type: 'u8', value: 200 }],
                ['a.i64', { type: 'i64', value: -5n }],
                ['a.f32', { type: 'f32', value: 0.5 }],
                ['a.bool', { type: 'bool', value: true }],
                ['a.arr', { type: 'array', itemType: 'string', value: ['x', 'yé'] }]
            ],
            [
                { name: 't1', dims: [3], type: GgmlType.F32, data: encodeTensorData(new Float32Array(3), GgmlType.F32) },
                { name: 't2', dims: [32, 2], type: GgmlType.Q8_0, data: encodeTensorData(new Float32Array(64), GgmlType.Q8_0) }
            ]
        );
        const parsed = parseGgufHeader(bytes);
        if (parsed.kind !== 'ok') throw new Error(parsed.kind);
        const { header } = parsed;
        expect(header.version).toBe(3);
        expect(header.metadata.get('a.u8')).toEqual({ type: 'u8', value: 200 });
        expect(header.metadata.get('a.i64')).toEqual({ type: 'i64', value: -5n });
        expect(header.metadata.get('a.bool')).toEqual({ type: 'bool', value: true });
        expect(header.metadata.get('a.arr')).toEqual({ type: 'array', itemType: 'string', value: ['x', 'yé'] });
        expect(header.tensors.map((t) => [t.name, t.dims, t.type, t.offset])).toEqual([
            ['t1', [3], 0, 0n],
            ['t2', [32, 2], 8, 32n]
        ]);
        expect(header.dataOffset % 32).toBe(0);
        expect(bytes.length).toBe(header.dataOffset + 32 + 68 + 28 /* padding of t2 to 96 */);
    });

    it('answers need_more for every strict prefix of the header and rejects bad magic/version', () => {
        const bytes = buildTinyLlama({ layers: 1, embedding: 32, heads: 2, feedForward: 32 });
        const full = parseGgufHeader(bytes);
        if (full.kind !== 'ok') throw new Error(full.kind);
        for (const cut of [0, 3, 8, 23, 100, 2000, full.header.dataOffset - 40]) {
            expect(parseGgufHeader(bytes.subarray(0, cut)).kind, String(cut)).toBe('need_more');
        }
        const bad = bytes.slice(0, 64);
        bad[0] = 0x48;
        expect(parseGgufHeader(bad)).toMatchObject({ kind: 'error', code: 'gguf_magic' });
        const v9 = bytes.slice(0, 64);
        v9[4] = 9;
        expect(parseGgufHeader(v9)).toMatchObject({ kind: 'error', code: 'gguf_version' });
    });

    it('rejects a hostile array length instead of allocating it', () => {
        const bytes = encodeGguf([['k', { type: 'array', itemType: 'u8', value: [1] }]], []);
        const view = new DataView(bytes.buffer);
        // header 24 bytes, key string 8+1, value type 4, item type 4 → the u64 array length.
        view.setBigUint64(24 + 9 + 4 + 4, 1n << 40n, true);
        expect(parseGgufHeader(bytes)).toMatchObject({ kind: 'error', code: 'gguf_bounds' });
    });
});

describe('inspectGguf', () => {
    it('reports architecture, parameters, quantization, context, tensor types, size and sha256', async () => {
        const dir = await mkdtemp(join(tmpdir(), 'gguf-'));
        const path = join(dir, 'tiny.gguf');
        const bytes = buildTinyLlama({ weightType: 'Q8_0', contextLength: 256 });
        await writeFile(path, bytes);
        const s = await inspectGguf(path);
        expect(s).toMatchObject({
            architecture: 'llama',
            quantization: 'MOSTLY_Q8_0',
            contextLength: 256,
            embeddingLength: 64,
            blockCount: 2,
            headCount: 4,
            vocabSize: 260,
            tokenizer: 'llama',
            tensorCount: 21,
            fileBytes: bytes.length,
            sha256: createHash('sha256').update(bytes).digest('hex')
        });
        // 2 layers × (4·64² + 3·64·128 + 2·64) + 2·260·64 + 64 weights.
        expect(s.parameters).toBe(2 * (4 * 64 * 64 + 3 * 64 * 128 + 2 * 64) + 2 * 260 * 64 + 64);
        expect(s.tensorTypes).toEqual({ Q8_0: { tensors: 16, bytes: expect.any(Number) }, F32: { tensors: 5, bytes: 5 * 64 * 4 } });
    });

    it('fails with a coded error on a truncated file', async () => {
        const dir = await mkdtemp(join(tmpdir(), 'gguf-'));
        const path = join(dir, 'cut.gguf');
        const bytes = buildTinyLlama({});
        await writeFile(path, bytes.subarray(0, bytes.length - 100));
        await expect(inspectGguf(path)).rejects.toMatchObject({ code: 'gguf_truncated' });
        await writeFile(path, bytes.subarray(0, 500));
        await expect(inspectGguf(path)).rejects.toBeInstanceOf(GgufInspectError);
    });

    it('builds the same bytes for the same seed and different bytes for another seed', () => {
        const a = buildTinyLlama({ weights: { kind: 'random', seed: 7 } });
        const same = (b: Uint8Array): boolean => Buffer.from(b).equals(Buffer.from(a));
        expect(same(buildTinyLlama({ weights: { kind: 'random', seed: 7 } }))).toBe(true);
        expect(same(buildTinyLlama({ weights: { kind: 'random', seed: 8 } }))).toBe(false);
    });
});

describe('gguf CLI', () => {
    it('write-tiny then inspect --json reports the written file', async () => {
        const { runGgufCli } = await import('../../../src/cli/gguf/gguf-cli');
        const dir = await mkdtemp(join(tmpdir(), 'gguf-cli-'));
        const path = join(dir, 'cli.gguf');
        const lines: string[] = [];
        expect(await runGgufCli(['write-tiny', path, '--type', 'f16', '--fixed', '--layers', '1'], (l) => lines.push(l))).toBe(0);
        expect(await runGgufCli(['inspect', path, '--json'], (l) => lines.push(l))).toBe(0);
        expect(JSON.parse(lines[1])).toMatchObject({ quantization: 'MOSTLY_F16', blockCount: 1, tensorTypes: { F16: { tensors: 9 } } });
        expect(await runGgufCli(['inspect', path], (l) => lines.push(l))).toBe(0);
        expect(lines[2]).toMatch(/architecture:\s+llama/);
        expect(await runGgufCli(['bogus'], (l) => lines.push(l))).toBe(2);
        await expect(runGgufCli(['write-tiny', path, '--type', 'Q4_0'], () => {})).rejects.toThrow('--type');
    });
});

describe('GGUF files read by an independent parser', () => {
    it("node-llama-cpp's readGgufFileInfo sees the same metadata and tensors as our reader", async () => {
        const { readGgufFileInfo } = await import('node-llama-cpp');
        const dir = await mkdtemp(join(tmpdir(), 'gguf-x-'));
        const path = join(dir, 'x.gguf');
        await writeFile(path, buildTinyLlama({ weightType: 'Q8_0', layers: 3 }));
        const theirs = await readGgufFileInfo(path, { logWarnings: false });
        const ours = await inspectGguf(path);
        expect(theirs.version).toBe(3);
        expect(theirs.metadata.general.architecture).toBe('llama');
        expect((theirs.metadata as any).llama.block_count).toBe(3);
        expect(theirs.tensorInfo?.length).toBe(ours.tensorCount);
        expect(theirs.tensorInfo?.find((t) => t.name === 'blk.2.ffn_down.weight')?.dimensions.map(Number)).toEqual([128, 64]);
        expect(theirs.metadata.tokenizer.ggml.tokens.length).toBe(ours.vocabSize);
    });
});
