/** Chat placeholder until the router methods are in the backend interface. */
import { BACKEND_METHODS } from '../ic/backend-actor';
import type { Route } from '../routing/hash-route';

export function ChatPage(_: { route: Route }) {
    if (!BACKEND_METHODS.has('chat')) return <div><h1>Chat</h1><p role="status">Chat is not available: this backend has no chat router yet.</p></div>;
    return <div><h1>Chat</h1></div>;
}
