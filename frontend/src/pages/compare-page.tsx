/** Side-by-side comparison of up to 4 records (`#/compare/<kind>?ids=a,b`), derived rows labelled. */
import { useState } from 'react';
import { compareHardware, compareRecords, COMPARE_MAX_IDS, type Comparison } from '../../../src/shared/registry';
import { formatValue } from '../components/field-table';
import { RecordLink, type RecordKind } from '../components/record-link';
import { ErrorBox, Loading } from '../components/states';
import { useRegistry } from '../data/registry-context';
import type { Route } from '../routing/hash-route';
import { USD_PRICE } from './columns/hardware-columns';

export function ComparePage({ route }: { route: Route }) {
    const kind = (['hardware', 'runtime', 'model'] as const).find((k) => k === route.segments[1]) ?? 'hardware';
    const ids = (route.query.get('ids') ?? '').split(',').filter((s) => s !== '');
    const { status, data } = useRegistry();
    const [onlyDiff, setOnlyDiff] = useState(false);
    if (status === 'loading') return <Loading what="comparison" />;
    const result =
        kind === 'hardware' ? compareHardware(data.hardware, ids, USD_PRICE) :
        kind === 'runtime' ? compareRecords(data.runtimes, 'runtime', ids) :
        compareRecords(data.models, 'model', ids);
    if (!result.ok) {
        const e = result.error;
        return <ErrorBox>{e.code === 'LimitExceeded' ? `Compare at most ${COMPARE_MAX_IDS} items.` : e.code === 'NotFound' ? `No ${e.entity} “${e.id}”.` : 'Pick 2 to 4 items in a registry table, then press Compare.'}</ErrorBox>;
    }
    return <CompareTable kind={kind} comparison={result.value} onlyDiff={onlyDiff} setOnlyDiff={setOnlyDiff} />;
}

function CompareTable({ kind, comparison, onlyDiff, setOnlyDiff }: { kind: RecordKind; comparison: Comparison; onlyDiff: boolean; setOnlyDiff(v: boolean): void }) {
    const rows = comparison.rows.filter((r) => !onlyDiff || r.differs);
    return (
        <div>
            <h1>Compare {kind}</h1>
            <label className="inline"><input type="checkbox" checked={onlyDiff} onChange={(e) => setOnlyDiff(e.target.checked)} /> Only rows that differ</label>
            <div className="table-scroll">
                <table className="fields compare">
                    <thead><tr><th scope="col">Field</th>{comparison.ids.map((id) => <th key={id} scope="col"><RecordLink kind={kind} id={id}>{id}</RecordLink></th>)}</tr></thead>
                    <tbody>
                        {rows.map((r) => (
                            <tr key={r.field} className={r.differs ? 'differs' : undefined}>
                                <th scope="row"><code>{r.field}</code>{r.derived && <span className="derived-tag">derived</span>}{r.unit !== null && <span className="muted small"> {r.unit}</span>}</th>
                                {r.values.map((v, i) => <td key={i}>{formatValue(v)}</td>)}
                            </tr>
                        ))}
                    </tbody>
                </table>
            </div>
        </div>
    );
}
