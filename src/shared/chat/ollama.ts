/**
 * Canonical ⇄ Ollama native `POST /api/chat` (outcalls.md §4.2, ollama/ollama docs/api.md).
 * - Always `stream: false` (Ollama streams by default, and an outcall cannot read a stream).
 * - Tool-call arguments are JSON objects, not JSON text; Ollama keeps no tool-call ids, so tool results are
 *   linked by `tool_name` (looked up from the assistant call they answer) and decoded calls get `call_<i>`.
 * - Sampling goes in `options` (`num_predict` is max tokens).
 */
import { chatError } from './chat-error';
import { CHAT_LIMITS } from './chat-limits.constants';
import type { JsonValue } from './json-value';
import { err, ok, type Result } from '../result';
import { toFunctionTool, type FunctionTool } from './tool-schema';
import type { ChatError, ChatMessage, ChatRequest, ChatResponse, FinishReason, ToolCall } from './types';
import { parseResponseBody } from './upstream-error';
import { checkArguments, readToolName } from './validate';
import { WireReader } from './wire-reader';

export interface OllamaToolCall {
  function: { name: string; arguments: Record<string, JsonValue> };
}

export type OllamaMessage =
  | { role: 'system' | 'user'; content: string }
  | { role: 'assistant'; content: string; tool_calls?: OllamaToolCall[] }
  | { role: 'tool'; content: string; tool_name?: string };

export interface OllamaOptions {
  num_predict: number;
  temperature?: number;
  top_p?: number;
  stop?: string[];
  seed?: number;
}

export interface OllamaChatRequest {
  model: string;
  messages: OllamaMessage[];
  tools?: FunctionTool[];
  stream: false;
  options: OllamaOptions;
}

export function encodeOllamaRequest(req: ChatRequest): Result<OllamaChatRequest, ChatError> {
  const callNames = new Map<string, string>();
  const messages = req.messages.map((m: ChatMessage): OllamaMessage => {
    switch (m.role) {
      case 'system':
      case 'user':
        return { role: m.role, content: m.content };
      case 'assistant': {
        for (const c of m.toolCalls) callNames.set(c.id, c.name);
        const content = m.content ?? '';
        return m.toolCalls.length === 0 ? { role: 'assistant', content }
          : { role: 'assistant', content, tool_calls: m.toolCalls.map((c) => ({ function: { name: c.name, arguments: { ...c.arguments } } })) };
      }
      case 'tool': {
        const name = callNames.get(m.toolCallId);
        return name === undefined ? { role: 'tool', content: m.content } : { role: 'tool', content: m.content, tool_name: name };
      }
    }
  });
  const p = req.params;
  const options: OllamaOptions = { num_predict: p.maxTokens };
  if (p.temperature !== undefined) options.temperature = p.temperature;
  if (p.topP !== undefined) options.top_p = p.topP;
  if (p.stop !== undefined && p.stop.length > 0) options.stop = [...p.stop];
  if (p.seed !== undefined) options.seed = p.seed;
  const out: Partial<OllamaChatRequest> = { model: req.model, messages };
  if (req.tools !== undefined && req.tools.length > 0) out.tools = req.tools.map(toFunctionTool);
  out.stream = false;
  out.options = options;
  return ok(out as OllamaChatRequest);
}

const FINISH: Readonly<Record<string, FinishReason>> = { stop: 'stop', length: 'length' };

/**
 * Reads a non-streamed `/api/chat` body. `done` must be true (a `false` means a stream chunk). `done_reason`
 * stop/length map across; anything else (`load`, `unload`) is `unknown`; `stop` with tool calls is
 * `tool_calls`, as Ollama's own /v1 layer reports it. Usage comes from `prompt_eval_count` / `eval_count`;
 * Ollama leaves `prompt_eval_count` out when the prompt was fully cached, which reads as 0.
 */
export function decodeOllamaResponse(body: string): Result<ChatResponse, ChatError> {
  const parsed = parseResponseBody(body);
  if (!parsed.ok) return parsed;
  const top = parsed.value;
  const r = new WireReader();
  const done = r.field(top, 'done', '$');
  if (done !== undefined && typeof done !== 'boolean') r.wrongType('a boolean', done, '$.done');
  if (r.error === null && done === false) r.fail(chatError('invalid_value', '$.done', 'done is false: this is a stream chunk; send "stream": false'));
  const msg = r.object(r.field(top, 'message', '$'), '$.message');
  const content = r.string(r.field(msg, 'content', '$.message'), '$.message.content', CHAT_LIMITS.MAX_RESPONSE_CONTENT_BYTES, 'MAX_RESPONSE_CONTENT_BYTES');
  const raw = msg['tool_calls'];
  const calls = raw === undefined || raw === null ? [] : r.array(raw, '$.message.tool_calls', CHAT_LIMITS.MAX_TOOL_CALLS_PER_MESSAGE, 'MAX_TOOL_CALLS_PER_MESSAGE');
  const toolCalls = calls.map((item, i): ToolCall => {
    const p = `$.message.tool_calls[${i}]`;
    const c = r.object(item, p);
    const id = typeof c['id'] === 'string' && c['id'] !== '' ? r.string(c['id'], `${p}.id`, CHAT_LIMITS.MAX_TOOL_CALL_ID_BYTES, 'MAX_TOOL_CALL_ID_BYTES') : `call_${i}`;
    const f = r.object(r.field(c, 'function', p), `${p}.function`);
    const name = readToolName(r, r.field(f, 'name', `${p}.function`), `${p}.function.name`);
    const args = checkArguments(r, r.field(f, 'arguments', `${p}.function`), `${p}.function.arguments`);
    return { id, name, arguments: args };
  });
  const rawReason = top['done_reason'];
  if (rawReason !== undefined && rawReason !== null && typeof rawReason !== 'string') r.wrongType('a string', rawReason, '$.done_reason');
  let finishReason: FinishReason = typeof rawReason === 'string' ? FINISH[rawReason] ?? 'unknown' : 'unknown';
  if (finishReason === 'stop' && toolCalls.length > 0) finishReason = 'tool_calls';
  const max = CHAT_LIMITS.MAX_USAGE_TOKENS;
  const usage = top['eval_count'] === undefined ? null : {
    inputTokens: top['prompt_eval_count'] === undefined ? 0 : r.count(top['prompt_eval_count'], '$.prompt_eval_count', max, 'MAX_USAGE_TOKENS'),
    outputTokens: r.count(top['eval_count'], '$.eval_count', max, 'MAX_USAGE_TOKENS'),
  };
  if (r.error !== null) return err(r.error);
  const text = content === '' && toolCalls.length > 0 ? null : content;
  return ok({ message: { role: 'assistant', content: text, toolCalls }, finishReason, usage });
}
