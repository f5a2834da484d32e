import type { GgufValue } from './gguf.types';

/**
 * A SentencePiece-style ("llama") vocabulary made only of control tokens, the space piece and the 256 byte-fallback tokens
 * `<0x00>`..`<0xFF>`: llama.cpp's SPM tokenizer falls back to these for every character it has no piece for,
 * so any UTF-8 text tokenizes (one token per byte) and every generated token detokenizes to bytes.
 */

/** llama.cpp `enum llama_token_type` (llama-vocab.h). */
const TokenType = { NORMAL: 1, UNKNOWN: 2, CONTROL: 3, BYTE: 6 } as const;

export const BYTE_VOCAB_SPECIALS = ['<unk>', '<s>', '</s>'] as const;
/** SPM's escaped space; as a NORMAL piece it detokenizes back to " " (byte pieces would give "▁" literally). */
const SPACE_PIECE = '\u2581';
export const BYTE_VOCAB_SIZE = BYTE_VOCAB_SPECIALS.length + 1 + 256;

export function byteVocabMetadata(): Array<[string, GgufValue]> {
    const tokens: string[] = [...BYTE_VOCAB_SPECIALS, SPACE_PIECE];
    const types: number[] = [TokenType.UNKNOWN, TokenType.CONTROL, TokenType.CONTROL, TokenType.NORMAL];
    for (let b = 0; b < 256; b++) {
        tokens.push(`<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`);
        types.push(TokenType.BYTE);
    }
    return [
        ['tokenizer.ggml.model', { type: 'string', value: 'llama' }],
        ['tokenizer.ggml.tokens', { type: 'array', itemType: 'string', value: tokens }],
        ['tokenizer.ggml.scores', { type: 'array', itemType: 'f32', value: tokens.map(() => 0) }],
        ['tokenizer.ggml.token_type', { type: 'array', itemType: 'i32', value: types }],
        ['tokenizer.ggml.unknown_token_id', { type: 'u32', value: 0 }],
        ['tokenizer.ggml.bos_token_id', { type: 'u32', value: 1 }],
        ['tokenizer.ggml.eos_token_id', { type: 'u32', value: 2 }],
        ['tokenizer.ggml.add_bos_token', { type: 'bool', value: true }],
        ['tokenizer.ggml.add_eos_token', { type: 'bool', value: false }],
        // No leading "▁" is prepended, so detokenize(tokenize(text)) === text.
        ['tokenizer.ggml.add_space_prefix', { type: 'bool', value: false }]
    ];
}
