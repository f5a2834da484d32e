/**
 * Chat with the agent: conversations and history, a route picker (auto, the LLM canister, a specific worker),
 * answers labelled with their route and cited registry records, clear errors that keep the typed message,
 * and today's usage against the quota. Needs sign-in (the router bills per principal).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Empty, ErrorBox, Loading } from '../components/states';
import { BACKEND_METHODS } from '../ic/backend-actor';
import { approvedWorkers, askAgent, deleteConversation, getMessages, listConversations, myUsage, type Citation, type Conversation, type StoredMessage, type Usage, type WorkerChoice } from '../ic/chat-api';
import { useSession } from '../ic/session-context';
import { citationHref, describeRoute, fmtCycles, MAX_MESSAGE_BYTES, messageBytes, modelChoices, parseRoutePick, type RouteLabel } from '../model/chat-view';
import { LLM_CANISTER_MODELS } from '../../../src/shared/chat/llm-canister-limits';
import { formatHash, type Route } from '../routing/hash-route';
import { fmtNum } from '../model/format';
import { navigate, useQueryUpdater } from '../routing/use-route';

interface Shown extends StoredMessage { citations?: Citation[] }

export function ChatPage({ route }: { route: Route }) {
    const session = useSession();
    if (!BACKEND_METHODS.has('ask_agent')) return <div><h1>Chat</h1><p role="status">Chat is not available: this backend has no chat router.</p></div>;
    if (!session.signedIn) return <div><h1>Chat</h1><p>Sign in with Internet Identity to ask the agent. Anyone can browse the registry without signing in.</p></div>;
    return <ChatView route={route} />;
}

function ChatView({ route }: { route: Route }) {
    const { actor } = useSession();
    const update = useQueryUpdater();
    const conversationId = route.segments[1] ?? null;
    const pick = route.query.get('route');
    const routePick = parseRoutePick(pick);
    const [conversations, setConversations] = useState<Conversation[] | null>(null);
    const [messages, setMessages] = useState<Shown[]>([]);
    const [workers, setWorkers] = useState<WorkerChoice[]>([]);
    const [usage, setUsage] = useState<Usage | null>(null);
    const [text, setText] = useState('');
    const [busy, setBusy] = useState(false);
    const [error, setError] = useState<string | null>(null);
    // A conversation this page just created: its messages are already shown (with citations), so no reload.
    const created = useRef<string | null>(null);

    const refresh = useCallback(async () => {
        if (actor === null) return;
        const [c, u] = await Promise.all([listConversations(actor), myUsage(actor)]);
        if (c.ok) setConversations(c.value); else setError(c.message);
        if (u.ok) setUsage(u.value);
    }, [actor]);
    useEffect(() => { void refresh(); if (actor) void approvedWorkers(actor).then(setWorkers); }, [actor, refresh]);
    useEffect(() => {
        if (actor === null || conversationId === null) { setMessages([]); return; }
        if (created.current === conversationId) return;
        void getMessages(actor, conversationId).then((r) => (r.ok ? setMessages(r.value) : setError(r.message)));
    }, [actor, conversationId]);

    const models = modelChoices(routePick, LLM_CANISTER_MODELS, workers);
    // A worker serves only its own models: default to its first; elsewhere the router's default is fine.
    const askedModel = route.query.get('model') ?? '';
    const model = models.includes(askedModel) ? askedModel : routePick.kind === 'worker' ? models[0] ?? '' : '';
    const bytes = messageBytes(text);
    const tooLong = bytes > MAX_MESSAGE_BYTES;
    const send = async () => {
        if (actor === null || text.trim() === '' || tooLong) return;
        setBusy(true);
        setError(null);
        const r = await askAgent(actor, { conversationId, message: text, model: model === '' ? null : model, route: routePick });
        setBusy(false);
        if (!r.ok) { setError(r.message); return; } // the typed message stays in the composer
        const now = BigInt(Date.now()) * 1_000_000n;
        setMessages((m) => [...m, { index: m.length, role: 'user', content: text, created_ns: now, route: null },
            { index: m.length + 1, role: 'assistant', content: r.value.content, created_ns: now, route: r.value.route, citations: r.value.citations }]);
        setText('');
        if (r.value.conversationId !== conversationId) {
            created.current = r.value.conversationId;
            window.history.replaceState(null, '', formatHash(['chat', r.value.conversationId], route.query));
            window.dispatchEvent(new HashChangeEvent('hashchange'));
        }
        void refresh();
    };

    const remove = async () => {
        if (actor === null || conversationId === null) return;
        const r = await deleteConversation(actor, conversationId);
        if (!r.ok) { setError(r.message); return; }
        navigate(['chat'], { route: pick ?? undefined });
        void refresh();
    };

    return (
        <div>
            <h1>Ask the agent</h1>
            {usage !== null && <p className="muted small" data-testid="usage">Today: {usage.requests} of {usage.limits.requests_per_day} requests · {fmtNum(Number(usage.tokens))} of {fmtNum(Number(usage.limits.tokens_per_day))} tokens · {fmtCycles(usage.cycles)} of {fmtCycles(usage.limits.cycles_per_day)} cycles</p>}
            <div className="chat">
                <nav aria-label="Conversations">
                    <button type="button" onClick={() => navigate(['chat'], { route: pick ?? undefined })}>New conversation</button>
                    {conversationId !== null && <button type="button" className="danger-link" onClick={() => void remove()}>Delete this conversation</button>}
                    {conversations === null ? <Loading what="conversations" /> : conversations.length === 0 ? <Empty>No conversations yet.</Empty> : (
                        <ul className="chat-list">{conversations.map((c) => (
                            <li key={c.id}><a href={formatHash(['chat', c.id], { route: pick ?? undefined })} aria-current={c.id === conversationId ? 'page' : undefined}>{c.title || c.id} <span className="muted small">({c.message_count})</span></a></li>
                        ))}</ul>
                    )}
                </nav>
                <section aria-label="Messages">
                    <ol className="messages" aria-live="polite">
                        {messages.map((m) => <Message key={`${m.index}-${m.role}`} m={m} />)}
                    </ol>
                    {messages.length === 0 && <Empty>Ask about accelerators, runtimes or models: the agent looks them up in the registry and cites the records it used.</Empty>}
                    <form className="composer" onSubmit={(e) => { e.preventDefault(); void send(); }}>
                        <div className="controls">
                            <label>Route <select name="route" value={pick ?? 'auto'} onChange={(e) => update({ route: e.target.value === 'auto' ? undefined : e.target.value, model: undefined })}>
                                <option value="auto">Auto (router picks)</option>
                                <option value="llm">LLM canister (on-chain)</option>
                                {workers.map((w) => <option key={w.id} value={`worker:${w.id}`}>Worker {w.id} ({w.models.join(', ')})</option>)}
                            </select></label>
                            <label>Model <select name="model" value={model} onChange={(e) => update({ model: e.target.value || undefined })}>
                                {routePick.kind !== 'worker' && <option value="">Default</option>}
                                {models.map((m) => <option key={m} value={m}>{m}</option>)}
                            </select></label>
                        </div>
                        <label className="block">Message
                            <textarea name="message" rows={3} value={text} onChange={(e) => setText(e.target.value)} aria-invalid={tooLong}
                                onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); void send(); } }} />
                        </label>
                        <p className={tooLong ? 'error-inline' : 'muted small'}>{bytes} / {MAX_MESSAGE_BYTES} bytes · Ctrl+Enter sends</p>
                        <button type="submit" className="primary" disabled={busy || tooLong || text.trim() === '' || actor === null}>{busy ? 'Thinking…' : 'Send'}</button>
                    </form>
                    {error !== null && <ErrorBox>{error}</ErrorBox>}
                </section>
            </div>
        </div>
    );
}

function Message({ m }: { m: Shown }) {
    return (
        <li className={`message ${m.role}`} data-testid={`message-${m.role}`}>
            <span className="sr-only">{m.role === 'user' ? 'You' : 'Agent'}: </span>{m.content}
            {m.route !== null && <RouteInfo r={m.route} />}
            {m.citations !== undefined && m.citations.length > 0 && (
                <div className="citations small">Registry records: {m.citations.map((c, i) => {
                    const href = citationHref(c.kind, c.id);
                    return <span key={`${c.kind}/${c.id}`}>{i > 0 && ', '}{href === null ? `${c.name} (${c.kind})` : <a href={href}>{c.name}</a>}</span>;
                })}</div>
            )}
        </li>
    );
}

function RouteInfo({ r }: { r: RouteLabel }) {
    return <div className="route-label" data-testid="route-label">{describeRoute(r)}</div>;
}
