/** A metadata value with its GGUF type (the writer needs the type; the reader reports it). */
export type GgufValue =
    | { type: 'u8' | 'i8' | 'u16' | 'i16' | 'u32' | 'i32' | 'f32' | 'f64'; value: number }
    | { type: 'u64' | 'i64'; value: bigint }
    | { type: 'bool'; value: boolean }
    | { type: 'string'; value: string }
    | { type: 'array'; itemType: GgufScalarType; value: readonly (number | bigint | boolean | string)[] };
export type GgufScalarType = Exclude<GgufValue['type'], 'array'>;

export interface GgufTensorInfo {
    name: string;
    /** ggml order: dims[0] is the fastest-varying (row length). */
    dims: number[];
    /** ggml_type id. */
    type: number;
    /** Byte offset relative to the start of the tensor data section. */
    offset: bigint;
}

export interface GgufHeader {
    version: number;
    metadata: Map<string, GgufValue>;
    tensors: GgufTensorInfo[];
    alignment: number;
    /** Absolute file offset of the tensor data section. */
    dataOffset: number;
}

/** A tensor to write: data is already encoded in `type`. */
export interface GgufTensorInput {
    name: string;
    dims: number[];
    type: number;
    data: Uint8Array;
}
