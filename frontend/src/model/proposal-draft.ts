/**
 * Proposal drafts (pure): a record as editable JSON, validated with the same shared validators the canister runs,
 * and the field-level diff a curator reviews.
 */
import {
    flatten, validateBenchmarkSubmission, validateHardware, validateModel, validateRuntime,
    type BenchmarkSubmission, type CompareValue, type Hardware, type Model, type RegistryError, type Runtime,
} from '../../../src/shared/registry';

/** Records that go through a curator's review; benchmark results are appended directly (with their submitter). */
export const PROPOSAL_KINDS = ['hardware', 'runtime', 'model'] as const;
export const CONTRIBUTION_KINDS = [...PROPOSAL_KINDS, 'benchmark'] as const;
export type ProposalKind = (typeof CONTRIBUTION_KINDS)[number];
export type DraftRecord =
    | { kind: 'hardware'; record: Hardware } | { kind: 'runtime'; record: Runtime } | { kind: 'model'; record: Model }
    | { kind: 'benchmark'; record: BenchmarkSubmission };

/** Largest draft accepted in the editor (the canister bounds each field; this bounds the text box). */
export const DRAFT_MAX_CHARS = 200_000;
export const COMMENT_MAX_CHARS = 1024;

export function parseDraft(kind: ProposalKind, text: string): { ok: true; draft: DraftRecord } | { ok: false; message: string } {
    if (text.length > DRAFT_MAX_CHARS) return { ok: false, message: `The record is longer than ${DRAFT_MAX_CHARS} characters.` };
    let json: unknown;
    try {
        json = JSON.parse(text);
    } catch (e) {
        return { ok: false, message: `Not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
    }
    const fail = (e: RegistryError) => ({ ok: false as const, message: e.code === 'InvalidInput' ? `${e.field}: ${e.reason}` : e.code });
    if (kind === 'hardware') { const r = validateHardware(json); return r.ok ? { ok: true, draft: { kind, record: r.value } } : fail(r.error); }
    if (kind === 'runtime') { const r = validateRuntime(json); return r.ok ? { ok: true, draft: { kind, record: r.value } } : fail(r.error); }
    if (kind === 'benchmark') { const r = validateBenchmarkSubmission(json); return r.ok ? { ok: true, draft: { kind, record: r.value } } : fail(r.error); }
    const r = validateModel(json);
    return r.ok ? { ok: true, draft: { kind, record: r.value } } : fail(r.error);
}

export interface FieldChange { readonly field: string; readonly before: CompareValue | undefined; readonly after: CompareValue | undefined }

/** Changed fields between the stored record (base) and the proposed one; every field is "added" for a creation. */
export function diffRecords(baseJson: string | null, recordJson: string): FieldChange[] {
    // Shared flatten() skips provenance at the top level (comparisons show it per record); a review must see it.
    const flat = (json: string | null) => {
        const m = new Map<string, CompareValue>();
        if (json === null) return m;
        for (const [k, v] of Object.entries(JSON.parse(json) as Record<string, unknown>)) if (v !== undefined) flatten(v, k, m);
        return m;
    };
    const before = flat(baseJson);
    const after = flat(recordJson);
    const fields = [...new Set([...before.keys(), ...after.keys()])];
    return fields.filter((f) => before.get(f) !== after.get(f)).map((field) => ({ field, before: before.get(field), after: after.get(field) }));
}

/** A blank record to start a new proposal from (every required field present, unknowns null). */
export function blankRecord(kind: ProposalKind): object {
    const source = [{ url: 'https://', title: '', accessed: new Date().toISOString().slice(0, 10) }];
    const peak = { dense: null, sparse: null };
    if (kind === 'hardware') return {
        id: '', vendor: '', name: '', kind: 'gpu', memory_gb: null, memory_type: null, memory_bandwidth_gb_s: null, tdp_w: null, prices: [],
        peak: { fp32: peak, tf32: peak, bf16: peak, fp16: peak, fp8: peak, int8: peak, int4: peak }, interconnect: null, interconnect_bandwidth_gb_s: null,
        form_factor: null, release_year: null, availability: null, sources: source,
    };
    if (kind === 'benchmark') return {
        hardware_id: '', runtime_id: '', model_id: '', variant_id: '',
        settings: { batch_size: 1, prompt_tokens: 512, output_tokens: 128, concurrency: 1, device_count: 1 },
        prompt_tokens_per_s: null, generation_tokens_per_s: null, ttft_ms: null, power_w: null, origin: 'measured',
        model_sha256: null, runtime_version: null, sources: [],
    };
    if (kind === 'runtime') return {
        id: '', name: '', vendor: '', license: '', hardware_vendors: [], backends: [], model_formats: [], quant_methods: [],
        features: { continuous_batching: null, paged_attention: null, speculative_decoding: null, cpu_offload: null, openai_compatible_server: null, prefix_caching: null, tensor_parallel: null, pipeline_parallel: null, structured_output: null, multi_lora: null },
        ease_of_install: null, latest_version: null, homepage: null, sources: source,
    };
    return {
        id: '', name: '', family: '', publisher: '', backing: null, params_total_b: null, params_active_b: null,
        architecture: { kind: null, layers: null, hidden_size: null, attention_heads: null, kv_heads: null, head_dim: null, vocab_size: null, experts_total: null, experts_active: null },
        context_length: null, license: '', release_date: null, update_cadence: null, task_fit: [], variants: [], scores: [], sources: source,
    };
}

/**
 * Appends a source to a draft's JSON (the form beside the editor), or says what is wrong. The record's own
 * validation still runs on the result; this only checks the JSON shape and the URL scheme.
 */
export function addSource(text: string, source: { url: string; title: string; accessed: string; note?: string }): { ok: true; text: string } | { ok: false; message: string } {
    if (!/^https?:\/\//.test(source.url)) return { ok: false, message: 'The source URL must start with http:// or https://.' };
    if (source.title.trim() === '') return { ok: false, message: 'Give the source a title.' };
    if (!/^\d{4}-\d{2}-\d{2}$/.test(source.accessed)) return { ok: false, message: 'The access date must be YYYY-MM-DD.' };
    let json: unknown;
    try {
        json = JSON.parse(text);
    } catch {
        return { ok: false, message: 'Fix the record JSON first.' };
    }
    if (json === null || typeof json !== 'object' || Array.isArray(json)) return { ok: false, message: 'The record must be a JSON object.' };
    const record = json as { sources?: unknown };
    const sources = Array.isArray(record.sources) ? record.sources : [];
    const entry = { url: source.url.trim(), title: source.title.trim(), accessed: source.accessed, ...(source.note?.trim() ? { note: source.note.trim() } : {}) };
    return { ok: true, text: JSON.stringify({ ...record, sources: [...sources, entry] }, null, 2) };
}
