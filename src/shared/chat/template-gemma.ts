/**
 * Gemma 3 IT (HF `google/gemma-3-*-it` chat_template): `<bos>`, no system role (a leading system message becomes
 * `{system}\n\n` in front of the first turn), strict user/model alternation, assistant renamed `model`,
 * content trimmed, `<start_of_turn>model\n` as the generation prompt. No tool syntax: tool calls and results
 * are refused (the template would drop or garble them). A later system message in a non-user slot is written
 * as a `system` turn, exactly as the template's alternation check lets it through.
 */
import { err, ok, type Result } from '../result';
import { pythonStrip } from './python-json';
import { unsupported, type TemplateContext } from './template-context';
import type { ChatError } from './types';

export function renderGemma(ctx: TemplateContext): Result<string, ChatError> {
  if (ctx.tools !== null) return err(unsupported('gemma', '$.tools', 'has no syntax for tool definitions'));
  const first = ctx.messages[0];
  const prefix = first?.role === 'system' ? `${first.content}\n\n` : '';
  const offset = first?.role === 'system' ? 1 : 0;
  let out = ctx.bos;
  for (const [i, m] of ctx.messages.slice(offset).entries()) {
    const path = `$.messages[${i + offset}]`;
    if (m.role === 'tool' || (m.role === 'assistant' && m.toolCalls.length > 0) || m.content === null) {
      return err(unsupported('gemma', path, 'has no syntax for tool calls or tool results'));
    }
    if ((m.role === 'user') !== (i % 2 === 0)) {
      return err(unsupported('gemma', path, 'needs roles to alternate user/assistant/user/assistant/...'));
    }
    const role = m.role === 'assistant' ? 'model' : m.role;
    out += `<start_of_turn>${role}\n${i === 0 ? prefix : ''}${pythonStrip(m.content)}<end_of_turn>\n`;
  }
  if (ctx.addGenerationPrompt) out += '<start_of_turn>model\n';
  return ok(out);
}
