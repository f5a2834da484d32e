/**
 * Meta Llama 3 Instruct (HF `Meta-Llama-3-8B-Instruct` chat_template; meta-llama/llama3 `ChatFormat`):
 * `<|begin_of_text|>` once, then per message `<|start_header_id|>{role}<|end_header_id|>\n\n{content|trim}<|eot_id|>`,
 * and `<|start_header_id|>assistant<|end_header_id|>\n\n` as the generation prompt. No tool syntax.
 */
import { err, ok, type Result } from '../result';
import { pythonStrip } from './python-json';
import { unsupported, type TemplateContext } from './template-context';
import type { ChatError } from './types';

export function renderLlama3(ctx: TemplateContext): Result<string, ChatError> {
  if (ctx.tools !== null) return err(unsupported('llama3', '$.tools', 'has no syntax for tool definitions'));
  let out = '';
  for (const [i, m] of ctx.messages.entries()) {
    if (m.role === 'tool' || (m.role === 'assistant' && m.toolCalls.length > 0) || m.content === null) {
      return err(unsupported('llama3', `$.messages[${i}]`, 'has no syntax for tool calls or tool results'));
    }
    const turn = `<|start_header_id|>${m.role}<|end_header_id|>\n\n${pythonStrip(m.content)}<|eot_id|>`;
    out += i === 0 ? ctx.bos + turn : turn;
  }
  if (ctx.addGenerationPrompt) out += '<|start_header_id|>assistant<|end_header_id|>\n\n';
  return ok(out);
}
