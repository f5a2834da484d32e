/**
 * ChatML as Qwen2.5-7B-Instruct's HF chat_template writes it: `<|im_start|>{role}\n{content}<|im_end|>\n` (no
 * trimming, no BOS), a system turn always first (the default prompt when none is given), tools listed in that
 * system turn, assistant tool calls as `<tool_call>\n{"name": …, "arguments": …}\n</tool_call>`, and consecutive
 * tool results grouped into one user turn of `<tool_response>` blocks. Generation prompt `<|im_start|>assistant\n`.
 */
import type { JsonValue } from './json-value';
import { ok, type Result } from '../result';
import { pythonJson } from './python-json';
import type { TemplateContext } from './template-context';
import { toFunctionTool } from './tool-schema';
import type { ChatError } from './types';

const TOOLS_PREAMBLE = '\n\n# Tools\n\nYou may call one or more functions to assist with the user query.\n\n'
  + 'You are provided with function signatures within <tools></tools> XML tags:\n<tools>';
const TOOLS_POSTAMBLE = '\n</tools>\n\nFor each function call, return a json object with function name and arguments within '
  + '<tool_call></tool_call> XML tags:\n<tool_call>\n{"name": <function-name>, "arguments": <args-json-object>}\n</tool_call><|im_end|>\n';

export function renderChatMl(ctx: TemplateContext): Result<string, ChatError> {
  const msgs = ctx.messages;
  const first = msgs[0];
  const system = first?.role === 'system' ? first.content : ctx.defaultSystemPrompt;
  let out = ctx.bos;
  if (ctx.tools !== null) {
    out += `<|im_start|>system\n${system ?? ''}${TOOLS_PREAMBLE}`;
    for (const t of ctx.tools) out += `\n${pythonJson(toFunctionTool(t) as unknown as JsonValue)}`;
    out += TOOLS_POSTAMBLE;
  } else if (system !== null) {
    out += `<|im_start|>system\n${system}<|im_end|>\n`;
  }
  msgs.forEach((m, i) => {
    if (m.role === 'system') {
      if (i > 0) out += `<|im_start|>system\n${m.content}<|im_end|>\n`;
    } else if (m.role === 'user' || (m.role === 'assistant' && m.toolCalls.length === 0)) {
      out += `<|im_start|>${m.role}\n${m.content ?? ''}<|im_end|>\n`;
    } else if (m.role === 'assistant') {
      out += '<|im_start|>assistant';
      if (m.content !== null && m.content !== '') out += `\n${m.content}`;
      for (const c of m.toolCalls) out += `\n<tool_call>\n{"name": "${c.name}", "arguments": ${pythonJson(c.arguments as JsonValue)}}\n</tool_call>`;
      out += '<|im_end|>\n';
    } else {
      if (i === 0 || msgs[i - 1]?.role !== 'tool') out += '<|im_start|>user';
      out += `\n<tool_response>\n${m.content}\n</tool_response>`;
      if (i === msgs.length - 1 || msgs[i + 1]?.role !== 'tool') out += '<|im_end|>\n';
    }
  });
  if (ctx.addGenerationPrompt) out += '<|im_start|>assistant\n';
  return ok(out);
}
