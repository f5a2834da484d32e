/**
 * validateChatRequest: checks an untrusted value against the canonical model and every bound in
 * chat-limits.constants.ts, and returns a fresh, well-typed ChatRequest (or the first error found).
 */
import { chatError, limitError } from './chat-error';
import { CHAT_LIMITS, PROPERTY_NAME_PATTERN, TOOL_NAME_PATTERN } from './chat-limits.constants';
import { canonicalJson, findNonJson, isJsonObject, setOwn, type JsonValue } from './json-value';
import { err, ok, type Result } from '../result';
import {
  TOOL_PROPERTY_TYPES,
  type ChatError,
  type ChatMessage,
  type ChatRequest,
  type GenerationParams,
  type ToolCall,
  type ToolDefinition,
  type ToolProperty,
  type ToolPropertyType,
} from './types';
import { utf8ByteLength } from './utf8';
import { WireReader } from './wire-reader';

const L = CHAT_LIMITS;

/** @example const r = validateChatRequest(JSON.parse(body)); if (!r.ok) return r.error.code; */
export function validateChatRequest(input: unknown): Result<ChatRequest, ChatError> {
  const r = new WireReader();
  const obj = r.object(input, '$');
  const model = r.string(r.field(obj, 'model', '$'), '$.model', L.MAX_MODEL_ID_BYTES, 'MAX_MODEL_ID_BYTES');
  if (r.error === null && model.length === 0) r.fail(chatError('invalid_value', '$.model', 'model must not be empty'));
  const messages = readMessages(r, r.field(obj, 'messages', '$'));
  const tools = obj['tools'] === undefined ? undefined : readTools(r, obj['tools']);
  const params = readParams(r, r.field(obj, 'params', '$'));
  if (r.error !== null) return err(r.error);
  return ok(tools === undefined ? { model, messages, params } : { model, messages, tools, params });
}

function readMessages(r: WireReader, value: unknown): ChatMessage[] {
  const items = r.array(value, '$.messages', L.MAX_MESSAGES, 'MAX_MESSAGES');
  if (r.error === null && items.length === 0) r.fail(chatError('invalid_value', '$.messages', 'messages must not be empty'));
  const out: ChatMessage[] = [];
  const knownCallIds = new Set<string>();
  let totalBytes = 0;
  items.forEach((item, i) => {
    const path = `$.messages[${i}]`;
    const m = r.object(item, path);
    const role = r.field(m, 'role', path);
    const text = (v: unknown, p: string): string => r.string(v, p, L.MAX_MESSAGE_CONTENT_BYTES, 'MAX_MESSAGE_CONTENT_BYTES');
    if (role === 'system' || role === 'user') {
      const content = text(r.field(m, 'content', path), `${path}.content`);
      totalBytes += utf8ByteLength(content);
      out.push({ role, content });
    } else if (role === 'assistant') {
      const raw = m['content'];
      const content = raw === null || raw === undefined ? null : text(raw, `${path}.content`);
      const toolCalls = m['toolCalls'] === undefined ? [] : readToolCalls(r, m['toolCalls'], `${path}.toolCalls`);
      if (content === null && toolCalls.length === 0 && r.error === null) {
        r.fail(chatError('invalid_value', path, 'an assistant message needs content or at least one tool call'));
      }
      for (const call of toolCalls) {
        knownCallIds.add(call.id);
        totalBytes += utf8ByteLength(canonicalJson(call.arguments as JsonValue));
      }
      totalBytes += content === null ? 0 : utf8ByteLength(content);
      out.push({ role, content, toolCalls });
    } else if (role === 'tool') {
      const toolCallId = r.string(r.field(m, 'toolCallId', path), `${path}.toolCallId`, L.MAX_TOOL_CALL_ID_BYTES, 'MAX_TOOL_CALL_ID_BYTES');
      if (r.error === null && !knownCallIds.has(toolCallId)) {
        r.fail(chatError('invalid_value', `${path}.toolCallId`, `no earlier assistant tool call has id "${toolCallId}"`));
      }
      const content = text(r.field(m, 'content', path), `${path}.content`);
      totalBytes += utf8ByteLength(content);
      out.push({ role, toolCallId, content });
    } else if (role !== undefined) {
      r.fail(chatError('invalid_value', `${path}.role`, 'role must be one of system, user, assistant, tool'));
    }
  });
  if (totalBytes > L.MAX_TOTAL_CONTENT_BYTES) {
    r.fail(limitError('MAX_TOTAL_CONTENT_BYTES', L.MAX_TOTAL_CONTENT_BYTES, totalBytes, '$.messages', 'total content bytes'));
  }
  return out;
}

