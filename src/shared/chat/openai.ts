/**
 * Canonical ⇄ OpenAI chat completions (`POST /v1/chat/completions`; outcalls.md §4.1), the wire format of vLLM,
 * LMDeploy, llama.cpp server, TensorRT-LLM/Triton and Ollama's /v1. Requests use only the common subset of
 * §4.2 plus `tools`; responses are read leniently where those servers differ (see decodeOpenAiResponse).
 */
import { chatError } from './chat-error';
import { CHAT_LIMITS } from './chat-limits.constants';
import { canonicalJson, isJsonObject, type JsonValue } from './json-value';
import { err, ok, type Result } from '../result';
import { toFunctionTool, type FunctionTool } from './tool-schema';
import type { AssistantMessage, ChatError, ChatMessage, ChatRequest, ChatResponse, FinishReason, TokenUsage, ToolCall } from './types';
import { detectUpstreamError } from './upstream-error';
import { checkArguments, readToolName } from './validate';
import { parseJsonBody, WireReader } from './wire-reader';

export interface OpenAiToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export type OpenAiMessage =
  | { role: 'system' | 'user'; content: string }
  | { role: 'assistant'; content: string | null; tool_calls?: OpenAiToolCall[] }
  | { role: 'tool'; tool_call_id: string; content: string };

export interface OpenAiChatRequest {
  model: string;
  messages: OpenAiMessage[];
  tools?: FunctionTool[];
  max_tokens: number;
  temperature?: number;
  top_p?: number;
  stop?: string[];
  seed?: number;
  stream: false;
}

/** Never fails today; a Result like every other encoder so the router treats targets alike. */
export function encodeOpenAiRequest(req: ChatRequest): Result<OpenAiChatRequest, ChatError> {
  const p = req.params;
  // Keys are added in the order of the golden files.
  const out: Partial<OpenAiChatRequest> = { model: req.model, messages: req.messages.map(encodeMessage) };
  if (req.tools !== undefined && req.tools.length > 0) out.tools = req.tools.map(toFunctionTool);
  out.max_tokens = p.maxTokens;
  if (p.temperature !== undefined) out.temperature = p.temperature;
  if (p.topP !== undefined) out.top_p = p.topP;
  if (p.stop !== undefined && p.stop.length > 0) out.stop = [...p.stop];
  if (p.seed !== undefined) out.seed = p.seed;
  out.stream = false;
  return ok(out as OpenAiChatRequest);
}

function encodeMessage(m: ChatMessage): OpenAiMessage {
  switch (m.role) {
    case 'system':
    case 'user':
      return { role: m.role, content: m.content };
    case 'tool':
      return { role: 'tool', tool_call_id: m.toolCallId, content: m.content };
    case 'assistant':
      // An empty tool_calls array is rejected by some servers, so it is left out.
      return m.toolCalls.length === 0 ? { role: 'assistant', content: m.content } : { role: 'assistant', content: m.content, tool_calls: m.toolCalls.map(encodeToolCall) };
  }
}

export function encodeToolCall(c: ToolCall): OpenAiToolCall {
  return { id: c.id, type: 'function', function: { name: c.name, arguments: canonicalJson(c.arguments as JsonValue) } };
}

const FINISH: Readonly<Record<string, FinishReason>> = {
  stop: 'stop', length: 'length', tool_calls: 'tool_calls', function_call: 'tool_calls', content_filter: 'content_filter',
};

/**
 * Reads `choices[0]` of a chat completion body. Tolerated differences between servers:
 * - `content` null, absent, or an array of `{type:"text", text}` parts (joined); `""` beside tool calls is null;
 * - `tool_calls` absent, null or empty; a call's `id` absent (then `call_<index>`); `arguments` a JSON string
 *   (OpenAI), an empty string (= `{}`) or already an object;
 * - `finish_reason` null or unknown (→ `unknown`); `stop` with tool calls (vLLM) → `tool_calls`;
 * - `usage` absent or null (→ null); extra fields (`reasoning_content`, `timings`, `system_fingerprint`) ignored.
 */
export function decodeOpenAiResponse(body: string): Result<ChatResponse, ChatError> {
  const parsed = parseJsonBody(body);
  if (!parsed.ok) return parsed;
  return decodeOpenAiResponseValue(parsed.value);
}

