import type { GgufSummary } from '../gguf/gguf-summary';
import type { BenchLevel } from './bench-measure';
import type { BenchmarkSubmissionWire } from './backend.api';

/** GGUF quantization labels as registries write them ("Q8_0", "Q4_K_M"), from llama_ftype names. */
export function quantLabel(summary: GgufSummary): string {
    return summary.quantization.replace(/^(ALL|MOSTLY)_/, '');
}

/** Registry `ModelVariant` (backend.did) for an inspected GGUF file; bits per weight from the tensor bytes. */
export function ggufVariant(summary: GgufSummary, id: string, url: string | null): Record<string, unknown> {
    const tensorBytes = Object.values(summary.tensorTypes).reduce((a, t) => a + t.bytes, 0);
    const bpw = summary.parameters > 0 ? Math.round(((tensorBytes * 8) / summary.parameters) * 100) / 100 : null;
    return {
        id,
        url: url === null ? [] : [url],
        format: { gguf: null },
        quant_method: { gguf: null },
        quant_label: [quantLabel(summary)],
        bits_per_weight: bpw === null ? [] : [bpw],
        file_size_bytes: [summary.fileBytes],
        sha256: [summary.sha256]
    };
}

/** Adds (or replaces by id) a variant in a model record as returned by get_model. */
export function withVariant(model: Record<string, unknown>, variant: Record<string, unknown>): Record<string, unknown> {
    const variants = (model.variants as Array<Record<string, unknown>>).filter((v) => v.id !== variant.id);
    return { ...model, variants: [...variants, variant] };
}

export interface BenchProvenance {
    modelId: string;
    variantId: string;
    hardwareId: string;
    runtimeId: string;
    runtimeVersion: string | null;
    modelSha256: string | null;
    /** Hardware as the worker reported it (/health), recorded in the notes. */
    hardwareSeen: string;
    maxTokens: number;
}

/** One submission per concurrency level; `origin: measured`, with what was measured and on what in the notes. */
export function benchSubmission(level: BenchLevel, p: BenchProvenance): BenchmarkSubmissionWire {
    const opt = (x: number | null): [] | [number] => (x === null ? [] : [x]);
    return {
        model_id: p.modelId,
        variant_id: p.variantId,
        hardware_id: p.hardwareId,
        runtime_id: p.runtimeId,
        runtime_version: p.runtimeVersion === null ? [] : [p.runtimeVersion.slice(0, 128)],
        model_sha256: p.modelSha256 === null ? [] : [p.modelSha256],
        origin: { measured: null },
        ttft_ms: opt(level.ttft_ms_p50),
        prompt_tokens_per_s: opt(level.prompt_tokens_per_s),
        generation_tokens_per_s: opt(level.generation_tokens_per_s_total),
        power_w: [],
        settings: { batch_size: [], output_tokens: [p.maxTokens], concurrency: [level.concurrency], device_count: [], prompt_tokens: opt(level.prompt_tokens) },
        notes: [`deai-worker-admin bench: ${level.requests} requests, ${level.errors} errors; hardware ${p.hardwareSeen}`.slice(0, 1000)],
        sources: []
    };
}
