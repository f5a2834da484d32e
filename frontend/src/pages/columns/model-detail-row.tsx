/** A model's variants and scores, shown under its row in the models table. */
import type { Model } from '../../../../src/shared/registry';
import { fmtBytes, fmtNum } from '../../model/format';
import { formatHash } from '../../routing/hash-route';

/** Scores listed inline; the detail page has all of them. */
const INLINE_SCORES = 12;

export function ModelDetailRow({ model }: { model: Model }) {
    const scores = model.scores.filter((s) => s.score !== null);
    return (
        <div className="model-detail-row">
            <div>
                <strong>Variants ({model.variants.length})</strong>
                {model.variants.length === 0 ? <p className="muted small">None recorded.</p> : (
                    <ul className="small">{model.variants.map((v) => (
                        <li key={v.id}>{v.format} · {v.quant_label ?? v.quant_method}{v.bits_per_weight !== null && ` · ${fmtNum(v.bits_per_weight)} bpw`} · {fmtBytes(v.file_size_bytes)} · <a href={formatHash(['fit'], { model: model.id, variant: v.id })}>fit</a></li>
                    ))}</ul>
                )}
            </div>
            <div>
                <strong>Scores ({model.scores.length})</strong>
                {scores.length === 0 ? <p className="muted small">None recorded.</p> : (
                    <ul className="small">{scores.slice(0, INLINE_SCORES).map((s, i) => (
                        <li key={i}>{s.benchmark}: {fmtNum(s.score)}{s.shots !== null && ` (${s.shots}-shot)`}{s.evaluator !== null && ` · ${s.evaluator}`}</li>
                    ))}{scores.length > INLINE_SCORES && <li><a href={formatHash(['model', model.id])}>all {scores.length} scores…</a></li>}</ul>
                )}
            </div>
        </div>
    );
}