export function decodeOpenAiResponseValue(top: Record<string, unknown>): Result<ChatResponse, ChatError> {
  const upstream = detectUpstreamError(top);
  if (upstream !== null) return err(upstream);
  const r = new WireReader();
  const choices = r.array(r.field(top, 'choices', '$'), '$.choices', Number.MAX_SAFE_INTEGER, 'choices');
  if (r.error === null && choices.length === 0) r.fail(chatError('missing_field', '$.choices[0]', 'choices is empty'));
  const choice = r.object(choices[0], '$.choices[0]');
  const msg = r.object(r.field(choice, 'message', '$.choices[0]'), '$.choices[0].message');
  const message = decodeAssistantMessage(r, msg, '$.choices[0].message');
  const rawFinish = choice['finish_reason'];
  if (rawFinish !== undefined && rawFinish !== null && typeof rawFinish !== 'string') r.wrongType('a string', rawFinish, '$.choices[0].finish_reason');
  let finishReason: FinishReason = typeof rawFinish === 'string' ? FINISH[rawFinish] ?? 'unknown' : 'unknown';
  if (finishReason === 'stop' && message.toolCalls.length > 0) finishReason = 'tool_calls';
  const usage = readUsage(r, top['usage'], '$.usage', 'prompt_tokens', 'completion_tokens');
  if (r.error !== null) return err(r.error);
  return ok({ message, finishReason, usage });
}

export function decodeAssistantMessage(r: WireReader, msg: Record<string, unknown>, path: string): AssistantMessage {
  const content = readContent(r, msg['content'], `${path}.content`);
  const rawCalls = msg['tool_calls'];
  const calls = rawCalls === undefined || rawCalls === null ? []
    : r.array(rawCalls, `${path}.tool_calls`, CHAT_LIMITS.MAX_TOOL_CALLS_PER_MESSAGE, 'MAX_TOOL_CALLS_PER_MESSAGE');
  const toolCalls = calls.map((item, i): ToolCall => {
    const p = `${path}.tool_calls[${i}]`;
    const c = r.object(item, p);
    const id = c['id'] === undefined || c['id'] === null ? `call_${i}` : r.string(c['id'], `${p}.id`, CHAT_LIMITS.MAX_TOOL_CALL_ID_BYTES, 'MAX_TOOL_CALL_ID_BYTES');
    const f = r.object(r.field(c, 'function', p), `${p}.function`);
    const name = readToolName(r, r.field(f, 'name', `${p}.function`), `${p}.function.name`);
    const args = readArguments(r, r.field(f, 'arguments', `${p}.function`), `${p}.function.arguments`);
    return { id, name, arguments: args };
  });
  // Servers disagree on the text of a tool-call-only turn (vLLM null, Ollama ""): canonical is null.
  if (toolCalls.length > 0 && content === '') return { role: 'assistant', content: null, toolCalls };
  return { role: 'assistant', content: content === null && toolCalls.length === 0 ? '' : content, toolCalls };
}

function readContent(r: WireReader, value: unknown, path: string): string | null {
  if (Array.isArray(value)) {
    const parts = r.array(value, path, CHAT_LIMITS.MAX_MESSAGES, 'MAX_MESSAGES');
    const text = parts.map((part, i) => {
      const o = r.object(part, `${path}[${i}]`);
      return o['type'] === 'text' ? r.string(o['text'], `${path}[${i}].text`, CHAT_LIMITS.MAX_RESPONSE_CONTENT_BYTES, 'MAX_RESPONSE_CONTENT_BYTES') : '';
    }).join('');
    return r.string(text, path, CHAT_LIMITS.MAX_RESPONSE_CONTENT_BYTES, 'MAX_RESPONSE_CONTENT_BYTES');
  }
  return r.optString(value, path, CHAT_LIMITS.MAX_RESPONSE_CONTENT_BYTES, 'MAX_RESPONSE_CONTENT_BYTES');
}

/** OpenAI sends arguments as JSON text; some servers send the object itself. */
export function readArguments(r: WireReader, value: unknown, path: string): Record<string, JsonValue> {
  if (typeof value !== 'string') return checkArguments(r, value, path);
  const text = r.string(value, path, CHAT_LIMITS.MAX_TOOL_ARGUMENTS_BYTES, 'MAX_TOOL_ARGUMENTS_BYTES');
  if (r.error !== null) return {};
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    r.fail(chatError('invalid_value', path, 'tool call arguments are not valid JSON text'));
    return {};
  }
  return checkArguments(r, parsed, path);
}

/** A usage block with two token counts under the given names; absent or null gives null. */
export function readUsage(r: WireReader, value: unknown, path: string, inputKey: string, outputKey: string): TokenUsage | null {
  if (value === undefined || value === null) return null;
  const u = r.object(value, path);
  if (!isJsonObject(value)) return null;
  const max = CHAT_LIMITS.MAX_USAGE_TOKENS;
  const inputTokens = r.count(r.field(u, inputKey, path), `${path}.${inputKey}`, max, 'MAX_USAGE_TOKENS');
  const outputTokens = r.count(r.field(u, outputKey, path), `${path}.${outputKey}`, max, 'MAX_USAGE_TOKENS');
  return { inputTokens, outputTokens };
}
