import type { Result } from '../../shared/result';
import type { ChatError, ChatResponse } from '../../shared/chat/types';
import { RuntimeError } from './runtime.types';
import type { UpstreamReply } from './upstream-http';

const preview = (text: string): string => JSON.stringify(text.slice(0, 120));

/**
 * Maps an upstream reply through a wire decoder: the server's own error object → `upstream_error` (with its
 * message), anything undecodable → `upstream_bad_response` naming what was wrong, so an operator can tell a
 * misconfigured runtime from a broken one.
 */
export function decodeReply(reply: UpstreamReply, decode: (body: string) => Result<ChatResponse, ChatError>): ChatResponse {
    const decoded = decode(reply.text);
    if (decoded.ok) {
        if (reply.status >= 200 && reply.status <= 299) return decoded.value;
        throw new RuntimeError('upstream_bad_response', `runtime answered HTTP ${reply.status} with a result body`);
    }
    const e = decoded.error;
    if (e.code === 'upstream_error') throw new RuntimeError('upstream_error', `runtime answered HTTP ${reply.status}: ${e.message}`);
    if (reply.status < 200 || reply.status > 299) {
        throw new RuntimeError('upstream_error', `runtime answered HTTP ${reply.status}: ${preview(reply.text)}`);
    }
    throw new RuntimeError('upstream_bad_response', `runtime answer is not a valid chat response (${e.code} at ${e.path}: ${e.message}); body starts ${preview(reply.text)}`);
}
