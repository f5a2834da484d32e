/**
 * Canonical ⇄ LLM canister `v1_chat` (outcalls.md §2, azle.md §5.4). Lossy points, also in docs/chat-formats.md:
 * - generation params do not exist in v1_chat and are dropped (the canister caps output at 1000 tokens);
 * - tool-call arguments travel as `vec { name; value : text }`: strings go as they are, everything else as
 *   compact JSON text; on the way back, values are typed again from the tool definitions when given;
 * - `integer` properties become "number" (the canister knows string, number, boolean);
 * - responses carry no finish reason and no usage.
 */
import { chatError } from './chat-error';
import { CHAT_LIMITS } from './chat-limits.constants';
import { canonicalJson, setOwn, type JsonValue } from './json-value';
import type {
  LlmAssistantMessage, LlmChatMessageV1, LlmChatRequestV1, LlmProperty, LlmTool, LlmToolCallArgument, Opt,
} from './llm-canister.types';
import { err, ok, type Result } from '../result';
import type { AssistantMessage, ChatError, ChatMessage, ChatRequest, ChatResponse, ToolDefinition } from './types';
import { readToolName } from './validate';
import { WireReader } from './wire-reader';

export * from './llm-canister.types';

const opt = <T>(value: T | undefined | null): Opt<T> => (value === undefined || value === null ? [] : [value]);

export function encodeLlmCanisterRequest(req: ChatRequest): Result<LlmChatRequestV1, ChatError> {
  const tools = req.tools ?? [];
  return ok({
    model: req.model,
    tools: tools.length === 0 ? [] : [tools.map(encodeTool)],
    messages: req.messages.map(encodeMessage),
  });
}

function encodeMessage(m: ChatMessage): LlmChatMessageV1 {
  switch (m.role) {
    case 'system': return { system: { content: m.content } };
    case 'user': return { user: { content: m.content } };
    case 'tool': return { tool: { content: m.content, tool_call_id: m.toolCallId } };
    case 'assistant': return { assistant: encodeAssistant(m) };
  }
}

export function encodeAssistant(m: AssistantMessage): LlmAssistantMessage {
  return {
    content: opt(m.content),
    tool_calls: m.toolCalls.map((c) => ({
      id: c.id,
      function: {
        name: c.name,
        arguments: Object.entries(c.arguments).map(([name, v]): LlmToolCallArgument => ({
          name,
          value: typeof v === 'string' ? v : canonicalJson(v),
        })),
      },
    })),
  };
}

function encodeTool(t: ToolDefinition): LlmTool {
  const properties = Object.entries(t.parameters.properties).map(([name, p]): LlmProperty => ({
    enum: p.enum === undefined ? [] : [[...p.enum]],
    name,
    type: p.type === 'integer' ? 'number' : p.type,
    description: opt(p.description),
  }));
  const required = [...t.parameters.required];
  return {
    function: {
      name: t.name,
      parameters: [{ type: 'object', properties: opt(properties.length === 0 ? null : properties), required: opt(required.length === 0 ? null : required) }],
      description: opt(t.description),
    },
  };
}

/**
 * Checks a candid-decoded `chat_response_v1` and maps it to the canonical response. With `tools`, argument
 * values of number, integer and boolean properties are parsed back from text; anything else stays text.
 */
export function decodeLlmCanisterResponse(wire: unknown, tools: readonly ToolDefinition[] = []): Result<ChatResponse, ChatError> {
  const r = new WireReader();
  const top = r.object(wire, '$');
  const m = r.object(r.field(top, 'message', '$'), '$.message');
  const message = decodeAssistant(r, m, '$.message', tools);
  if (r.error !== null) return err(r.error);
  return ok({ message, finishReason: message.toolCalls.length > 0 ? 'tool_calls' : 'unknown', usage: null });
}

export function decodeAssistant(r: WireReader, m: Record<string, unknown>, path: string, tools: readonly ToolDefinition[]): AssistantMessage {
  const contentOpt = r.array(r.field(m, 'content', path), `${path}.content`, 1, 'candid opt');
  const content = contentOpt.length === 0 ? null
    : r.string(contentOpt[0], `${path}.content[0]`, CHAT_LIMITS.MAX_RESPONSE_CONTENT_BYTES, 'MAX_RESPONSE_CONTENT_BYTES');
  const calls = r.array(r.field(m, 'tool_calls', path), `${path}.tool_calls`, CHAT_LIMITS.MAX_TOOL_CALLS_PER_MESSAGE, 'MAX_TOOL_CALLS_PER_MESSAGE');
  const toolCalls = calls.map((item, i) => {
    const p = `${path}.tool_calls[${i}]`;
    const c = r.object(item, p);
    const id = r.string(r.field(c, 'id', p), `${p}.id`, CHAT_LIMITS.MAX_TOOL_CALL_ID_BYTES, 'MAX_TOOL_CALL_ID_BYTES');
    const f = r.object(r.field(c, 'function', p), `${p}.function`);
    const name = readToolName(r, r.field(f, 'name', `${p}.function`), `${p}.function.name`);
    const tool = tools.find((t) => t.name === name);
    const args: Record<string, JsonValue> = {};
    const list = r.array(r.field(f, 'arguments', `${p}.function`), `${p}.function.arguments`, CHAT_LIMITS.MAX_TOOL_PROPERTIES, 'MAX_TOOL_PROPERTIES');
    list.forEach((a, j) => {
      const ap = `${p}.function.arguments[${j}]`;
      const arg = r.object(a, ap);
      const argName = r.string(r.field(arg, 'name', ap), `${ap}.name`, 64, 'PROPERTY_NAME_PATTERN');
      const value = r.string(r.field(arg, 'value', ap), `${ap}.value`, CHAT_LIMITS.MAX_TOOL_ARGUMENTS_BYTES, 'MAX_TOOL_ARGUMENTS_BYTES');
      if (r.error === null && Object.hasOwn(args, argName)) r.fail(chatError('invalid_value', `${ap}.name`, `argument "${argName}" appears twice`));
      setOwn(args, argName, typeArgument(value, Object.hasOwn(tool?.parameters.properties ?? {}, argName) ? tool?.parameters.properties[argName]?.type : undefined));
    });
    return { id, name, arguments: args };
  });
  if (r.error === null && content === null && toolCalls.length === 0) {
    return { role: 'assistant', content: '', toolCalls };
  }
  return { role: 'assistant', content, toolCalls };
}

/** Parses the text of a number/integer/boolean argument back; leaves it as text when it does not parse. */
function typeArgument(value: string, type: string | undefined): JsonValue {
  if (type === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  if (type === 'number' || type === 'integer') {
    const n = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/.test(value.trim()) ? Number(value.trim()) : NaN;
    if (Number.isFinite(n) && (type === 'number' || Number.isSafeInteger(n))) return n;
  }
  return value;
}
