import { decodeOpenAiResponse, encodeOpenAiRequest } from '../../shared/chat/openai';
import type { ChatRequest, ChatResponse } from '../../shared/chat/types';
import { decodeReply } from './decode-reply';
import { RuntimeError, type ChatRuntime, type RuntimeInfo } from './runtime.types';
import { upstreamRequest, type FetchFn } from './upstream-http';

export interface HttpRuntimeOptions {
    /** Base URL including the API prefix, e.g. `http://127.0.0.1:8000/v1` (OpenAI) or `http://127.0.0.1:11434` (Ollama). */
    upstream: string;
    fetch: FetchFn;
    /** Sent as `Authorization: Bearer` to the runtime (vLLM `--api-key`, llama-server `--api-key`). */
    apiKey?: string;
    maxResponseBytes: number;
}

const base = (url: string): string => url.replace(/\/+$/, '');

/** Any OpenAI-compatible server: vLLM, LMDeploy, llama-server, TensorRT-LLM, Ollama /v1 (outcalls.md §4.2). */
export function openAiRuntime(o: HttpRuntimeOptions): ChatRuntime {
    const headers = o.apiKey ? { authorization: `Bearer ${o.apiKey}` } : undefined;
    const info: RuntimeInfo = { kind: 'openai', target: base(o.upstream), version: null };
    return {
        info,
        async listModels(signal) {
            const reply = await upstreamRequest({ fetch: o.fetch, url: `${info.target}/models`, method: 'GET', headers, signal, maxBytes: o.maxResponseBytes });
            const data = (tryJson(reply.text) as { data?: Array<{ id?: unknown }> } | null)?.data;
            if (reply.status !== 200 || !Array.isArray(data)) throw new RuntimeError('upstream_bad_response', `GET /models answered HTTP ${reply.status} without a model list`);
            return data.map((m) => m.id).filter((id): id is string => typeof id === 'string');
        },
        async chat(request: ChatRequest, signal: AbortSignal): Promise<ChatResponse> {
            const wire = encodeOpenAiRequest(request);
            if (!wire.ok) throw new RuntimeError('unsupported_request', wire.error.message);
            const reply = await upstreamRequest({ fetch: o.fetch, url: `${info.target}/chat/completions`, method: 'POST', body: wire.value, headers, signal, maxBytes: o.maxResponseBytes });
            return decodeReply(reply, decodeOpenAiResponse);
        },
        async close() {}
    };
}

export function tryJson(text: string): unknown {
    try {
        return JSON.parse(text);
    } catch {
        return null;
    }
}
