/**
 * The server side of OpenAI chat completions: read a request into the canonical model and write a canonical
 * response as a chat completion. Used by the worker gateway and by test servers; the translator pair in
 * openai.ts is the router's (client) side.
 */
import { chatError } from './chat-error';
import { isJsonObject } from './json-value';
import { encodeToolCall, readArguments } from './openai';
import { err, type Result } from '../result';
import type { ChatError, ChatRequest, ChatResponse, FinishReason } from './types';
import { validateChatRequest } from './validate';
import { parseJsonBody, WireReader } from './wire-reader';

/** Per-response fields the caller supplies (no clock or randomness in here). */
export interface ResponseMeta {
  readonly id: string;
  readonly model: string;
  /** Unix seconds. */
  readonly created: number;
}

/**
 * Reads a `/v1/chat/completions` body. `developer` is read as `system`; text-part arrays are joined; `stop` may
 * be a string; `max_completion_tokens` stands in for `max_tokens`, one of which is required; `stream: true`
 * is refused. The result then passes validateChatRequest, so every canonical bound applies.
 */
export function decodeOpenAiRequest(body: string): Result<ChatRequest, ChatError> {
  const parsed = parseJsonBody(body);
  if (!parsed.ok) return parsed;
  const top = parsed.value;
  const r = new WireReader();
  if (top['stream'] === true) return err(chatError('unsupported', '$.stream', 'streaming is not supported; send "stream": false'));
  const rawMessages = r.array(r.field(top, 'messages', '$'), '$.messages', Number.MAX_SAFE_INTEGER, 'messages');
  const messages = rawMessages.map((item, i) => {
    const path = `$.messages[${i}]`;
    const m = r.object(item, path);
    const role = m['role'] === 'developer' ? 'system' : m['role'];
    const content = Array.isArray(m['content'])
      ? m['content'].map((p) => (isJsonObject(p) && p['type'] === 'text' ? p['text'] : '')).join('')
      : m['content'];
    if (role === 'tool') return { role, toolCallId: m['tool_call_id'], content };
    if (role !== 'assistant') return { role, content };
    const calls = m['tool_calls'] === undefined || m['tool_calls'] === null ? [] : r.array(m['tool_calls'], `${path}.tool_calls`, Number.MAX_SAFE_INTEGER, 'tool_calls');
    const toolCalls = calls.map((c, j) => {
      const call = r.object(c, `${path}.tool_calls[${j}]`);
      const f = r.object(call['function'], `${path}.tool_calls[${j}].function`);
      return { id: call['id'], name: f['name'], arguments: readArguments(r, f['arguments'], `${path}.tool_calls[${j}].function.arguments`) };
    });
    return { role, content: content === '' && toolCalls.length > 0 ? null : content ?? null, toolCalls };
  });
  const tools = top['tools'] === undefined ? undefined : r.array(top['tools'], '$.tools', Number.MAX_SAFE_INTEGER, 'tools').map((t, i) => {
    const f = r.object(r.object(t, `$.tools[${i}]`)['function'], `$.tools[${i}].function`);
    return { name: f['name'], description: f['description'], parameters: f['parameters'] };
  });
  if (r.error !== null) return err(r.error);
  const stop = typeof top['stop'] === 'string' ? [top['stop']] : top['stop'] ?? undefined;
  const params = {
    maxTokens: top['max_tokens'] ?? top['max_completion_tokens'],
    temperature: top['temperature'] ?? undefined,
    topP: top['top_p'] ?? undefined,
    stop,
    seed: top['seed'] ?? undefined,
  };
  return validateChatRequest({ model: top['model'], messages, tools, params: dropUndefined(params) });
}

const FINISH_OUT: Readonly<Record<FinishReason, string | null>> = {
  stop: 'stop', length: 'length', tool_calls: 'tool_calls', content_filter: 'content_filter', unknown: null,
};

/** A canonical response as a chat completion body (object; the caller serializes it). */
export function encodeOpenAiResponse(resp: ChatResponse, meta: ResponseMeta): Record<string, unknown> {
  const message: Record<string, unknown> = { role: 'assistant', content: resp.message.content };
  if (resp.message.toolCalls.length > 0) message['tool_calls'] = resp.message.toolCalls.map(encodeToolCall);
  const out: Record<string, unknown> = {
    id: meta.id, object: 'chat.completion', created: meta.created, model: meta.model,
    choices: [{ index: 0, message, finish_reason: FINISH_OUT[resp.finishReason] }],
  };
  if (resp.usage !== null) {
    const { inputTokens, outputTokens } = resp.usage;
    out['usage'] = { prompt_tokens: inputTokens, completion_tokens: outputTokens, total_tokens: inputTokens + outputTokens };
  }
  return out;
}

/** Drops undefined-valued keys so optional canonical fields stay absent. */
export function dropUndefined(obj: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined));
}
