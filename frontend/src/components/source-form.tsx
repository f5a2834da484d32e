/** A small form that appends a source to the record being edited (so a contributor need not write that JSON). */
import { useState } from 'react';
import { addSource } from '../model/proposal-draft';

export function SourceForm({ text, onText }: { text: string; onText(next: string): void }) {
    const [url, setUrl] = useState('');
    const [title, setTitle] = useState('');
    const [accessed, setAccessed] = useState(() => new Date().toISOString().slice(0, 10));
    const [error, setError] = useState<string | null>(null);
    const add = () => {
        const r = addSource(text, { url, title, accessed });
        if (!r.ok) { setError(r.message); return; }
        setError(null);
        setUrl('');
        setTitle('');
        onText(r.text);
    };
    return (
        <fieldset className="source-form">
            <legend>Add a source</legend>
            <label>URL <input name="source-url" type="url" value={url} maxLength={2048} onChange={(e) => setUrl(e.target.value)} placeholder="https://…" /></label>
            <label>Title <input name="source-title" value={title} maxLength={256} onChange={(e) => setTitle(e.target.value)} /></label>
            <label>Accessed <input name="source-accessed" type="date" value={accessed} onChange={(e) => setAccessed(e.target.value)} /></label>
            <button type="button" onClick={add}>Add source</button>
            {error !== null && <span role="alert" className="error-inline">{error}</span>}
        </fieldset>
    );
}
