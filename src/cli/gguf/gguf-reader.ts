import {
    GGML_TYPES,
    GGUF_DEFAULT_ALIGNMENT,
    GGUF_MAGIC,
    GgufValueType,
    MAX_GGML_DIMS,
    MAX_GGUF_ARRAY_LENGTH,
    MAX_GGUF_METADATA_ENTRIES,
    MAX_GGUF_STRING_BYTES,
    MAX_GGUF_TENSORS
} from './gguf.constants';
import type { GgufHeader, GgufScalarType, GgufTensorInfo, GgufValue } from './gguf.types';

/**
 * Pure GGUF header parser over a prefix of the file (gguf.md "File Structure"). When the prefix ends inside the
 * header it answers `need_more`, so the caller can read a longer prefix; it never reads tensor data.
 */
export type GgufParseResult =
    | { kind: 'ok'; header: GgufHeader }
    | { kind: 'need_more' }
    | { kind: 'error'; code: 'gguf_magic' | 'gguf_version' | 'gguf_bounds' | 'gguf_type' | 'gguf_utf8'; message: string };

class NeedMore {}
class Invalid {
    constructor(
        readonly code: 'gguf_magic' | 'gguf_version' | 'gguf_bounds' | 'gguf_type' | 'gguf_utf8',
        readonly message: string
    ) {}
}

const SCALARS: Record<number, GgufScalarType> = {
    [GgufValueType.UINT8]: 'u8',
    [GgufValueType.INT8]: 'i8',
    [GgufValueType.UINT16]: 'u16',
    [GgufValueType.INT16]: 'i16',
    [GgufValueType.UINT32]: 'u32',
    [GgufValueType.INT32]: 'i32',
    [GgufValueType.FLOAT32]: 'f32',
    [GgufValueType.BOOL]: 'bool',
    [GgufValueType.STRING]: 'string',
    [GgufValueType.UINT64]: 'u64',
    [GgufValueType.INT64]: 'i64',
    [GgufValueType.FLOAT64]: 'f64'
};

class Cursor {
    pos = 0;
    private readonly view: DataView;
    private readonly decoder = new TextDecoder('utf-8', { fatal: true });
    constructor(private readonly bytes: Uint8Array) {
        this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
    private take(n: number): number {
        if (this.pos + n > this.bytes.length) throw new NeedMore();
        const at = this.pos;
        this.pos += n;
        return at;
    }
    u8 = (): number => this.view.getUint8(this.take(1));
    u32 = (): number => this.view.getUint32(this.take(4), true);
    u64 = (): bigint => this.view.getBigUint64(this.take(8), true);
    /** A u64 count that must fit `max`. */
    count(max: number, what: string): number {
        const n = this.u64();
        if (n > BigInt(max)) throw new Invalid('gguf_bounds', `${what} ${n} exceeds the limit ${max}`);
        return Number(n);
    }
    string(): string {
        const n = this.count(MAX_GGUF_STRING_BYTES, 'string length');
        const at = this.take(n);
        try {
            return this.decoder.decode(this.bytes.subarray(at, at + n));
        } catch {
            throw new Invalid('gguf_utf8', `invalid UTF-8 string at offset ${at}`);
        }
    }
    scalar(type: GgufScalarType): number | bigint | boolean | string {
        switch (type) {
            case 'u8': return this.u8();
            case 'i8': return this.view.getInt8(this.take(1));
            case 'u16': return this.view.getUint16(this.take(2), true);
            case 'i16': return this.view.getInt16(this.take(2), true);
            case 'u32': return this.u32();
            case 'i32': return this.view.getInt32(this.take(4), true);
            case 'f32': return this.view.getFloat32(this.take(4), true);
            case 'f64': return this.view.getFloat64(this.take(8), true);
            case 'u64': return this.u64();
            case 'i64': return this.view.getBigInt64(this.take(8), true);
            case 'bool': return this.u8() !== 0;
            case 'string': return this.string();
        }
    }
}

function readValue(c: Cursor, typeId: number): GgufValue {
    if (typeId === GgufValueType.ARRAY) {
        const itemType = SCALARS[c.u32()];
        if (!itemType) throw new Invalid('gguf_type', 'array of unsupported element type (nested arrays are not supported)');
        const n = c.count(MAX_GGUF_ARRAY_LENGTH, 'array length');
        const value: (number | bigint | boolean | string)[] = new Array(n);
        for (let i = 0; i < n; i++) value[i] = c.scalar(itemType);
        return { type: 'array', itemType, value };
    }
    const type = SCALARS[typeId];
    if (!type) throw new Invalid('gguf_type', `unknown metadata value type ${typeId}`);
    return { type, value: c.scalar(type) } as GgufValue;
}

export function parseGgufHeader(bytes: Uint8Array): GgufParseResult {
    const c = new Cursor(bytes);
    try {
        // 1. Magic and version (v2 and v3 share this layout; v1 used 32-bit counts).
        for (let i = 0; i < 4; i++) if (c.u8() !== GGUF_MAGIC[i]) return { kind: 'error', code: 'gguf_magic', message: 'not a GGUF file (bad magic)' };
        const version = c.u32();
        if (version !== 2 && version !== 3) return { kind: 'error', code: 'gguf_version', message: `unsupported GGUF version ${version}` };
        const tensorCount = c.count(MAX_GGUF_TENSORS, 'tensor count');
        const kvCount = c.count(MAX_GGUF_METADATA_ENTRIES, 'metadata count');
        // 2. Metadata.
        const metadata = new Map<string, GgufValue>();
        for (let i = 0; i < kvCount; i++) {
            const key = c.string();
            metadata.set(key, readValue(c, c.u32()));
        }
        // 3. Tensor infos.
        const tensors: GgufTensorInfo[] = [];
        for (let i = 0; i < tensorCount; i++) {
            const name = c.string();
            const nDims = c.u32();
            if (nDims < 1 || nDims > MAX_GGML_DIMS) throw new Invalid('gguf_bounds', `tensor ${name} has ${nDims} dimensions`);
            const dims: number[] = [];
            for (let d = 0; d < nDims; d++) dims.push(Number(c.u64()));
            const type = c.u32();
            if (!GGML_TYPES[type]) throw new Invalid('gguf_type', `tensor ${name} has unknown ggml type ${type}`);
            tensors.push({ name, dims, type, offset: c.u64() });
        }
        // 4. Data starts at the next multiple of general.alignment.
        const a = metadata.get('general.alignment');
        const alignment = a && a.type === 'u32' && a.value > 0 ? a.value : GGUF_DEFAULT_ALIGNMENT;
        const dataOffset = Math.ceil(c.pos / alignment) * alignment;
        return { kind: 'ok', header: { version, metadata, tensors, alignment, dataOffset } };
    } catch (e) {
        if (e instanceof NeedMore) return { kind: 'need_more' };
        if (e instanceof Invalid) return { kind: 'error', code: e.code, message: e.message };
        throw e;
    }
}
