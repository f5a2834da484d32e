/** Fit calculator form state (URL query) → a FitRequest for the shared computeFit (pure). */
import { FIT_TARGET_KINDS, KV_DTYPES, type FitRequest, type FitTarget, type Hardware, type KvDtype, type Model } from '../../../src/shared/registry';

export interface FitForm {
    readonly model: string;
    readonly variant: string;
    readonly target: (typeof FIT_TARGET_KINDS)[number];
    readonly hardware: string;
    /** Custom device memory in GB (10^9 bytes). */
    readonly memoryGb: string;
    /** Empty: the default context (capped at the model's). */
    readonly context: string;
    readonly batch: string;
    readonly kv: KvDtype;
}

/** Models the calculator can size: a variant, and the architecture fields the KV cache needs. */
export function sizable(m: Model): boolean {
    const a = m.architecture;
    return m.variants.length > 0 && a.layers !== null && a.kv_heads !== null && (a.head_dim !== null || (a.hidden_size !== null && a.attention_heads !== null));
}

/** Form state from the URL; missing choices default to the first sizable model and the first hardware with known memory. */
export function readFitForm(q: URLSearchParams, models: readonly Model[], hardware: readonly Hardware[] = []): FitForm {
    const model = models.find((m) => m.id === q.get('model')) ?? models.find(sizable) ?? models.find((m) => m.variants.length > 0);
    const variant = model?.variants.find((v) => v.id === q.get('variant')) ?? model?.variants[0];
    const target = (FIT_TARGET_KINDS as readonly string[]).includes(q.get('target') ?? '') ? (q.get('target') as FitForm['target']) : 'hardware';
    const kv = (KV_DTYPES as readonly string[]).includes(q.get('kv') ?? '') ? (q.get('kv') as KvDtype) : 'f16';
    return {
        model: model?.id ?? '', variant: variant?.id ?? '', target, hardware: q.get('hw') ?? hardware.find((h) => h.memory_gb !== null)?.id ?? '',
        memoryGb: q.get('mem') ?? '24', context: q.get('ctx') ?? '', batch: q.get('batch') ?? '1', kv,
    };
}

export const FIT_FORM_KEYS: Readonly<Record<keyof FitForm, string>> = {
    model: 'model', variant: 'variant', target: 'target', hardware: 'hw', memoryGb: 'mem', context: 'ctx', batch: 'batch', kv: 'kv',
};

/** A request, or a message naming the form field to fix. Range checks are left to computeFit (one source of truth). */
export function toFitRequest(f: FitForm, models: readonly Model[]): { ok: true; request: FitRequest } | { ok: false; message: string } {
    const model = models.find((m) => m.id === f.model);
    if (model === undefined) return { ok: false, message: 'Pick a model.' };
    const variant = model.variants.find((v) => v.id === f.variant);
    if (variant === undefined) return { ok: false, message: 'Pick a variant of the model.' };
    let target: FitTarget;
    if (f.target === 'hardware') {
        if (f.hardware === '') return { ok: false, message: 'Pick the hardware.' };
        target = { kind: 'hardware', hardware_id: f.hardware };
    } else if (f.target === 'custom') {
        const gb = Number(f.memoryGb);
        if (f.memoryGb.trim() === '' || !Number.isFinite(gb) || gb <= 0) return { ok: false, message: 'Device memory must be a positive number of GB.' };
        target = { kind: 'custom', memory_bytes: gb * 1e9 };
    } else {
        target = { kind: f.target };
    }
    const context = f.context.trim() === '' ? null : Number(f.context);
    if (context !== null && !Number.isInteger(context)) return { ok: false, message: 'Context must be a whole number of tokens.' };
    const batch = Number(f.batch);
    if (!Number.isInteger(batch)) return { ok: false, message: 'Batch must be a whole number.' };
    return { ok: true, request: { model, variant, target, context_tokens: context, batch, kv_dtype: f.kv } };
}