/** Reads canonical tool calls; shared with decoders that receive already-parsed argument objects. */
export function readToolCalls(r: WireReader, value: unknown, path: string): ToolCall[] {
  const items = r.array(value, path, L.MAX_TOOL_CALLS_PER_MESSAGE, 'MAX_TOOL_CALLS_PER_MESSAGE');
  return items.map((item, i) => {
    const p = `${path}[${i}]`;
    const c = r.object(item, p);
    const id = r.string(r.field(c, 'id', p), `${p}.id`, L.MAX_TOOL_CALL_ID_BYTES, 'MAX_TOOL_CALL_ID_BYTES');
    if (r.error === null && id.length === 0) r.fail(chatError('invalid_value', `${p}.id`, 'tool call id must not be empty'));
    const name = readToolName(r, r.field(c, 'name', p), `${p}.name`);
    const args = checkArguments(r, r.field(c, 'arguments', p), `${p}.arguments`);
    return { id, name, arguments: args };
  });
}

/** Tool-call arguments: a JSON object within the depth and size bounds. */
export function checkArguments(r: WireReader, value: unknown, path: string): Record<string, JsonValue> {
  if (!isJsonObject(value)) {
    r.wrongType('a JSON object', value, path);
    return {};
  }
  const bad = findNonJson(value, L.MAX_JSON_DEPTH);
  if (bad !== null) {
    r.fail(chatError('invalid_value', path + bad.slice(1), `not JSON data, or nested deeper than MAX_JSON_DEPTH = ${L.MAX_JSON_DEPTH}`));
    return {};
  }
  const args = value as Record<string, JsonValue>;
  const bytes = utf8ByteLength(canonicalJson(args));
  if (bytes > L.MAX_TOOL_ARGUMENTS_BYTES) r.fail(limitError('MAX_TOOL_ARGUMENTS_BYTES', L.MAX_TOOL_ARGUMENTS_BYTES, bytes, path, 'arguments bytes'));
  return args;
}

export function readToolName(r: WireReader, value: unknown, path: string): string {
  const name = r.string(value, path, 64, 'TOOL_NAME_PATTERN');
  if (r.error === null && !TOOL_NAME_PATTERN.test(name)) {
    r.fail(chatError('invalid_value', path, `tool name "${name}" does not match ${TOOL_NAME_PATTERN.source}`));
  }
  return name;
}

function readTools(r: WireReader, value: unknown): ToolDefinition[] {
  const items = r.array(value, '$.tools', L.MAX_TOOLS, 'MAX_TOOLS');
  const names = new Set<string>();
  return items.map((item, i) => {
    const path = `$.tools[${i}]`;
    const t = r.object(item, path);
    const name = readToolName(r, r.field(t, 'name', path), `${path}.name`);
    if (r.error === null && names.has(name)) r.fail(chatError('invalid_value', `${path}.name`, `duplicate tool name "${name}"`));
    names.add(name);
    const description = t['description'] === undefined ? undefined
      : r.string(t['description'], `${path}.description`, L.MAX_TOOL_DESCRIPTION_BYTES, 'MAX_TOOL_DESCRIPTION_BYTES');
    const parameters = readParameters(r, r.field(t, 'parameters', path), `${path}.parameters`);
    return description === undefined ? { name, parameters } : { name, description, parameters };
  });
}

