/**
 * Encoders from float32 values to ggml tensor bytes (F32, F16, Q8_0), matching ggml's reference
 * quantizers (`ggml-quants.c` `quantize_row_q8_0_ref`: d = max|x| / 127, q = round(x / d)).
 */
import { GGML_TYPES, GgmlType } from './gguf.constants';

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** IEEE 754 binary32 → binary16 bits, round-to-nearest-even, with subnormals, infinities and NaN. */
export function float32ToFloat16Bits(value: number): number {
    f32[0] = value;
    const x = u32[0];
    const sign = (x >>> 16) & 0x8000;
    const exp = (x >>> 23) & 0xff;
    let mant = x & 0x7fffff;
    if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
    let e = exp - 127 + 15;
    if (e >= 0x1f) return sign | 0x7c00;
    if (e <= 0) {
        if (e < -10) return sign;
        mant |= 0x800000;
        const shift = 14 - e;
        const half = 1 << (shift - 1);
        let r = mant >>> shift;
        const rem = mant & ((1 << shift) - 1);
        if (rem > half || (rem === half && (r & 1))) r++;
        return sign | r;
    }
    let r = mant >>> 13;
    const rem = mant & 0x1fff;
    if (rem > 0x1000 || (rem === 0x1000 && (r & 1))) {
        r++;
        if (r === 0x400) {
            r = 0;
            e++;
            if (e >= 0x1f) return sign | 0x7c00;
        }
    }
    return sign | (e << 10) | r;
}

/** Encodes `values` as ggml type `type` (F32, F16 or Q8_0). */
export function encodeTensorData(values: Float32Array, type: number): Uint8Array {
    if (type === GgmlType.F32) return new Uint8Array(values.slice().buffer);
    if (type === GgmlType.F16) {
        const out = new Uint8Array(values.length * 2);
        const view = new DataView(out.buffer);
        for (let i = 0; i < values.length; i++) view.setUint16(i * 2, float32ToFloat16Bits(values[i]), true);
        return out;
    }
    if (type === GgmlType.Q8_0) return quantizeQ8_0(values);
    throw new Error(`encoding to ggml type ${GGML_TYPES[type]?.name ?? type} is not supported (F32, F16, Q8_0)`);
}

/** block_q8_0 = { ggml_half d; int8_t qs[32]; } = 34 bytes per 32 values. */
function quantizeQ8_0(values: Float32Array): Uint8Array {
    const { blockSize, typeSize } = GGML_TYPES[GgmlType.Q8_0];
    if (values.length % blockSize !== 0) throw new Error(`Q8_0 needs a multiple of ${blockSize} values`);
    const blocks = values.length / blockSize;
    const out = new Uint8Array(blocks * typeSize);
    const view = new DataView(out.buffer);
    for (let b = 0; b < blocks; b++) {
        let amax = 0;
        for (let j = 0; j < blockSize; j++) amax = Math.max(amax, Math.abs(values[b * blockSize + j]));
        const d = amax / 127;
        const id = d ? 1 / d : 0;
        view.setUint16(b * typeSize, float32ToFloat16Bits(d), true);
        for (let j = 0; j < blockSize; j++) view.setInt8(b * typeSize + 2 + j, Math.round(values[b * blockSize + j] * id));
    }
    return out;
}
