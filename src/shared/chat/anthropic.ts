/**
 * Canonical ⇄ Anthropic Messages `POST /v1/messages` (outcalls.md §4.3), also served by vLLM and LMDeploy.
 * - Every system message moves to the top-level `system` string (joined by a blank line): the API has no
 *   system role.
 * - `max_tokens` is required (canonical params always carry it); `seed` does not exist and is dropped;
 *   temperatures above 1 are refused rather than silently clamped.
 * - Tool results become `tool_result` blocks in a user turn; consecutive same-role turns are merged; the first
 *   turn must be a user turn, or the request is refused (we do not invent a message).
 */
import { chatError } from './chat-error';
import { CHAT_LIMITS } from './chat-limits.constants';
import type { JsonValue } from './json-value';
import { err, ok, type Result } from '../result';
import { toJsonSchema, type JsonSchemaObject } from './tool-schema';
import type { ChatError, ChatRequest, ChatResponse, FinishReason, ToolCall } from './types';
import { parseResponseBody } from './upstream-error';
import { checkArguments, readToolName } from './validate';
import { WireReader } from './wire-reader';
import { readUsage } from './openai';

/** Anthropic's temperature range is [0, 1]. */
export const ANTHROPIC_MAX_TEMPERATURE = 1;

export type AnthropicBlock =
  | { type: 'text'; text: string }
  | { type: 'tool_use'; id: string; name: string; input: Record<string, JsonValue> }
  | { type: 'tool_result'; tool_use_id: string; content: string };

export interface AnthropicMessage {
  role: 'user' | 'assistant';
  content: string | AnthropicBlock[];
}

export interface AnthropicTool {
  name: string;
  description?: string;
  input_schema: JsonSchemaObject;
}

export interface AnthropicRequest {
  model: string;
  max_tokens: number;
  system?: string;
  messages: AnthropicMessage[];
  tools?: AnthropicTool[];
  temperature?: number;
  top_p?: number;
  stop_sequences?: string[];
}

export function encodeAnthropicRequest(req: ChatRequest): Result<AnthropicRequest, ChatError> {
  const p = req.params;
  if (p.temperature !== undefined && p.temperature > ANTHROPIC_MAX_TEMPERATURE) {
    return err(chatError('unsupported', '$.params.temperature', `Anthropic accepts temperature in [0, ${ANTHROPIC_MAX_TEMPERATURE}]; got ${p.temperature}`));
  }
  const system: string[] = [];
  const turns: { role: 'user' | 'assistant'; blocks: AnthropicBlock[] }[] = [];
  const push = (role: 'user' | 'assistant', blocks: AnthropicBlock[]): void => {
    const last = turns[turns.length - 1];
    if (last !== undefined && last.role === role) last.blocks.push(...blocks);
    else turns.push({ role, blocks });
  };
  for (const m of req.messages) {
    if (m.role === 'system') system.push(m.content);
    else if (m.role === 'user') push('user', [{ type: 'text', text: m.content }]);
    else if (m.role === 'tool') push('user', [{ type: 'tool_result', tool_use_id: m.toolCallId, content: m.content }]);
    else {
      const blocks: AnthropicBlock[] = m.content === null || (m.content === '' && m.toolCalls.length > 0) ? [] : [{ type: 'text', text: m.content }];
      for (const c of m.toolCalls) blocks.push({ type: 'tool_use', id: c.id, name: c.name, input: { ...c.arguments } });
      push('assistant', blocks);
    }
  }
  if (turns[0]?.role !== 'user') {
    return err(chatError('unsupported', '$.messages', 'Anthropic needs at least one non-system message, and the first must be from the user'));
  }
  const messages = turns.map(({ role, blocks }): AnthropicMessage => {
    const only = blocks[0];
    return { role, content: blocks.length === 1 && only?.type === 'text' ? only.text : blocks };
  });
  const out: Partial<AnthropicRequest> = { model: req.model, max_tokens: p.maxTokens };
  if (system.length > 0) out.system = system.join('\n\n');
  out.messages = messages;
  if (req.tools !== undefined && req.tools.length > 0) {
    out.tools = req.tools.map((t) => t.description === undefined
      ? { name: t.name, input_schema: toJsonSchema(t.parameters) }
      : { name: t.name, description: t.description, input_schema: toJsonSchema(t.parameters) });
  }
  if (p.temperature !== undefined) out.temperature = p.temperature;
  if (p.topP !== undefined) out.top_p = p.topP;
  if (p.stop !== undefined && p.stop.length > 0) out.stop_sequences = [...p.stop];
  return ok(out as AnthropicRequest);
}

