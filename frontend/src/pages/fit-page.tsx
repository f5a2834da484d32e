/** The fit calculator: does a model variant fit a device, at what context, on how many devices — explained. */
import { computeFit, FIT_TARGET_KINDS, KV_DTYPES, type Hardware } from '../../../src/shared/registry';
import { ErrorBox, Loading } from '../components/states';
import { useRegistry } from '../data/registry-context';
import { describeError } from '../ic/api-error';
import { FIT_FORM_KEYS, readFitForm, toFitRequest, type FitForm } from '../model/fit-form';
import { fmtBytes, fmtNum } from '../model/format';
import type { Route } from '../routing/hash-route';
import { useQueryUpdater } from '../routing/use-route';

const TARGET_LABELS: Record<(typeof FIT_TARGET_KINDS)[number], string> = {
    hardware: 'Hardware from the registry', custom: 'Custom device memory', ic_canister: 'IC canister (wasm)', browser: 'Browser (WebGPU/wasm)', phone: 'Phone',
};

export function FitPage({ route }: { route: Route }) {
    const { status, data } = useRegistry();
    const update = useQueryUpdater();
    if (status === 'loading') return <Loading what="the fit calculator" />;
    const form = readFitForm(route.query, data.models, data.hardware);
    const set = (k: keyof FitForm, v: string) => update({ [FIT_FORM_KEYS[k]]: v, ...(k === 'model' ? { variant: undefined } : {}) });
    const model = data.models.find((m) => m.id === form.model);
    const req = toFitRequest(form, data.models);
    const result = req.ok ? computeFit(req.request, (id) => data.hardware.find((h) => h.id === id) ?? null) : null;
    const withMemory = data.hardware.filter((h): h is Hardware => h.memory_gb !== null);

    return (
        <div>
            <h1>Fit calculator</h1>
            <p className="muted">Weights + KV cache + runtime overhead against device memory. The arithmetic is shown below the result.</p>
            <form className="fit-form" onSubmit={(e) => e.preventDefault()} aria-label="Fit calculator">
                <label>Model <select name="model" value={form.model} onChange={(e) => set('model', e.target.value)}>
                    {data.models.filter((m) => m.variants.length > 0).map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}</select></label>
                <label>Variant <select name="variant" value={form.variant} onChange={(e) => set('variant', e.target.value)}>
                    {model?.variants.map((v) => <option key={v.id} value={v.id}>{v.quant_label ?? v.quant_method} · {v.format} ({v.id})</option>)}</select></label>
                <label>Target <select name="target" value={form.target} onChange={(e) => set('target', e.target.value)}>
                    {FIT_TARGET_KINDS.map((k) => <option key={k} value={k}>{TARGET_LABELS[k]}</option>)}</select></label>
                {form.target === 'hardware' && <label>Hardware <select name="hardware" value={form.hardware} onChange={(e) => set('hardware', e.target.value)}>
                    <option value="">— pick —</option>
                    {withMemory.map((h) => <option key={h.id} value={h.id}>{h.vendor} {h.name} ({h.memory_gb} GB)</option>)}</select></label>}
                {form.target === 'custom' && <label>Memory (GB) <input name="memory" inputMode="decimal" value={form.memoryGb} onChange={(e) => set('memoryGb', e.target.value)} /></label>}
                <label>Context tokens <input name="context" inputMode="numeric" placeholder="default" value={form.context} onChange={(e) => set('context', e.target.value)} /></label>
                <label>Batch <input name="batch" inputMode="numeric" value={form.batch} onChange={(e) => set('batch', e.target.value)} /></label>
                <label>KV cache type <select name="kv" value={form.kv} onChange={(e) => set('kv', e.target.value)}>{KV_DTYPES.map((k) => <option key={k}>{k}</option>)}</select></label>
            </form>
            <section aria-live="polite" className="fit-result" data-testid="fit-result">
                {!req.ok && <ErrorBox>{req.message}</ErrorBox>}
                {result !== null && !result.ok && <ErrorBox>{describeError({ kind: 'registry', error: result.error })}</ErrorBox>}
                {result !== null && result.ok && (
                    <>
                        <p className={result.value.fits ? 'verdict ok' : 'verdict no'}>
                            {result.value.fits ? 'Fits' : 'Does not fit'} on {result.value.target_label}
                        </p>
                        <dl className="fit-numbers">
                            <dt>Total</dt><dd>{fmtBytes(result.value.total_bytes)} of {fmtBytes(result.value.device_memory_bytes)}</dd>
                            <dt>Weights</dt><dd>{fmtBytes(result.value.weights_bytes)}</dd>
                            <dt>KV cache ({fmtNum(result.value.context_tokens, 0)} tokens)</dt><dd>{fmtBytes(result.value.kv_cache_bytes)}</dd>
                            <dt>Overhead</dt><dd>{fmtBytes(result.value.overhead_bytes)}</dd>
                            <dt>Headroom</dt><dd>{fmtBytes(result.value.headroom_bytes)}</dd>
                            <dt>Max context on one device</dt><dd>{fmtNum(result.value.max_context_tokens, 0)} tokens</dd>
                            <dt>Devices needed</dt><dd>{result.value.devices_needed === null ? 'cannot be split across devices' : result.value.devices_needed}</dd>
                        </dl>
                        <h2>How this was computed</h2>
                        <ol className="breakdown">{result.value.breakdown.map((l, i) => <li key={i}>{l}</li>)}</ol>
                    </>
                )}
            </section>
        </div>
    );
}
