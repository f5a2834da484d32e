export * from './gguf.constants';
export type * from './gguf.types';
export { encodeGguf, ggmlTensorBytes } from './gguf-writer';
export { parseGgufHeader, type GgufParseResult } from './gguf-reader';
export { encodeTensorData, float32ToFloat16Bits } from './gguf-quant';
export { buildTinyLlama, resolveTinyLlama, type TinyLlamaOptions } from './tiny-llama';
export { byteVocabMetadata, BYTE_VOCAB_SIZE } from './byte-vocab';
export { summarizeGguf, type GgufSummary } from './gguf-summary';
export { inspectGguf, readGgufHeader, sha256File, GgufInspectError } from './gguf-inspect';
