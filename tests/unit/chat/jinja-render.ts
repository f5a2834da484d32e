/**
 * Renders the published chat templates (golden/templates/*.jinja) with @huggingface/jinja, the Jinja engine
 * transformers.js uses (installed here as a dependency of node-llama-cpp). Test-only: it proves the prompt
 * goldens are what the templates themselves produce.
 */
import { Template } from '@huggingface/jinja';
import { TEMPLATE_TOKENS, type TemplateFamily } from '../../../src/shared/chat/templates';
import type { ChatRequest } from '../../../src/shared/chat/types';
import { readGolden, toTemplateMessages, toTemplateTools } from './golden-helpers';

export function renderWithJinja(family: TemplateFamily, req: Pick<ChatRequest, 'messages' | 'tools'>, addGenerationPrompt = true): string {
  // Jinja drops one trailing newline by default (keep_trailing_newline=False).
  const source = readGolden(`templates/${family}.jinja`).replace(/\n$/, '');
  const tools = toTemplateTools(req.tools);
  const context: Record<string, unknown> = {
    messages: toTemplateMessages(req.messages),
    add_generation_prompt: addGenerationPrompt,
    bos_token: TEMPLATE_TOKENS[family].bos,
    eos_token: TEMPLATE_TOKENS[family].eos,
  };
  if (tools !== undefined) context['tools'] = tools;
  return new Template(source).render(context);
}
