/**
 * The server side of Anthropic Messages (see anthropic.ts for the client side): a request's top-level
 * `system` becomes the first message; each user turn is split back into tool results (first) and text;
 * each assistant turn into text plus tool calls.
 */
import { isJsonObject } from './json-value';
import { dropUndefined, type ResponseMeta } from './openai-server';
import { err, type Result } from '../result';
import type { ChatError, ChatRequest, ChatResponse, FinishReason } from './types';
import { validateChatRequest } from './validate';
import { parseJsonBody, WireReader } from './wire-reader';

const textOf = (content: unknown): unknown => (Array.isArray(content)
  ? content.map((b) => (isJsonObject(b) && b['type'] === 'text' ? b['text'] : '')).join('')
  : content);

export function decodeAnthropicRequest(body: string): Result<ChatRequest, ChatError> {
  const parsed = parseJsonBody(body);
  if (!parsed.ok) return parsed;
  const top = parsed.value;
  const r = new WireReader();
  const messages: unknown[] = top['system'] === undefined ? [] : [{ role: 'system', content: textOf(top['system']) }];
  const turns = r.array(r.field(top, 'messages', '$'), '$.messages', Number.MAX_SAFE_INTEGER, 'messages');
  turns.forEach((item, i) => {
    const t = r.object(item, `$.messages[${i}]`);
    const blocks = typeof t['content'] === 'string' ? [{ type: 'text', text: t['content'] }] : r.array(t['content'], `$.messages[${i}].content`, Number.MAX_SAFE_INTEGER, 'blocks');
    const objs = blocks.filter(isJsonObject);
    if (t['role'] === 'assistant') {
      const texts = objs.filter((b) => b['type'] === 'text').map((b) => b['text']);
      const toolCalls = objs.filter((b) => b['type'] === 'tool_use').map((b) => ({ id: b['id'], name: b['name'], arguments: b['input'] }));
      messages.push({ role: 'assistant', content: texts.length === 0 ? null : texts.join(''), toolCalls });
      return;
    }
    for (const b of objs) {
      if (b['type'] === 'tool_result') messages.push({ role: 'tool', toolCallId: b['tool_use_id'], content: textOf(b['content']) });
      else if (b['type'] === 'text') messages.push({ role: t['role'], content: b['text'] });
    }
  });
  const tools = Array.isArray(top['tools']) ? top['tools'].filter(isJsonObject).map((t) => ({ name: t['name'], description: t['description'], parameters: t['input_schema'] })) : undefined;
  if (r.error !== null) return err(r.error);
  const params = dropUndefined({ maxTokens: top['max_tokens'], temperature: top['temperature'], topP: top['top_p'], stop: top['stop_sequences'] });
  return validateChatRequest({ model: top['model'], messages, tools, params });
}

const STOP_OUT: Readonly<Record<FinishReason, string | null>> = {
  stop: 'end_turn', length: 'max_tokens', tool_calls: 'tool_use', content_filter: 'refusal', unknown: null,
};

export function encodeAnthropicResponse(resp: ChatResponse, meta: Omit<ResponseMeta, 'created'>): Record<string, unknown> {
  const content: Record<string, unknown>[] = [];
  if (resp.message.content !== null && resp.message.content !== '') content.push({ type: 'text', text: resp.message.content });
  for (const c of resp.message.toolCalls) content.push({ type: 'tool_use', id: c.id, name: c.name, input: c.arguments });
  return {
    id: meta.id, type: 'message', role: 'assistant', model: meta.model, content,
    stop_reason: STOP_OUT[resp.finishReason], stop_sequence: null,
    usage: { input_tokens: resp.usage?.inputTokens ?? 0, output_tokens: resp.usage?.outputTokens ?? 0 },
  };
}