function readParameters(r: WireReader, value: unknown, path: string): ToolDefinition['parameters'] {
  const p = r.object(value, path);
  if (r.error === null && p['type'] !== 'object') r.fail(chatError('invalid_value', `${path}.type`, 'parameters.type must be "object"'));
  const propsObj = r.object(r.field(p, 'properties', path), `${path}.properties`);
  const keys = Object.keys(propsObj);
  if (keys.length > L.MAX_TOOL_PROPERTIES) r.fail(limitError('MAX_TOOL_PROPERTIES', L.MAX_TOOL_PROPERTIES, keys.length, `${path}.properties`, 'property count'));
  const properties: Record<string, ToolProperty> = {};
  for (const key of keys.slice(0, L.MAX_TOOL_PROPERTIES)) {
    const kp = `${path}.properties.${key}`;
    if (!PROPERTY_NAME_PATTERN.test(key)) r.fail(chatError('invalid_value', kp, `property name does not match ${PROPERTY_NAME_PATTERN.source}`));
    setOwn(properties, key, readProperty(r, propsObj[key], kp));
  }
  const required = p['required'] === undefined ? [] : r.array(p['required'], `${path}.required`, L.MAX_TOOL_PROPERTIES, 'MAX_TOOL_PROPERTIES')
    .map((v, i) => r.string(v, `${path}.required[${i}]`, 64, 'PROPERTY_NAME_PATTERN'));
  required.forEach((name, i) => {
    if (r.error === null && !Object.hasOwn(properties, name)) r.fail(chatError('invalid_value', `${path}.required[${i}]`, `required names unknown property "${name}"`));
    if (r.error === null && required.indexOf(name) !== i) r.fail(chatError('invalid_value', `${path}.required[${i}]`, `"${name}" is listed twice`));
  });
  return { type: 'object', properties, required };
}

function readProperty(r: WireReader, value: unknown, path: string): ToolProperty {
  const p = r.object(value, path);
  const type = r.field(p, 'type', path);
  if (r.error === null && !TOOL_PROPERTY_TYPES.includes(type as ToolPropertyType)) {
    r.fail(chatError('invalid_value', `${path}.type`, `type must be one of ${TOOL_PROPERTY_TYPES.join(', ')}`));
  }
  const out: { type: ToolPropertyType; description?: string; enum?: string[] } = { type: type as ToolPropertyType };
  if (p['description'] !== undefined) {
    out.description = r.string(p['description'], `${path}.description`, L.MAX_TOOL_DESCRIPTION_BYTES, 'MAX_TOOL_DESCRIPTION_BYTES');
  }
  if (p['enum'] !== undefined) {
    if (r.error === null && type !== 'string') r.fail(chatError('invalid_value', `${path}.enum`, 'enum is only allowed on string properties'));
    out.enum = r.array(p['enum'], `${path}.enum`, L.MAX_ENUM_VALUES, 'MAX_ENUM_VALUES')
      .map((v, i) => r.string(v, `${path}.enum[${i}]`, L.MAX_ENUM_VALUE_BYTES, 'MAX_ENUM_VALUE_BYTES'));
  }
  return out;
}

function readParams(r: WireReader, value: unknown): GenerationParams {
  const p = r.object(value, '$.params');
  const num = (key: string, min: number, max: number, integer: boolean, minExclusive = false): number | undefined => {
    const v = p[key];
    if (v === undefined) return undefined;
    const path = `$.params.${key}`;
    if (typeof v !== 'number' || !Number.isFinite(v) || (integer && !Number.isSafeInteger(v))) {
      r.wrongType(integer ? 'an integer' : 'a finite number', v, path);
      return undefined;
    }
    if (v < min || v > max || (minExclusive && v === min)) {
      r.fail(chatError('invalid_value', path, `${key} must be in ${minExclusive ? '(' : '['}${min}, ${max}]`));
    }
    return v;
  };
  const maxTokens = r.field(p, 'maxTokens', '$.params') === undefined ? 0 : num('maxTokens', L.MIN_MAX_TOKENS, L.MAX_MAX_TOKENS, true) ?? 0;
  const out: { maxTokens: number; temperature?: number; topP?: number; stop?: string[]; seed?: number } = { maxTokens };
  const temperature = num('temperature', L.MIN_TEMPERATURE, L.MAX_TEMPERATURE, false);
  if (temperature !== undefined) out.temperature = temperature;
  const topP = num('topP', 0, L.MAX_TOP_P, false, true);
  if (topP !== undefined) out.topP = topP;
  const seed = num('seed', 0, L.MAX_SEED, true);
  if (seed !== undefined) out.seed = seed;
  if (p['stop'] !== undefined) {
    out.stop = r.array(p['stop'], '$.params.stop', L.MAX_STOP_SEQUENCES, 'MAX_STOP_SEQUENCES').map((v, i) => {
      const s = r.string(v, `$.params.stop[${i}]`, L.MAX_STOP_SEQUENCE_BYTES, 'MAX_STOP_SEQUENCE_BYTES');
      if (r.error === null && s.length === 0) r.fail(chatError('invalid_value', `$.params.stop[${i}]`, 'stop sequences must not be empty'));
      return s;
    });
  }
  return out;
}
