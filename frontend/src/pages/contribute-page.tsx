/** Contribute: signed-in users propose a new record or an edit (JSON with sources), validated before sending. */
import { useEffect, useState } from 'react';
import { ErrorBox } from '../components/states';
import { SourceForm } from '../components/source-form';
import { useRegistry } from '../data/registry-context';
import { describeError } from '../ic/api-error';
import { propose, submitBenchmark } from '../ic/proposals-api';
import { useSession } from '../ic/session-context';
import { blankRecord, COMMENT_MAX_CHARS, CONTRIBUTION_KINDS, DRAFT_MAX_CHARS, parseDraft, type ProposalKind } from '../model/proposal-draft';
import type { Route } from '../routing/hash-route';
import { useQueryUpdater } from '../routing/use-route';

export function ContributePage({ route }: { route: Route }) {
    const session = useSession();
    const { data, reload } = useRegistry();
    const update = useQueryUpdater();
    const kind: ProposalKind = (CONTRIBUTION_KINDS as readonly string[]).includes(route.query.get('kind') ?? '') ? (route.query.get('kind') as ProposalKind) : 'hardware';
    const id = route.query.get('id') ?? '';
    const existing = kind === 'hardware' ? data.hardware.find((h) => h.id === id) : kind === 'runtime' ? data.runtimes.find((r) => r.id === id) : kind === 'model' ? data.models.find((m) => m.id === id) : undefined;
    const [text, setText] = useState('');
    const [comment, setComment] = useState('');
    const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
    const [busy, setBusy] = useState(false);
    const [sent, setSent] = useState(false);

    // Reset the draft when the target changes or its record first loads, not when the registry reloads the same
    // record (a reload after sign-in must not wipe what the user typed).
    const loaded = existing !== undefined;
    useEffect(() => { setText(JSON.stringify(existing ?? blankRecord(kind), null, 2)); setSent(false); setMessage(null); }, [kind, id, loaded]); // eslint-disable-line react-hooks/exhaustive-deps

    if (!session.signedIn) return <div><h1>Contribute</h1><p>Sign in with Internet Identity to propose additions and edits. Curators review every proposal.</p></div>;
    const draft = parseDraft(kind, text);
    const submit = async () => {
        if (!draft.ok || session.actor === null) return;
        setBusy(true);
        const d = draft.draft;
        const r = d.kind === 'benchmark'
            ? await submitBenchmark(session.actor, d.record).then((x) => (x.ok ? { ok: true as const, text: `Benchmark result ${x.value} recorded.` } : x))
            : await propose(session.actor, d, comment).then((x) => (x.ok ? { ok: true as const, text: `Proposal ${x.value.id} (${x.value.action} ${x.value.record_id}) is waiting for a curator.` } : x));
        setBusy(false);
        if (r.ok) { setSent(true); setMessage({ ok: true, text: r.text }); if (d.kind === 'benchmark') reload(); }
        else setMessage({ ok: false, text: describeError(r.error) });
    };
    return (
        <div>
            <h1>{existing ? `Propose an edit to ${id}` : kind === 'benchmark' ? 'Submit a benchmark result' : 'Propose a new record'}</h1>
            <p className="muted">{kind === 'benchmark'
                ? 'Results are appended at once with you as the submitter. Measured results may omit sources; published and vendor-claimed ones need one.'
                : 'Curators review every proposal before it changes the registry. Cite a source for each fact (sources, and source_refs for individual fields).'}</p>
            <form className="contribute" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
                <label>Kind <select name="kind" value={kind} onChange={(e) => update({ kind: e.target.value, id: undefined })}>{CONTRIBUTION_KINDS.map((k) => <option key={k}>{k}</option>)}</select></label>
                <label className="block">Record (JSON; every record needs at least one source with url, title and accessed date)
                    <textarea name="record" spellCheck={false} rows={24} maxLength={DRAFT_MAX_CHARS} value={text} onChange={(e) => setText(e.target.value)} aria-invalid={!draft.ok} aria-describedby="draft-status" />
                </label>
                <SourceForm text={text} onText={setText} />
                <p id="draft-status" className={draft.ok ? 'ok small' : 'error-inline'}>{draft.ok ? 'Valid record.' : draft.message}</p>
                {kind !== 'benchmark' && <label className="block">Comment for the curator <input name="comment" maxLength={COMMENT_MAX_CHARS} value={comment} onChange={(e) => setComment(e.target.value)} placeholder="What changed and where it comes from" /></label>}
                <button type="submit" className="primary" disabled={!draft.ok || busy || sent || session.actor === null}>{busy ? 'Sending…' : session.actor === null ? 'Connecting…' : kind === 'benchmark' ? 'Submit result' : 'Submit proposal'}</button>
            </form>
            {message !== null && (message.ok ? <p role="status" className="ok" data-testid="proposal-status">{message.text}</p> : <ErrorBox>{message.text}</ErrorBox>)}
        </div>
    );
}
