/**
 * Llama 3.1 Instruct (HF `meta-llama/Llama-3.1-8B-Instruct` chat_template, the model the LLM canister and most
 * llama.cpp workers serve), default mode `tools_in_user_message = true`, no built-in tools:
 * - a system turn is always written: `Environment: ipython\n` when tools are given, then
 *   `Cutting Knowledge Date: December 2023\nToday Date: {date}\n\n` and the trimmed system message;
 * - tools go, as `tojson(indent=4)`, into the first non-system message with a fixed instruction;
 * - one tool call per assistant turn, written `{"name": …, "parameters": {…}}` (more is refused, as the
 *   template raises); tool results are `ipython` turns whose text is JSON-encoded (`tojson` of a string, since
 *   a string is "iterable" to Jinja: a quirk of the template, kept for byte equality).
 */
import type { JsonValue } from './json-value';
import { err, ok, type Result } from '../result';
import { pythonJson, pythonJsonIndented, pythonStrip } from './python-json';
import { unsupported, type TemplateContext } from './template-context';
import { toFunctionTool } from './tool-schema';
import type { ChatError } from './types';

/** The template's default `date_string`; callers that know the date pass their own (no clock in here). */
export const LLAMA31_DEFAULT_DATE = '26 Jul 2024';

const HEADER = (role: string): string => `<|start_header_id|>${role}<|end_header_id|>\n\n`;
const TOOLS_INSTRUCTION = 'Given the following functions, please respond with a JSON for a function call '
  + 'with its proper arguments that best answers the given prompt.\n\n'
  + 'Respond in the format {"name": function name, "parameters": dictionary of argument name and its value}.'
  + 'Do not use variables.\n\n';

export function renderLlama31(ctx: TemplateContext): Result<string, ChatError> {
  let msgs = ctx.messages;
  const first = msgs[0];
  const system = first?.role === 'system' ? pythonStrip(first.content) : '';
  const offset = first?.role === 'system' ? 1 : 0;
  msgs = msgs.slice(offset);
  let out = `${ctx.bos}${HEADER('system')}`;
  if (ctx.tools !== null) out += 'Environment: ipython\n';
  out += `Cutting Knowledge Date: December 2023\nToday Date: ${ctx.dateString}\n\n${system}<|eot_id|>`;
  let index = offset;
  if (ctx.tools !== null) {
    const carrier = msgs[0];
    if (carrier === undefined || carrier.content === null) {
      return err(unsupported('llama3.1', `$.messages[${offset}]`, 'needs a first user message to carry the tool definitions'));
    }
    out += HEADER('user') + TOOLS_INSTRUCTION;
    for (const t of ctx.tools) out += `${pythonJsonIndented(toFunctionTool(t) as unknown as JsonValue, 4)}\n\n`;
    out += `${pythonStrip(carrier.content)}<|eot_id|>`;
    msgs = msgs.slice(1);
    index++;
  }
  for (const [i, m] of msgs.entries()) {
    if (m.role === 'tool') {
      out += `${HEADER('ipython')}${pythonJson(m.content)}<|eot_id|>`;
    } else if (m.role === 'assistant' && m.toolCalls.length > 0) {
      const [call] = m.toolCalls;
      if (m.toolCalls.length !== 1 || call === undefined) {
        return err(unsupported('llama3.1', `$.messages[${index + i}]`, 'supports a single tool call per assistant turn'));
      }
      out += `${HEADER('assistant')}{"name": "${call.name}", "parameters": ${pythonJson(call.arguments as JsonValue)}}<|eot_id|>`;
    } else {
      out += `${HEADER(m.role)}${pythonStrip(m.content ?? '')}<|eot_id|>`;
    }
  }
  if (ctx.addGenerationPrompt) out += HEADER('assistant');
  return ok(out);
}
