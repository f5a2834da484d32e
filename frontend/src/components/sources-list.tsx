/** A record's sources, numbered as field rows cite them. Links open in a new tab without a referrer. */
import type { Source } from '../../../src/shared/registry';

export function SourcesList({ sources }: { sources: readonly Source[] }) {
    if (sources.length === 0) return <p className="muted">No sources (measured by the submitter: the principal and time are its provenance).</p>;
    return (
        <ol className="sources">
            {sources.map((s, i) => (
                <li key={i} id={`source-${i + 1}`}>
                    <a href={s.url} target="_blank" rel="noreferrer noopener">{s.title}</a> <span className="muted">(accessed {s.accessed})</span>
                    {s.note !== undefined && <div className="muted">{s.note}</div>}
                </li>
            ))}
        </ol>
    );
}
