import { ByteWriter } from './byte-writer';
import { GGML_TYPES, GGUF_DEFAULT_ALIGNMENT, GGUF_MAGIC, GGUF_VERSION, GgufValueType } from './gguf.constants';
import type { GgufScalarType, GgufTensorInput, GgufValue } from './gguf.types';

const TYPE_IDS: Record<GgufValue['type'], number> = {
    u8: GgufValueType.UINT8,
    i8: GgufValueType.INT8,
    u16: GgufValueType.UINT16,
    i16: GgufValueType.INT16,
    u32: GgufValueType.UINT32,
    i32: GgufValueType.INT32,
    f32: GgufValueType.FLOAT32,
    bool: GgufValueType.BOOL,
    string: GgufValueType.STRING,
    array: GgufValueType.ARRAY,
    u64: GgufValueType.UINT64,
    i64: GgufValueType.INT64,
    f64: GgufValueType.FLOAT64
};

/** Bytes a tensor of `dims` takes in ggml type `type`; throws if dims[0] is not a whole number of blocks. */
export function ggmlTensorBytes(dims: readonly number[], type: number): number {
    const info = GGML_TYPES[type];
    if (!info) throw new Error(`unknown ggml type ${type}`);
    if (dims[0] % info.blockSize !== 0) throw new Error(`dims[0]=${dims[0]} is not a multiple of ${info.name}'s block size ${info.blockSize}`);
    const elements = dims.reduce((a, b) => a * b, 1);
    return (elements / info.blockSize) * info.typeSize;
}

function writeScalar(w: ByteWriter, type: GgufScalarType, v: number | bigint | boolean | string): void {
    switch (type) {
        case 'u8': return w.u8(v as number);
        case 'i8': return w.i8(v as number);
        case 'u16': return w.u16(v as number);
        case 'i16': return w.i16(v as number);
        case 'u32': return w.u32(v as number);
        case 'i32': return w.i32(v as number);
        case 'f32': return w.f32(v as number);
        case 'f64': return w.f64(v as number);
        case 'u64': return w.u64(v as bigint);
        case 'i64': return w.i64(v as bigint);
        case 'bool': return w.u8(v ? 1 : 0);
        case 'string': return w.string(v as string);
    }
}

/**
 * Encodes a complete GGUF v3 file (gguf.md "File Structure"). `general.alignment`, when present in
 * `metadata`, must be a u32 and is honoured; otherwise 32 is used.
 */
export function encodeGguf(metadata: ReadonlyArray<readonly [string, GgufValue]>, tensors: readonly GgufTensorInput[]): Uint8Array {
    const alignEntry = metadata.find(([k]) => k === 'general.alignment')?.[1];
    const alignment = alignEntry && alignEntry.type === 'u32' ? alignEntry.value : GGUF_DEFAULT_ALIGNMENT;
    const w = new ByteWriter();
    // 1. Header.
    w.bytes(GGUF_MAGIC);
    w.u32(GGUF_VERSION);
    w.u64(BigInt(tensors.length));
    w.u64(BigInt(metadata.length));
    // 2. Metadata key/values.
    for (const [key, value] of metadata) {
        w.string(key);
        w.u32(TYPE_IDS[value.type]);
        if (value.type === 'array') {
            w.u32(TYPE_IDS[value.itemType]);
            w.u64(BigInt(value.value.length));
            for (const item of value.value) writeScalar(w, value.itemType, item);
        } else {
            writeScalar(w, value.type, value.value);
        }
    }
    // 3. Tensor infos, with offsets aligned within the data section.
    let offset = 0;
    const offsets: number[] = [];
    for (const t of tensors) {
        const expected = ggmlTensorBytes(t.dims, t.type);
        if (t.data.length !== expected) throw new Error(`tensor ${t.name}: ${t.data.length} bytes given, ${expected} expected`);
        offsets.push(offset);
        w.string(t.name);
        w.u32(t.dims.length);
        for (const d of t.dims) w.u64(BigInt(d));
        w.u32(t.type);
        w.u64(BigInt(offset));
        offset += Math.ceil(t.data.length / alignment) * alignment;
    }
    // 4. Padding, then tensor data, each tensor padded to the alignment.
    w.padTo(alignment);
    for (const t of tensors) {
        w.bytes(t.data);
        w.padTo(alignment);
    }
    return w.finish();
}
