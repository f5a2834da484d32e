import { byteVocabMetadata, BYTE_VOCAB_SIZE } from './byte-vocab';
import { GgmlType } from './gguf.constants';
import { encodeTensorData } from './gguf-quant';
import { encodeGguf } from './gguf-writer';
import type { GgufTensorInput, GgufValue } from './gguf.types';

/**
 * Generates a small but valid llama-architecture GGUF model for tests, so real llama.cpp inference runs
 * without downloading weights. Metadata keys are those llama.cpp's loader reads for LLM_ARCH_LLAMA
 * (llama-arch.cpp `LLM_KV_*`, llama-model.cpp `load_hparams`); tensor names and shapes follow
 * `LLM_TENSOR_NAMES` for llama (ggml order: dims[0] is the input dimension).
 */
export interface TinyLlamaOptions {
    /** Quantization of the 2-D weight matrices; norms stay F32 as llama.cpp expects. */
    weightType?: 'F32' | 'F16' | 'Q8_0';
    layers?: number;
    /** Hidden size; a multiple of 32 (Q8_0 block) and of `heads`. */
    embedding?: number;
    heads?: number;
    kvHeads?: number;
    feedForward?: number;
    contextLength?: number;
    /** 'random' = seeded normal-ish weights (scale 0.5/sqrt(embedding)); 'fixed' = a deterministic sine pattern. */
    weights?: { kind: 'random'; seed: number } | { kind: 'fixed' };
    name?: string;
    /** Optional Jinja chat template stored as `tokenizer.chat_template`. */
    chatTemplate?: string;
}

export interface TinyLlamaResolved extends Required<Omit<TinyLlamaOptions, 'chatTemplate'>> {
    chatTemplate?: string;
}

/** llama_ftype of a file whose matrices are all of one type. */
const FILE_TYPE = { F32: 0, F16: 1, Q8_0: 7 } as const;

export function resolveTinyLlama(options: TinyLlamaOptions = {}): TinyLlamaResolved {
    const r: TinyLlamaResolved = {
        weightType: options.weightType ?? 'F32',
        layers: options.layers ?? 2,
        embedding: options.embedding ?? 64,
        heads: options.heads ?? 4,
        kvHeads: options.kvHeads ?? options.heads ?? 4,
        feedForward: options.feedForward ?? 128,
        contextLength: options.contextLength ?? 512,
        weights: options.weights ?? { kind: 'random', seed: 1 },
        name: options.name ?? 'deai-tiny-llama',
        chatTemplate: options.chatTemplate
    };
    const bounded = (v: number, lo: number, hi: number): boolean => Number.isInteger(v) && v >= lo && v <= hi;
    if (!bounded(r.layers, 1, 64)) throw new Error('layers must be an integer in 1..64');
    if (!bounded(r.embedding, 32, 4096) || r.embedding % 32 !== 0) throw new Error('embedding must be a multiple of 32 in 32..4096');
    if (!bounded(r.heads, 1, 64) || r.embedding % r.heads !== 0) throw new Error('heads must divide embedding');
    if (!bounded(r.kvHeads, 1, r.heads) || r.heads % r.kvHeads !== 0) throw new Error('kvHeads must divide heads');
    if (!bounded(r.feedForward, 32, 16384) || r.feedForward % 32 !== 0) throw new Error('feedForward must be a multiple of 32 in 32..16384');
    if (!bounded(r.contextLength, 16, 131072)) throw new Error('contextLength must be in 16..131072');
    return r;
}

/** mulberry32: a tiny seeded PRNG so the same seed gives the same file bytes everywhere. */
function prng(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

export function buildTinyLlama(options: TinyLlamaOptions = {}): Uint8Array {
    const o = resolveTinyLlama(options);
    const headDim = o.embedding / o.heads;
    const kvDim = headDim * o.kvHeads;
    const rand = o.weights.kind === 'random' ? prng(o.weights.seed) : null;
    const scale = 0.5 / Math.sqrt(o.embedding);
    let fixedIndex = 0;
    const values = (n: number): Float32Array => {
        const v = new Float32Array(n);
        for (let i = 0; i < n; i++) {
            // Sum of 3 uniforms ≈ normal; the fixed pattern is a sine of a running index.
            v[i] = rand ? (rand() + rand() + rand() - 1.5) * 2 * scale : Math.sin(++fixedIndex * 0.7137) * scale;
        }
        return v;
    };
    const matrixType = GgmlType[o.weightType];
    const matrix = (name: string, inDim: number, outDim: number): GgufTensorInput => ({
        name,
        dims: [inDim, outDim],
        type: matrixType,
        data: encodeTensorData(values(inDim * outDim), matrixType)
    });
    const norm = (name: string): GgufTensorInput => ({
        name,
        dims: [o.embedding],
        type: GgmlType.F32,
        data: encodeTensorData(new Float32Array(o.embedding).fill(1), GgmlType.F32)
    });
    const tensors: GgufTensorInput[] = [matrix('token_embd.weight', o.embedding, BYTE_VOCAB_SIZE)];
    for (let l = 0; l < o.layers; l++) {
        tensors.push(
            norm(`blk.${l}.attn_norm.weight`),
            matrix(`blk.${l}.attn_q.weight`, o.embedding, o.embedding),
            matrix(`blk.${l}.attn_k.weight`, o.embedding, kvDim),
            matrix(`blk.${l}.attn_v.weight`, o.embedding, kvDim),
            matrix(`blk.${l}.attn_output.weight`, o.embedding, o.embedding),
            norm(`blk.${l}.ffn_norm.weight`),
            matrix(`blk.${l}.ffn_gate.weight`, o.embedding, o.feedForward),
            matrix(`blk.${l}.ffn_down.weight`, o.feedForward, o.embedding),
            matrix(`blk.${l}.ffn_up.weight`, o.embedding, o.feedForward)
        );
    }
    tensors.push(norm('output_norm.weight'), matrix('output.weight', o.embedding, BYTE_VOCAB_SIZE));

    const u32 = (value: number): GgufValue => ({ type: 'u32', value });
    const metadata: Array<[string, GgufValue]> = [
        ['general.architecture', { type: 'string', value: 'llama' }],
        ['general.name', { type: 'string', value: o.name }],
        ['general.file_type', u32(FILE_TYPE[o.weightType])],
        ['general.quantization_version', u32(2)],
        ['general.alignment', u32(32)],
        ['llama.context_length', u32(o.contextLength)],
        ['llama.embedding_length', u32(o.embedding)],
        ['llama.block_count', u32(o.layers)],
        ['llama.feed_forward_length', u32(o.feedForward)],
        ['llama.rope.dimension_count', u32(headDim)],
        ['llama.rope.freq_base', { type: 'f32', value: 10000 }],
        ['llama.attention.head_count', u32(o.heads)],
        ['llama.attention.head_count_kv', u32(o.kvHeads)],
        ['llama.attention.layer_norm_rms_epsilon', { type: 'f32', value: 1e-5 }],
        ['llama.vocab_size', u32(BYTE_VOCAB_SIZE)],
        ...byteVocabMetadata()
    ];
    if (o.chatTemplate !== undefined) metadata.push(['tokenizer.chat_template', { type: 'string', value: o.chatTemplate }]);
    return encodeGguf(metadata, tensors);
}
