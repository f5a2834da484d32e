/** Field/value rows with source citations. */
import { fmtNum, UNKNOWN } from '../model/format';
import type { FieldRow } from '../model/record-fields';

export function formatValue(v: string | number | boolean | null): string {
    if (v === null) return UNKNOWN;
    if (typeof v === 'number') return fmtNum(v, 4);
    if (typeof v === 'boolean') return v ? 'yes' : 'no';
    return v === '' ? UNKNOWN : v;
}

export function FieldTable({ rows, caption }: { rows: readonly FieldRow[]; caption: string }) {
    return (
        <div className="table-scroll">
            <table className="fields">
                <caption>{caption}</caption>
                <thead><tr><th scope="col">Field</th><th scope="col">Value</th><th scope="col">Source</th></tr></thead>
                <tbody>
                    {rows.map((r) => (
                        <tr key={r.field}>
                            <th scope="row"><code>{r.field}</code></th>
                            <td>{formatValue(r.value)}{r.notes.map((n, i) => <div key={i} className="muted small">{n}</div>)}</td>
                            <td>{r.sources.map((s) => <a key={s} href={`#source-${s}`} onClick={(e) => { e.preventDefault(); document.getElementById(`source-${s}`)?.scrollIntoView(); }} className="cite">[{s}]</a>)}</td>
                        </tr>
                    ))}
                </tbody>
            </table>
        </div>
    );
}
