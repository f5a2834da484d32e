/** The audit log: every proposal, review and write, newest first, with cursor paging. */
import { useEffect, useState } from 'react';
import { Empty, ErrorBox, Loading } from '../components/states';
import { describeError } from '../ic/api-error';
import { auditLog, type AuditEntry } from '../ic/proposals-api';
import { useSession } from '../ic/session-context';
import { fmtTimeNs, shortPrincipal } from '../model/format';
import { diffRecords } from '../model/proposal-draft';

export function AuditPage() {
    const { actor } = useSession();
    const [entries, setEntries] = useState<AuditEntry[] | null>(null);
    const [next, setNext] = useState<string | null>(null);
    const [error, setError] = useState<string | null>(null);
    const load = async (cursor: string | null) => {
        if (actor === null) return;
        const r = await auditLog(actor, cursor);
        if (!r.ok) { setError(describeError(r.error)); return; }
        setEntries((old) => [...(cursor === null ? [] : old ?? []), ...r.value.items]);
        setNext(r.value.next);
    };
    useEffect(() => { void load(null); }, [actor]); // eslint-disable-line react-hooks/exhaustive-deps
    return (
        <div>
            <h1>Audit log</h1>
            {error !== null && <ErrorBox>{error}</ErrorBox>}
            {entries === null ? <Loading what="the audit log" /> : entries.length === 0 ? <Empty>No entries yet.</Empty> : (
                <div className="table-scroll"><table className="fields">
                    <thead><tr><th scope="col">Time</th><th scope="col">Actor</th><th scope="col">Action</th><th scope="col">Record</th><th scope="col">Changes</th></tr></thead>
                    <tbody>{entries.map((e) => (
                        <tr key={e.id}><td>{fmtTimeNs(e.timestamp_ns)}</td><td title={e.actor}>{shortPrincipal(e.actor)}</td><td>{e.action}</td><td>{e.entity} <code>{e.entity_id}</code></td>
                            <td className="small">{e.after === null ? '' : summarize(e)}</td></tr>
                    ))}</tbody>
                </table></div>
            )}
            {next !== null && <button type="button" onClick={() => void load(next)}>Load more</button>}
        </div>
    );
}

function summarize(e: AuditEntry): string {
    try {
        const changes = diffRecords(e.before, e.after!);
        const shown = changes.slice(0, 4).map((c) => c.field).join(', ');
        return `${changes.length} field${changes.length === 1 ? '' : 's'}${shown ? `: ${shown}` : ''}${changes.length > 4 ? ', …' : ''}`;
    } catch {
        return '';
    }
}
