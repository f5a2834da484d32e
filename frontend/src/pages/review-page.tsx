/** Curators' review queue: pending proposals with their field diff; approve or reject with a reason. */
import { useCallback, useEffect, useState } from 'react';
import { Empty, ErrorBox, Loading } from '../components/states';
import { formatValue } from '../components/field-table';
import { useRegistry } from '../data/registry-context';
import { describeError } from '../ic/api-error';
import { listProposals, review, type Proposal } from '../ic/proposals-api';
import { useSession } from '../ic/session-context';
import { fmtTimeNs, shortPrincipal } from '../model/format';
import { diffRecords } from '../model/proposal-draft';

export function ReviewPage() {
    const session = useSession();
    const registry = useRegistry();
    const [status, setStatus] = useState<Proposal['status']>('pending');
    const [items, setItems] = useState<Proposal[] | null>(null);
    const [error, setError] = useState<string | null>(null);
    const [notice, setNotice] = useState<string | null>(null);
    const { actor } = session;
    const load = useCallback(async () => {
        if (actor === null) return;
        const r = await listProposals(actor, status, null);
        if (r.ok) { setItems(r.value.items); setError(null); } else setError(describeError(r.error));
    }, [actor, status]);
    useEffect(() => { setItems(null); void load(); }, [load]);

    const decide = async (p: Proposal, approve: boolean, reason: string) => {
        if (actor === null) return;
        const r = await review(actor, p.id, approve, reason);
        if (!r.ok) { setError(describeError(r.error)); return; }
        setNotice(`${approve ? 'Approved' : 'Rejected'} ${p.id} (${p.record_id}).`);
        if (approve) registry.reload();
        void load();
    };
    const isCurator = session.roles.includes('curator') || session.level === 'controller';
    return (
        <div>
            <h1>Review queue</h1>
            {!session.signedIn ? <p>Sign in to see proposals. Curators approve or reject them.</p> : !isCurator && <p className="muted">You can see proposals; only curators can approve or reject them.</p>}
            <label>Status <select value={status} onChange={(e) => setStatus(e.target.value as Proposal['status'])}><option>pending</option><option>approved</option><option>rejected</option></select></label>
            {notice !== null && <p role="status" className="ok">{notice}</p>}
            {error !== null && <ErrorBox>{error}</ErrorBox>}
            {items === null ? <Loading what="proposals" /> : items.length === 0 ? <Empty>No {status} proposals.</Empty> : (
                <ul className="proposals">{items.map((p) => <ProposalCard key={p.id} p={p} canDecide={isCurator && p.status === 'pending'} decide={decide} />)}</ul>
            )}
        </div>
    );
}

function ProposalCard({ p, canDecide, decide }: { p: Proposal; canDecide: boolean; decide(p: Proposal, approve: boolean, reason: string): Promise<void> }) {
    const [reason, setReason] = useState('');
    const changes = diffRecords(p.base_json, p.record_json);
    return (
        <li className="proposal" data-testid={`proposal-${p.id}`}>
            <h2>{p.action} {p.kind} <code>{p.record_id}</code> <span className={`badge ${p.status}`}>{p.status}</span></h2>
            <p className="muted small">{p.id} by <span title={p.proposer}>{shortPrincipal(p.proposer)}</span> at {fmtTimeNs(p.created_ns)}{p.reviewer !== null && <> · reviewed by {shortPrincipal(p.reviewer)}</>}</p>
            {p.comment !== null && <p>“{p.comment}”</p>}
            {p.review_reason !== null && <p className="muted">Reason: {p.review_reason}</p>}
            <details open={changes.length <= 12}>
                <summary>{changes.length} changed field{changes.length === 1 ? '' : 's'}</summary>
                <div className="table-scroll"><table className="fields diff">
                    <thead><tr><th scope="col">Field</th><th scope="col">Before</th><th scope="col">After</th></tr></thead>
                    <tbody>{changes.map((c) => <tr key={c.field}><th scope="row"><code>{c.field}</code></th><td className="before">{c.before === undefined ? '' : formatValue(c.before)}</td><td className="after">{c.after === undefined ? '(removed)' : formatValue(c.after)}</td></tr>)}</tbody>
                </table></div>
            </details>
            {canDecide && (
                <form className="decide" onSubmit={(e) => e.preventDefault()}>
                    <label>Reason <input value={reason} maxLength={1024} onChange={(e) => setReason(e.target.value)} placeholder="optional" /></label>
                    <button type="button" className="primary" onClick={() => void decide(p, true, reason)}>Approve</button>
                    <button type="button" className="danger" onClick={() => void decide(p, false, reason)}>Reject</button>
                </form>
            )}
        </li>
    );
}
