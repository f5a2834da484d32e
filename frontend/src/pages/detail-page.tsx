/** Detail pages for one record (`#/<kind>/<id>`): fields with their sources, derived metrics labelled derived. */
import { hardwareDerivedMetrics, tokensPerJoule, type Hardware, type Model } from '../../../src/shared/registry';
import { FieldTable, formatValue } from '../components/field-table';
import { SourcesList } from '../components/sources-list';
import { Empty, Loading } from '../components/states';
import { useRegistry } from '../data/registry-context';
import { fmtBytes, fmtNum, fmtTimeNs } from '../model/format';
import { recordFields, sourcesFor } from '../model/record-fields';
import { derivedLabel } from '../model/derived-label';
import { formatHash } from '../routing/hash-route';
import { USD_PRICE } from './columns/hardware-columns';
import { useSession } from '../ic/session-context';

export function DetailPage({ kind, id }: { kind: 'hardware' | 'runtime' | 'model' | 'result'; id: string }) {
    const { status, data } = useRegistry();
    const { signedIn } = useSession();
    if (status === 'loading') return <Loading what={id} />;
    const record =
        kind === 'hardware' ? data.hardware.find((h) => h.id === id) :
        kind === 'runtime' ? data.runtimes.find((r) => r.id === id) :
        kind === 'model' ? data.models.find((m) => m.id === id) :
        data.benchmarks.find((b) => b.result_id === id);
    if (record === undefined) return <Empty>No {kind} with id “{id}”. <a href={formatHash(['explore'])}>Back to the registry</a></Empty>;
    const title = 'name' in record ? record.name : `Benchmark result ${id}`;
    const editable = kind !== 'result';
    return (
        <article className="detail">
            <p className="crumbs"><a href={formatHash(['explore', kind === 'result' ? 'benchmarks' : kind === 'hardware' ? 'hardware' : `${kind}s`])}>← {kind === 'result' ? 'Benchmarks' : kind}</a></p>
            <h1>{title}</h1>
            {'vendor' in record && <p className="muted">{record.vendor} · id <code>{id}</code></p>}
            {'submitter' in record && <p className="muted">Submitted by <code>{record.submitter}</code> at {fmtTimeNs(record.timestamp_ns)}</p>}
            {editable && (signedIn
                ? <p><a className="button" href={formatHash(['contribute'], { kind, id })}>Propose an edit</a></p>
                : <p className="muted">Sign in to propose an edit.</p>)}
            {record.notes !== undefined && <p className="notes">{record.notes}</p>}
            {kind === 'hardware' && <HardwareExtras hw={record as Hardware} />}
            {kind === 'result' && 'generation_tokens_per_s' in record && <DerivedList items={[{ name: 'tokens per joule', metric: tokensPerJoule(record) }]} />}
            <FieldTable rows={recordFields(record)} caption="Fields (dense and sparse peaks are kept apart; — means unknown)" />
            {kind === 'model' && <ModelExtras model={record as Model} />}
            <h2>Sources</h2>
            <SourcesList sources={record.sources} />
        </article>
    );
}

function HardwareExtras({ hw }: { hw: Hardware }) {
    return (
        <>
            <h2>Prices</h2>
            {hw.prices.length === 0 ? <p className="muted">No price recorded.</p> : (
                <ul>{hw.prices.map((p, i) => <li key={i}>{p.kind}: {formatValue(p.value)} {p.currency}{p.kind === 'cloud_hour' ? '/h' : ''} (as of {p.as_of}) {sourcesFor(hw.source_refs, `prices.${i}`).map((s) => <span key={s} className="cite">[{s}]</span>)}</li>)}</ul>
            )}
            <DerivedList items={hardwareDerivedMetrics(hw, USD_PRICE)} />
        </>
    );
}

function DerivedList({ items }: { items: readonly { name: string; metric: { value: number; unit: string; formula: string } | null }[] }) {
    const known = items.filter((i) => i.metric !== null);
    return (
        <section className="derived" aria-labelledby="derived-h">
            <h2 id="derived-h">Derived metrics <span className="derived-tag">derived</span></h2>
            <p className="muted small">Computed here from the stored fields; not vendor figures.</p>
            {known.length === 0 ? <p className="muted">None: an input is unknown.</p> : (
                <div className="table-scroll"><table className="fields">
                    <thead><tr><th scope="col">Metric</th><th scope="col" className="num">Value</th><th scope="col">Unit</th><th scope="col">Formula</th></tr></thead>
                    <tbody>{known.map((i) => (
                        <tr key={i.name}><th scope="row">{derivedLabel(i.name)}</th><td className="num">{fmtNum(i.metric!.value, 3)}</td><td>{i.metric!.unit}</td><td className="muted small">{i.metric!.formula}</td></tr>
                    ))}</tbody>
                </table></div>
            )}
        </section>
    );
}

function ModelExtras({ model }: { model: Model }) {
    return (
        <>
            <h2>Variants</h2>
            {model.variants.length === 0 ? <p className="muted">No variants.</p> : (
                <div className="table-scroll"><table className="fields">
                    <thead><tr><th scope="col">Variant</th><th scope="col">Format</th><th scope="col">Quant</th><th scope="col" className="num">Bits/weight</th><th scope="col" className="num">Size</th><th scope="col">Fit</th></tr></thead>
                    <tbody>{model.variants.map((v) => (
                        <tr key={v.id}><td>{v.url ? <a href={v.url} target="_blank" rel="noreferrer noopener">{v.id}</a> : v.id}</td><td>{v.format}</td><td>{v.quant_label ?? v.quant_method}</td>
                            <td className="num">{fmtNum(v.bits_per_weight)}</td><td className="num">{fmtBytes(v.file_size_bytes)}</td>
                            <td><a href={formatHash(['fit'], { model: model.id, variant: v.id })}>Does it fit?</a></td></tr>
                    ))}</tbody>
                </table></div>
            )}
            <h2>Quality scores</h2>
            {model.scores.length === 0 ? <p className="muted">No scores.</p> : (
                <div className="table-scroll"><table className="fields">
                    <thead><tr><th scope="col">Benchmark</th><th scope="col" className="num">Score</th><th scope="col">Shots</th><th scope="col">Harness</th><th scope="col">Evaluator</th><th scope="col">Source</th></tr></thead>
                    <tbody>{model.scores.map((s, i) => (
                        <tr key={i}><td>{s.benchmark}</td><td className="num">{fmtNum(s.score)}</td><td>{fmtNum(s.shots, 0)}</td><td>{s.harness ?? '—'}</td><td>{s.evaluator ?? '—'}</td><td><span className="cite">[{s.source + 1}]</span></td></tr>
                    ))}</tbody>
                </table></div>
            )}
        </>
    );
}
