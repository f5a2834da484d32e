/**
 * The server side of Ollama `/api/chat` (see ollama.ts for the client side). Ollama keeps no tool-call ids, so
 * reading a request numbers the calls `call_0`, `call_1`, … across the conversation and links each tool
 * result to the earliest unanswered call with its `tool_name` (or the earliest unanswered call at all).
 */
import { chatError } from './chat-error';
import { isJsonObject } from './json-value';
import { dropUndefined, type ResponseMeta } from './openai-server';
import { err, type Result } from '../result';
import type { ChatError, ChatRequest, ChatResponse } from './types';
import { validateChatRequest } from './validate';
import { parseJsonBody, WireReader } from './wire-reader';

export function decodeOllamaRequest(body: string): Result<ChatRequest, ChatError> {
  const parsed = parseJsonBody(body);
  if (!parsed.ok) return parsed;
  const top = parsed.value;
  const r = new WireReader();
  if (top['stream'] !== false) return err(chatError('unsupported', '$.stream', 'Ollama streams unless "stream": false is sent'));
  const pending: { id: string; name: unknown }[] = [];
  let next = 0;
  const raw = r.array(r.field(top, 'messages', '$'), '$.messages', Number.MAX_SAFE_INTEGER, 'messages');
  const messages = raw.map((item, i) => {
    const m = r.object(item, `$.messages[${i}]`);
    if (m['role'] === 'tool') {
      const at = pending.findIndex((c) => m['tool_name'] === undefined || c.name === m['tool_name']);
      const call = at === -1 ? undefined : pending.splice(at, 1)[0];
      return { role: 'tool', toolCallId: call?.id ?? '', content: m['content'] };
    }
    if (m['role'] !== 'assistant') return { role: m['role'], content: m['content'] };
    const calls = Array.isArray(m['tool_calls']) ? m['tool_calls'] : [];
    const toolCalls = calls.map((c) => {
      const f = isJsonObject(c) && isJsonObject(c['function']) ? c['function'] : {};
      const id = `call_${next++}`;
      pending.push({ id, name: f['name'] });
      return { id, name: f['name'], arguments: f['arguments'] };
    });
    return { role: 'assistant', content: m['content'] === '' && toolCalls.length > 0 ? null : m['content'], toolCalls };
  });
  const tools = Array.isArray(top['tools']) ? top['tools'].map((t) => {
    const f = isJsonObject(t) && isJsonObject(t['function']) ? t['function'] : {};
    return { name: f['name'], description: f['description'], parameters: f['parameters'] };
  }) : undefined;
  const o = isJsonObject(top['options']) ? top['options'] : {};
  if (r.error !== null) return err(r.error);
  const params = dropUndefined({ maxTokens: o['num_predict'], temperature: o['temperature'], topP: o['top_p'], stop: o['stop'], seed: o['seed'] });
  return validateChatRequest({ model: top['model'], messages, tools, params });
}

/** A canonical response as a non-streamed `/api/chat` body; durations are zero (nothing was timed). */
export function encodeOllamaResponse(resp: ChatResponse, meta: ResponseMeta & { readonly createdAt: string }): Record<string, unknown> {
  const message: Record<string, unknown> = { role: 'assistant', content: resp.message.content ?? '' };
  if (resp.message.toolCalls.length > 0) {
    message['tool_calls'] = resp.message.toolCalls.map((c) => ({ function: { name: c.name, arguments: c.arguments } }));
  }
  const reason = resp.finishReason === 'length' ? 'length' : 'stop';
  const out: Record<string, unknown> = { model: meta.model, created_at: meta.createdAt, message, done: true, done_reason: reason };
  if (resp.usage !== null) {
    out['prompt_eval_count'] = resp.usage.inputTokens;
    out['eval_count'] = resp.usage.outputTokens;
  }
  return out;
}
