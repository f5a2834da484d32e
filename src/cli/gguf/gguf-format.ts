import type { GgufSummary } from './gguf-summary';

const mib = (n: number): string => `${(n / 1024 / 1024).toFixed(2)} MiB`;

/** Human-readable `inspect` output. */
export function formatGgufSummary(s: GgufSummary): string {
    const lines = [
        `name:           ${s.name ?? '-'}`,
        `architecture:   ${s.architecture ?? '-'}`,
        `parameters:     ${s.parameters.toLocaleString('en-US')}`,
        `quantization:   ${s.quantization}`,
        `context length: ${s.contextLength ?? '-'}`,
        `layers/heads:   ${s.blockCount ?? '-'} / ${s.headCount ?? '-'} (embedding ${s.embeddingLength ?? '-'})`,
        `tokenizer:      ${s.tokenizer ?? '-'} (vocab ${s.vocabSize ?? '-'}${s.hasChatTemplate ? ', chat template' : ''})`,
        `tensors:        ${s.tensorCount}`,
        ...Object.entries(s.tensorTypes).map(([t, v]) => `  ${t.padEnd(8)} ${String(v.tensors).padStart(5)} tensors  ${mib(v.bytes)}`),
        `size:           ${mib(s.fileBytes)} (${s.fileBytes} bytes, GGUF v${s.ggufVersion})`,
        `sha256:         ${s.sha256}`
    ];
    return lines.join('\n');
}
