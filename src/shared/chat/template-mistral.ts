/**
 * Mistral-7B-Instruct-v0.3 (HF chat_template, "v3"): `<s>`, `[INST] {user}[/INST]`, assistant ` {content|trim}</s>`.
 * - A leading system message is written inside the *last* user turn as `{system}\n\n{user}`; a system message
 *   anywhere else is refused, as the template raises.
 * - Tools are listed as `[AVAILABLE_TOOLS] [...][/AVAILABLE_TOOLS]` just before the last user turn.
 * - Tool calls are `[TOOL_CALLS] [{"name": …, "arguments": {…}, "id": "…"}]</s>`; results are
 *   `[TOOL_RESULTS] {"content": …, "call_id": "…"}[/TOOL_RESULTS]`. Ids must be 9 characters (template rule).
 * - User and plain assistant turns must alternate, starting with the user. There is no generation prompt
 *   beyond `[/INST]`, so `addGenerationPrompt` changes nothing.
 * The template picks "the last user turn" by value equality, so an earlier user message with the same text
 * gets the system prompt and tools too; we do the same to stay byte-identical.
 */
import type { JsonValue } from './json-value';
import { err, ok, type Result } from '../result';
import { pythonJson } from './python-json';
import { pythonStrip } from './python-json';
import { unsupported, type TemplateContext } from './template-context';
import { toFunctionTool } from './tool-schema';
import type { ChatError, ToolDefinition } from './types';

/** The template's id rule: "Tool call IDs should be alphanumeric strings with length 9!" (it checks the length). */
export const MISTRAL_TOOL_CALL_ID_LENGTH = 9;

export function renderMistral(ctx: TemplateContext): Result<string, ChatError> {
  const first = ctx.messages[0];
  const system = first?.role === 'system' ? first.content : null;
  const offset = system === null ? 0 : 1;
  const loop = ctx.messages.slice(offset);
  const userTexts = loop.flatMap((m) => (m.role === 'user' ? [m.content] : []));
  const lastUser = userTexts[userTexts.length - 1];
  let index = 0;
  for (const [i, m] of loop.entries()) {
    if (m.role === 'tool' || (m.role === 'assistant' && m.toolCalls.length > 0)) continue;
    if ((m.role === 'user') !== (index % 2 === 0)) {
      return err(unsupported('mistral', `$.messages[${i + offset}]`, 'needs roles to alternate user/assistant after the optional system message'));
    }
    index++;
  }
  let out = ctx.bos;
  for (const [i, m] of loop.entries()) {
    const path = `$.messages[${i + offset}]`;
    if (m.role === 'user') {
      const isLast = m.content === lastUser;
      if (isLast && ctx.tools !== null) out += availableTools(ctx.tools);
      out += isLast && system !== null ? `[INST] ${system}\n\n${m.content}[/INST]` : `[INST] ${m.content}[/INST]`;
    } else if (m.role === 'assistant' && m.toolCalls.length > 0) {
      const calls: string[] = [];
      for (const c of m.toolCalls) {
        if ([...c.id].length !== MISTRAL_TOOL_CALL_ID_LENGTH) return err(badId(path));
        const fn = pythonJson({ name: c.name, arguments: c.arguments as JsonValue });
        calls.push(`${fn.slice(0, -1)}, "id": "${c.id}"}`);
      }
      out += `[TOOL_CALLS] [${calls.join(', ')}]${ctx.eos}`;
    } else if (m.role === 'assistant') {
      out += ` ${pythonStrip(m.content ?? '')}${ctx.eos}`;
    } else if (m.role === 'tool') {
      if ([...m.toolCallId].length !== MISTRAL_TOOL_CALL_ID_LENGTH) return err(badId(path));
      out += `[TOOL_RESULTS] {"content": ${m.content}, "call_id": "${m.toolCallId}"}[/TOOL_RESULTS]`;
    } else {
      return err(unsupported('mistral', path, 'supports a system message only as the first message'));
    }
  }
  return ok(out);
}

function badId(path: string): ChatError {
  return unsupported('mistral', path, `needs tool call ids of exactly ${MISTRAL_TOOL_CALL_ID_LENGTH} characters`);
}

/** String values go in raw quotes (the template does not escape them); everything else through tojson. */
function availableTools(tools: readonly ToolDefinition[]): string {
  const items = tools.map((t) => {
    const fields = Object.entries(toFunctionTool(t).function).map(([key, val]) =>
      typeof val === 'string' ? `"${key}": "${val}"` : `"${key}": ${pythonJson(val as unknown as JsonValue)}`);
    return `{"type": "function", "function": {${fields.join(', ')}}}`;
  });
  return `[AVAILABLE_TOOLS] [${items.join(', ')}][/AVAILABLE_TOOLS]`;
}
