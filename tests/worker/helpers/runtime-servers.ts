import type { ChatRequest } from '../../../src/shared/chat/types';
import type { LlamaRuntime } from '../../../src/worker';
import { startServer, type TestServer } from './http-servers';

/**
 * Real llama.cpp behind the two upstream wire formats the gateway speaks, so the OpenAI and Ollama runtimes are
 * tested against real generations: OpenAI `/v1/chat/completions` (with the per-response fields real servers add:
 * id, created, system_fingerprint, timings) and Ollama `/api/chat` (created_at, durations).
 */
export function openAiLlamaServer(runtime: LlamaRuntime): Promise<TestServer> {
    let n = 0;
    return startServer(async (req, body, res) => {
        if (req.method === 'GET' && req.url === '/v1/models') return void res.end(JSON.stringify({ object: 'list', data: [{ id: 'tiny', object: 'model' }] }));
        const w = JSON.parse(body);
        const out = await runtime.chat(toCanonical(w.model, w.messages, { maxTokens: w.max_tokens, temperature: w.temperature, seed: w.seed }), new AbortController().signal);
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({
            id: `chatcmpl-${++n}`, object: 'chat.completion', created: Date.now(), model: w.model, system_fingerprint: `fp_${n}`,
            choices: [{ index: 0, message: { role: 'assistant', content: out.message.content }, finish_reason: out.finishReason }],
            usage: { prompt_tokens: out.usage?.inputTokens, completion_tokens: out.usage?.outputTokens, total_tokens: 0 },
            timings: { predicted_ms: Math.random() }
        }));
    });
}

export function ollamaLlamaServer(runtime: LlamaRuntime): Promise<TestServer> {
    return startServer(async (req, body, res) => {
        if (req.method === 'GET' && req.url === '/api/tags') return void res.end(JSON.stringify({ models: [{ name: 'tiny' }] }));
        const w = JSON.parse(body);
        const out = await runtime.chat(toCanonical(w.model, w.messages, { maxTokens: w.options.num_predict, temperature: w.options.temperature, seed: w.options.seed }), new AbortController().signal);
        res.end(JSON.stringify({
            model: w.model, created_at: new Date().toISOString(), message: { role: 'assistant', content: out.message.content },
            done: true, done_reason: out.finishReason === 'length' ? 'length' : 'stop', total_duration: Math.round(Math.random() * 1e9),
            prompt_eval_count: out.usage?.inputTokens, eval_count: out.usage?.outputTokens
        }));
    });
}

function toCanonical(model: string, messages: Array<{ role: string; content: string }>, params: ChatRequest['params']): ChatRequest {
    return {
        model,
        messages: messages.map((m) => (m.role === 'assistant' ? { role: 'assistant', content: m.content, toolCalls: [] } : { role: m.role as 'user', content: m.content })),
        params
    };
}
