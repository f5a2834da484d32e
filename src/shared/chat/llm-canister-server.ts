/**
 * The LLM canister's side of `v1_chat` (see llm-canister.ts for the caller's side), for a mock LLM canister in
 * the devnet. `v1_chat` has no generation parameters, so the caller passes the output cap it emulates.
 */
import { isJsonObject, setOwn } from './json-value';
import { decodeAssistant, encodeAssistant } from './llm-canister';
import { LLM_CANISTER_LIMITS } from './llm-canister-limits';
import type { LlmChatResponseV1 } from './llm-canister.types';
import { err, type Result } from '../result';
import type { ChatError, ChatRequest, ChatResponse, ToolDefinition, ToolPropertyType } from './types';
import { validateChatRequest } from './validate';
import { WireReader } from './wire-reader';

const unopt = (v: unknown): unknown => (Array.isArray(v) && v.length === 1 ? v[0] : undefined);

/** Reads a candid-decoded `chat_request_v1` into a canonical request (then validated). */
export function decodeLlmCanisterRequest(wire: unknown, maxTokens: number = LLM_CANISTER_LIMITS.MAX_OUTPUT_TOKENS): Result<ChatRequest, ChatError> {
  const r = new WireReader();
  const top = r.object(wire, '$');
  const toolsOpt = unopt(top['tools']);
  const tools = Array.isArray(toolsOpt) ? toolsOpt.map(readTool) : undefined;
  const typed = (tools ?? []) as unknown as ToolDefinition[];
  const raw = r.array(r.field(top, 'messages', '$'), '$.messages', Number.MAX_SAFE_INTEGER, 'messages');
  const messages = raw.map((item, i) => {
    const v = r.object(item, `$.messages[${i}]`);
    const [tag] = Object.keys(v);
    const body = r.object(tag === undefined ? undefined : v[tag], `$.messages[${i}]`);
    if (tag === 'assistant') return decodeAssistant(r, body, `$.messages[${i}].assistant`, typed);
    if (tag === 'tool') return { role: 'tool', toolCallId: body['tool_call_id'], content: body['content'] };
    return { role: tag, content: body['content'] };
  });
  if (r.error !== null) return err(r.error);
  return validateChatRequest({ model: top['model'], messages, tools, params: { maxTokens } });
}

/** The candid `tool` variant back to a canonical-shaped tool (validated with the request). */
function readTool(t: unknown): unknown {
  const f = isJsonObject(t) && isJsonObject(t['function']) ? t['function'] : {};
  const p = unopt(f['parameters']);
  const params = isJsonObject(p) ? p : {};
  const props = unopt(params['properties']);
  const properties: Record<string, unknown> = {};
  for (const prop of Array.isArray(props) ? props : []) {
    if (!isJsonObject(prop) || typeof prop['name'] !== 'string') continue;
    const out: Record<string, unknown> = { type: prop['type'] as ToolPropertyType };
    const description = unopt(prop['description']);
    if (description !== undefined) out['description'] = description;
    const values = unopt(prop['enum']);
    if (values !== undefined) out['enum'] = values;
    setOwn(properties, prop['name'], out);
  }
  const description = unopt(f['description']);
  const tool: Record<string, unknown> = { name: f['name'], parameters: { type: params['type'] ?? 'object', properties, required: unopt(params['required']) ?? [] } };
  if (description !== undefined) tool['description'] = description;
  return tool;
}

export function encodeLlmCanisterResponse(resp: ChatResponse): LlmChatResponseV1 {
  return { message: encodeAssistant(resp.message) };
}