const FINISH: Readonly<Record<string, FinishReason>> = {
  end_turn: 'stop', stop_sequence: 'stop', max_tokens: 'length', tool_use: 'tool_calls', refusal: 'content_filter',
};

/**
 * Reads a Messages response. Text blocks are joined; `tool_use` blocks become tool calls; other block types
 * (thinking, redacted_thinking, server tools) are skipped. `pause_turn` and unknown stop reasons are `unknown`.
 * Input tokens are `input_tokens` plus the cache-creation and cache-read counts when present.
 */
export function decodeAnthropicResponse(body: string): Result<ChatResponse, ChatError> {
  const parsed = parseResponseBody(body);
  if (!parsed.ok) return parsed;
  const top = parsed.value;
  const r = new WireReader();
  if (top['type'] !== undefined && top['type'] !== 'message') r.fail(chatError('invalid_value', '$.type', 'type must be "message"'));
  const blocks = r.array(r.field(top, 'content', '$'), '$.content', CHAT_LIMITS.MAX_MESSAGES + CHAT_LIMITS.MAX_TOOL_CALLS_PER_MESSAGE, 'content blocks');
  const texts: string[] = [];
  const toolCalls: ToolCall[] = [];
  blocks.forEach((item, i) => {
    const p = `$.content[${i}]`;
    const b = r.object(item, p);
    const type = r.string(r.field(b, 'type', p), `${p}.type`, 64, 'block type');
    if (type === 'text') texts.push(r.string(r.field(b, 'text', p), `${p}.text`, CHAT_LIMITS.MAX_RESPONSE_CONTENT_BYTES, 'MAX_RESPONSE_CONTENT_BYTES'));
    if (type === 'tool_use') {
      if (toolCalls.length >= CHAT_LIMITS.MAX_TOOL_CALLS_PER_MESSAGE) {
        r.fail(chatError('limit_exceeded', p, `more than MAX_TOOL_CALLS_PER_MESSAGE = ${CHAT_LIMITS.MAX_TOOL_CALLS_PER_MESSAGE} tool calls`));
      }
      const id = r.string(r.field(b, 'id', p), `${p}.id`, CHAT_LIMITS.MAX_TOOL_CALL_ID_BYTES, 'MAX_TOOL_CALL_ID_BYTES');
      const name = readToolName(r, r.field(b, 'name', p), `${p}.name`);
      toolCalls.push({ id, name, arguments: checkArguments(r, r.field(b, 'input', p), `${p}.input`) });
    }
  });
  const content = texts.join('');
  r.string(content, '$.content', CHAT_LIMITS.MAX_RESPONSE_CONTENT_BYTES, 'MAX_RESPONSE_CONTENT_BYTES');
  const rawReason = top['stop_reason'];
  if (rawReason !== undefined && rawReason !== null && typeof rawReason !== 'string') r.wrongType('a string', rawReason, '$.stop_reason');
  const finishReason: FinishReason = typeof rawReason === 'string' ? FINISH[rawReason] ?? 'unknown' : 'unknown';
  const base = readUsage(r, top['usage'], '$.usage', 'input_tokens', 'output_tokens');
  let usage = base;
  if (base !== null) {
    const u = top['usage'] as Record<string, unknown>;
    const extra = (key: string): number => (typeof u[key] === 'number' ? r.count(u[key], `$.usage.${key}`, CHAT_LIMITS.MAX_USAGE_TOKENS, 'MAX_USAGE_TOKENS') : 0);
    usage = { inputTokens: base.inputTokens + extra('cache_creation_input_tokens') + extra('cache_read_input_tokens'), outputTokens: base.outputTokens };
  }
  if (r.error !== null) return err(r.error);
  const text = texts.length === 0 && toolCalls.length > 0 ? null : content;
  return ok({ message: { role: 'assistant', content: text, toolCalls }, finishReason, usage });
}
