/**
 * GGUF v3 format constants (ggml `docs/gguf.md`, "File Structure"), and reader limits with units.
 * A GGUF file is: header (magic, version, tensor count, metadata count) → metadata key/values → tensor infos →
 * padding to `general.alignment` → tensor data (each tensor's offset is relative to the data start and aligned).
 */

/** "GGUF" as bytes; read as a little-endian uint32 this is 0x46554747. */
export const GGUF_MAGIC = new Uint8Array([0x47, 0x47, 0x55, 0x46]);
export const GGUF_VERSION = 3;
/** Default when `general.alignment` is absent (gguf.md: "If not specified, it is assumed to be 32"). */
export const GGUF_DEFAULT_ALIGNMENT = 32;

/** gguf.md `enum gguf_metadata_value_type`. */
export const GgufValueType = {
    UINT8: 0,
    INT8: 1,
    UINT16: 2,
    INT16: 3,
    UINT32: 4,
    INT32: 5,
    FLOAT32: 6,
    BOOL: 7,
    STRING: 8,
    ARRAY: 9,
    UINT64: 10,
    INT64: 11,
    FLOAT64: 12
} as const;
export type GgufValueType = (typeof GgufValueType)[keyof typeof GgufValueType];

/** ggml `enum ggml_type` id → name, elements per block, bytes per block (ggml.c `type_traits`). */
export interface GgmlTypeInfo {
    readonly name: string;
    readonly blockSize: number;
    readonly typeSize: number;
}
export const GGML_TYPES: Readonly<Record<number, GgmlTypeInfo>> = {
    0: { name: 'F32', blockSize: 1, typeSize: 4 },
    1: { name: 'F16', blockSize: 1, typeSize: 2 },
    2: { name: 'Q4_0', blockSize: 32, typeSize: 18 },
    3: { name: 'Q4_1', blockSize: 32, typeSize: 20 },
    6: { name: 'Q5_0', blockSize: 32, typeSize: 22 },
    7: { name: 'Q5_1', blockSize: 32, typeSize: 24 },
    8: { name: 'Q8_0', blockSize: 32, typeSize: 34 },
    9: { name: 'Q8_1', blockSize: 32, typeSize: 36 },
    10: { name: 'Q2_K', blockSize: 256, typeSize: 84 },
    11: { name: 'Q3_K', blockSize: 256, typeSize: 110 },
    12: { name: 'Q4_K', blockSize: 256, typeSize: 144 },
    13: { name: 'Q5_K', blockSize: 256, typeSize: 176 },
    14: { name: 'Q6_K', blockSize: 256, typeSize: 210 },
    15: { name: 'Q8_K', blockSize: 256, typeSize: 292 },
    16: { name: 'IQ2_XXS', blockSize: 256, typeSize: 66 },
    17: { name: 'IQ2_XS', blockSize: 256, typeSize: 74 },
    18: { name: 'IQ3_XXS', blockSize: 256, typeSize: 98 },
    19: { name: 'IQ1_S', blockSize: 256, typeSize: 50 },
    20: { name: 'IQ4_NL', blockSize: 32, typeSize: 18 },
    21: { name: 'IQ3_S', blockSize: 256, typeSize: 110 },
    22: { name: 'IQ2_S', blockSize: 256, typeSize: 82 },
    23: { name: 'IQ4_XS', blockSize: 256, typeSize: 136 },
    24: { name: 'I8', blockSize: 1, typeSize: 1 },
    25: { name: 'I16', blockSize: 1, typeSize: 2 },
    26: { name: 'I32', blockSize: 1, typeSize: 4 },
    27: { name: 'I64', blockSize: 1, typeSize: 8 },
    28: { name: 'F64', blockSize: 1, typeSize: 8 },
    29: { name: 'IQ1_M', blockSize: 256, typeSize: 56 },
    30: { name: 'BF16', blockSize: 1, typeSize: 2 },
    34: { name: 'TQ1_0', blockSize: 256, typeSize: 54 },
    35: { name: 'TQ2_0', blockSize: 256, typeSize: 66 },
    39: { name: 'MXFP4', blockSize: 32, typeSize: 17 }
};
export const GgmlType = { F32: 0, F16: 1, Q8_0: 8 } as const;

/** llama.cpp `enum llama_ftype` (`general.file_type`) → name, for the types the inspector reports. */
export const LLAMA_FILE_TYPES: Readonly<Record<number, string>> = {
    0: 'ALL_F32',
    1: 'MOSTLY_F16',
    2: 'MOSTLY_Q4_0',
    3: 'MOSTLY_Q4_1',
    7: 'MOSTLY_Q8_0',
    8: 'MOSTLY_Q5_0',
    9: 'MOSTLY_Q5_1',
    10: 'MOSTLY_Q2_K',
    11: 'MOSTLY_Q3_K_S',
    12: 'MOSTLY_Q3_K_M',
    13: 'MOSTLY_Q3_K_L',
    14: 'MOSTLY_Q4_K_S',
    15: 'MOSTLY_Q4_K_M',
    16: 'MOSTLY_Q5_K_S',
    17: 'MOSTLY_Q5_K_M',
    18: 'MOSTLY_Q6_K',
    32: 'MOSTLY_BF16'
};

/** Reader bounds: a hostile header cannot make the inspector allocate without limit. */
export const MAX_GGUF_HEADER_BYTES = 512 * 1024 * 1024; // 512 MiB (large vocabularies are ~10 MiB)
export const MAX_GGUF_STRING_BYTES = 64 * 1024 * 1024; // 64 MiB (chat templates, merges entries)
export const MAX_GGUF_ARRAY_LENGTH = 16 * 1024 * 1024; // elements
export const MAX_GGUF_METADATA_ENTRIES = 65_536;
export const MAX_GGUF_TENSORS = 1_000_000;
export const MAX_GGML_DIMS = 4; // GGML_MAX_DIMS
