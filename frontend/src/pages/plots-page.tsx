/**
 * Plots (Recharts; loaded lazily so the charting library stays out of the initial bundle):
 * peak throughput per precision vs TDP or price on log axes, coloured by vendor; tokens/s by hardware × runtime.
 */
import {
    Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis,
} from 'recharts';
import { PRECISIONS, type Precision } from '../../../src/shared/registry';
import { Empty, Loading } from '../components/states';
import { useRegistry } from '../data/registry-context';
import { logAxis, modelsWithResults, peakAxisLabel, peakSeries, speedMatrix, type PeakAxis, type PeakPoint } from '../model/plot-points';
import { fmtNum } from '../model/format';
import type { Route } from '../routing/hash-route';
import { navigate, useQueryUpdater } from '../routing/use-route';

export default function PlotsPage({ route }: { route: Route }) {
    const { status, data } = useRegistry();
    const update = useQueryUpdater();
    const precision = (PRECISIONS as readonly string[]).includes(route.query.get('p') ?? '') ? (route.query.get('p') as Precision) : 'fp8';
    const axis: PeakAxis = route.query.get('x') === 'price' ? 'price' : 'tdp';
    const sparsity = route.query.get('s') === 'sparse' ? 'sparse' : 'dense';
    const models = modelsWithResults(data.benchmarks);
    const model = route.query.get('model') ?? models[0] ?? '';
    if (status === 'loading') return <Loading what="plots" />;
    const series = peakSeries(data.hardware, precision, axis, sparsity);
    const xAxis = logAxis(series.flatMap((s) => s.points.map((p) => p.x)));
    const yAxis = logAxis(series.flatMap((s) => s.points.map((p) => p.y)));
    const matrix = speedMatrix(data.benchmarks, data.hardware, data.runtimes, model);
    return (
        <div>
            <h1>Plots</h1>
            <section aria-labelledby="peak-h">
                <h2 id="peak-h">{peakAxisLabel(precision, sparsity)} vs {axis === 'tdp' ? 'TDP' : 'price'}</h2>
                <div className="controls">
                    <label>Precision <select value={precision} onChange={(e) => update({ p: e.target.value })}>{PRECISIONS.map((p) => <option key={p}>{p}</option>)}</select></label>
                    <label>Against <select value={axis} onChange={(e) => update({ x: e.target.value })}><option value="tdp">TDP (W)</option><option value="price">Price (USD)</option></select></label>
                    <label>Peak <select value={sparsity} onChange={(e) => update({ s: e.target.value })}><option value="dense">dense</option><option value="sparse">with sparsity</option></select></label>
                </div>
                {series.length === 0 ? <Empty>No hardware has both a {precision} {sparsity} peak and a {axis === 'tdp' ? 'TDP' : 'USD price'}.</Empty> : (
                    <div className="chart" data-testid="peak-chart">
                        <ResponsiveContainer width="100%" height={420}>
                            <ScatterChart margin={{ top: 10, right: 20, bottom: 30, left: 10 }}>
                                <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />
                                <XAxis type="number" dataKey="x" scale="log" domain={xAxis.domain} ticks={xAxis.ticks} tickFormatter={(v: number) => fmtNum(v)} allowDataOverflow name={axis} tick={{ fill: 'var(--fg-muted)' }}
                                    label={{ value: axis === 'tdp' ? 'TDP (W, log)' : 'Price (USD, log)', position: 'bottom', fill: 'var(--fg-muted)' }} />
                                <YAxis type="number" dataKey="y" scale="log" domain={yAxis.domain} ticks={yAxis.ticks} tickFormatter={(v: number) => fmtNum(v)} allowDataOverflow name="peak" tick={{ fill: 'var(--fg-muted)' }} width={70}
                                    label={{ value: `${peakAxisLabel(precision, sparsity)}, log`, angle: -90, position: 'insideLeft', fill: 'var(--fg-muted)', style: { textAnchor: 'middle' } }} />
                                <ZAxis range={[70, 70]} />
                                <Tooltip content={<PointTip />} />
                                <Legend verticalAlign="top" />
                                {series.map((s) => <Scatter key={s.vendor} name={s.vendor} data={[...s.points]} fill={s.color} onClick={(p: { payload?: PeakPoint }) => p.payload && navigate(['hardware', p.payload.id])} />)}
                            </ScatterChart>
                        </ResponsiveContainer>
                    </div>
                )}
            </section>
            <section aria-labelledby="speed-h">
                <h2 id="speed-h">Generation tokens/s by hardware × runtime</h2>
                <div className="controls">
                    <label>Model <select value={model} onChange={(e) => update({ model: e.target.value })}>{models.map((m) => <option key={m}>{m}</option>)}</select></label>
                </div>
                {matrix.rows.length === 0 ? <Empty>No benchmark results with a generation speed for this model.</Empty> : (
                    <div className="chart" data-testid="speed-chart">
                        <ResponsiveContainer width="100%" height={Math.max(240, 36 * matrix.rows.length + 80)}>
                            <BarChart data={[...matrix.rows]} layout="vertical" margin={{ top: 10, right: 20, bottom: 20, left: 10 }}>
                                <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />
                                <XAxis type="number" tick={{ fill: 'var(--fg-muted)' }} label={{ value: 'tokens/s (best result)', position: 'bottom', fill: 'var(--fg-muted)' }} />
                                <YAxis type="category" dataKey="hardware" width={180} tick={{ fill: 'var(--fg-muted)', fontSize: 12 }} />
                                <Tooltip contentStyle={{ background: 'var(--bg-raised)', border: '1px solid var(--border)' }} />
                                <Legend verticalAlign="top" />
                                {matrix.runtimes.map((r) => <Bar key={r.id} dataKey={r.id} name={r.name} fill={r.color} />)}
                            </BarChart>
                        </ResponsiveContainer>
                    </div>
                )}
            </section>
        </div>
    );
}

function PointTip({ active, payload }: { active?: boolean; payload?: readonly { payload: PeakPoint }[] }) {
    const p = active ? payload?.[0]?.payload : undefined;
    if (p === undefined) return null;
    return (
        <div className="tooltip" role="tooltip">
            <strong>{p.name}</strong> <span className="muted">({p.vendor})</span>
            <div>peak: {p.y}</div>
            <div>{p.xLabel}</div>
        </div>
    );
}
