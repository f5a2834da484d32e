import { GGML_TYPES, LLAMA_FILE_TYPES } from './gguf.constants';
import { ggmlTensorBytes } from './gguf-writer';
import type { GgufHeader, GgufValue } from './gguf.types';

/** What `deai gguf inspect` reports, and what a registry model variant records. */
export interface GgufSummary {
    name: string | null;
    architecture: string | null;
    /** Total number of weights (sum of tensor element counts). */
    parameters: number;
    /** `general.file_type` name, else the most common weight type by bytes. */
    quantization: string;
    contextLength: number | null;
    embeddingLength: number | null;
    blockCount: number | null;
    headCount: number | null;
    vocabSize: number | null;
    tokenizer: string | null;
    hasChatTemplate: boolean;
    /** ggml type name → number of tensors and bytes. */
    tensorTypes: Record<string, { tensors: number; bytes: number }>;
    tensorCount: number;
    fileBytes: number;
    sha256: string;
    ggufVersion: number;
}

const num = (v: GgufValue | undefined): number | null =>
    v === undefined ? null : typeof v.value === 'number' ? v.value : typeof v.value === 'bigint' ? Number(v.value) : null;
const str = (v: GgufValue | undefined): string | null => (v?.type === 'string' ? v.value : null);

/** Pure: header + file facts → summary. Architecture-specific keys are `<arch>.<key>` (gguf.md "LLM"). */
export function summarizeGguf(header: GgufHeader, fileBytes: number, sha256: string): GgufSummary {
    const m = header.metadata;
    const arch = str(m.get('general.architecture'));
    const archKey = (k: string): GgufValue | undefined => (arch ? m.get(`${arch}.${k}`) : undefined);
    const tensorTypes: GgufSummary['tensorTypes'] = {};
    let parameters = 0;
    for (const t of header.tensors) {
        const typeName = GGML_TYPES[t.type].name;
        const entry = (tensorTypes[typeName] ??= { tensors: 0, bytes: 0 });
        entry.tensors++;
        entry.bytes += ggmlTensorBytes(t.dims, t.type);
        parameters += t.dims.reduce((a, b) => a * b, 1);
    }
    const fileType = num(m.get('general.file_type'));
    const dominant = Object.entries(tensorTypes).sort((a, b) => b[1].bytes - a[1].bytes)[0]?.[0] ?? 'unknown';
    const tokens = m.get('tokenizer.ggml.tokens');
    return {
        name: str(m.get('general.name')),
        architecture: arch,
        parameters,
        quantization: (fileType !== null ? LLAMA_FILE_TYPES[fileType] : undefined) ?? dominant,
        contextLength: num(archKey('context_length')),
        embeddingLength: num(archKey('embedding_length')),
        blockCount: num(archKey('block_count')),
        headCount: num(archKey('attention.head_count')),
        vocabSize: num(archKey('vocab_size')) ?? (tokens?.type === 'array' ? tokens.value.length : null),
        tokenizer: str(m.get('tokenizer.ggml.model')),
        hasChatTemplate: m.has('tokenizer.chat_template'),
        tensorTypes,
        tensorCount: header.tensors.length,
        fileBytes,
        sha256,
        ggufVersion: header.version
    };
}
