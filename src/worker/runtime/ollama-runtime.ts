import { decodeOllamaResponse, encodeOllamaRequest } from '../../shared/chat/ollama';
import type { ChatRequest, ChatResponse } from '../../shared/chat/types';
import { decodeReply } from './decode-reply';
import { tryJson, type HttpRuntimeOptions } from './openai-runtime';
import { RuntimeError, type ChatRuntime, type RuntimeInfo } from './runtime.types';
import { upstreamRequest } from './upstream-http';

/** Ollama's native API: `POST /api/chat` with `stream: false`, `GET /api/tags` (outcalls.md §4.2). */
export function ollamaRuntime(o: HttpRuntimeOptions): ChatRuntime {
    const headers = o.apiKey ? { authorization: `Bearer ${o.apiKey}` } : undefined;
    const info: RuntimeInfo = { kind: 'ollama', target: o.upstream.replace(/\/+$/, ''), version: null };
    return {
        info,
        async listModels(signal) {
            const reply = await upstreamRequest({ fetch: o.fetch, url: `${info.target}/api/tags`, method: 'GET', headers, signal, maxBytes: o.maxResponseBytes });
            const models = (tryJson(reply.text) as { models?: Array<{ name?: unknown }> } | null)?.models;
            if (reply.status !== 200 || !Array.isArray(models)) throw new RuntimeError('upstream_bad_response', `GET /api/tags answered HTTP ${reply.status} without a model list`);
            return models.map((m) => m.name).filter((n): n is string => typeof n === 'string');
        },
        async chat(request: ChatRequest, signal: AbortSignal): Promise<ChatResponse> {
            const wire = encodeOllamaRequest(request);
            if (!wire.ok) throw new RuntimeError('unsupported_request', wire.error.message);
            const reply = await upstreamRequest({ fetch: o.fetch, url: `${info.target}/api/chat`, method: 'POST', body: wire.value, headers, signal, maxBytes: o.maxResponseBytes });
            return decodeReply(reply, decodeOllamaResponse);
        },
        async close() {}
    };
}
