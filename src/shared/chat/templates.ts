/**
 * Raw prompts for completion endpoints (OpenAI `/v1/completions`, llama.cpp `/completion`, Ollama `raw`),
 * rendered exactly as the models' published Hugging Face chat templates render them (outcalls.md §4.4):
 * - `llama3`: Meta-Llama-3-8B-Instruct;
 * - `llama3.1`: Llama-3.1-8B-Instruct (system header with dates, JSON tool calls, `ipython` tool results);
 * - `mistral`: Mistral-7B-Instruct-v0.3 (`[INST]`, tool calls as `[TOOL_CALLS]`, results as `[TOOL_RESULTS]`);
 * - `chatml`: Qwen2.5-7B-Instruct (ChatML with `<tool_call>` / `<tool_response>`, default system prompt);
 * - `gemma`: Gemma 3 IT (no system role: it is prefixed to the first user turn; assistant is `model`).
 * The templates themselves are the golden inputs in tests/unit/chat/golden/templates/, rendered there with a
 * Jinja engine to prove these renderers byte-identical. Where a template raises an exception, or has no
 * syntax for a feature (tools in Llama 3 and Gemma), rendering fails with `unsupported`.
 */
import { err, type Result } from '../result';
import { renderChatMl } from './template-chatml';
import { renderGemma } from './template-gemma';
import { renderLlama3 } from './template-llama3';
import { LLAMA31_DEFAULT_DATE, renderLlama31 } from './template-llama31';
import { renderMistral } from './template-mistral';
import { findSpecialToken } from './template-special-tokens';
import type { ChatError, ChatMessage, ToolDefinition } from './types';
import { chatError } from './chat-error';
import type { TemplateContext, TemplateFamily } from './template-context';

export type { TemplateContext, TemplateFamily } from './template-context';
export const TEMPLATE_FAMILIES: readonly TemplateFamily[] = ['llama3', 'llama3.1', 'mistral', 'chatml', 'gemma'];

/** Special tokens as text. The BOS token is written into the prompt unless `bos: 'omit'`. */
export const TEMPLATE_TOKENS: Readonly<Record<TemplateFamily, { readonly bos: string; readonly eos: string }>> = {
  llama3: { bos: '<|begin_of_text|>', eos: '<|eot_id|>' },
  'llama3.1': { bos: '<|begin_of_text|>', eos: '<|eot_id|>' },
  mistral: { bos: '<s>', eos: '</s>' },
  chatml: { bos: '', eos: '<|im_end|>' },
  gemma: { bos: '<bos>', eos: '<end_of_turn>' },
};

/** Stop strings to send with a raw prompt, so generation ends at the end of the assistant turn. */
export const TEMPLATE_STOP_SEQUENCES: Readonly<Record<TemplateFamily, readonly string[]>> = {
  llama3: ['<|eot_id|>'],
  /** `<|eom_id|>` ends a turn that expects a tool result. */
  'llama3.1': ['<|eot_id|>', '<|eom_id|>'],
  mistral: ['</s>'],
  chatml: ['<|im_end|>'],
  gemma: ['<end_of_turn>'],
};

/** Qwen2.5's template injects this when no system message is given. */
export const QWEN_DEFAULT_SYSTEM_PROMPT = 'You are Qwen, created by Alibaba Cloud. You are a helpful assistant.';

export interface RenderOptions {
  /** Append the header that starts the assistant's turn (HF `add_generation_prompt`). Default true. */
  readonly addGenerationPrompt?: boolean;
  /**
   * `include` (default) writes the BOS token as text, as `apply_chat_template` does. llama.cpp's `/completion`
   * adds BOS itself when it tokenizes, so send `omit` there to avoid a doubled BOS.
   */
  readonly bos?: 'include' | 'omit';
  /** ChatML only: the system prompt used when none is given; null for none. Default QWEN_DEFAULT_SYSTEM_PROMPT. */
  readonly defaultSystemPrompt?: string | null;
  /** Llama 3.1 only: the `Today Date:` line. Default the template's own, LLAMA31_DEFAULT_DATE. */
  readonly dateString?: string;
  /**
   * `reject` (default) refuses input text containing the family's control tokens (TEMPLATE_SPECIAL_TOKENS), which
   * would let a user forge turns in a raw prompt; `allow` renders them as the templates do.
   */
  readonly specialTokens?: 'reject' | 'allow';
}

export interface PromptInput {
  readonly messages: readonly ChatMessage[];
  readonly tools?: readonly ToolDefinition[];
}

/** @example renderPrompt('llama3', { messages: [{ role: 'user', content: 'Hi' }] }) */
export function renderPrompt(family: TemplateFamily, input: PromptInput, options: RenderOptions = {}): Result<string, ChatError> {
  const tokens = TEMPLATE_TOKENS[family];
  if (tokens === undefined) return err(chatError('invalid_value', '$.family', `unknown template family "${String(family)}"`));
  const ctx: TemplateContext = {
    messages: input.messages,
    tools: input.tools !== undefined && input.tools.length > 0 ? input.tools : null,
    addGenerationPrompt: options.addGenerationPrompt ?? true,
    bos: options.bos === 'omit' ? '' : tokens.bos,
    eos: tokens.eos,
    defaultSystemPrompt: options.defaultSystemPrompt === undefined ? QWEN_DEFAULT_SYSTEM_PROMPT : options.defaultSystemPrompt,
    dateString: options.dateString ?? LLAMA31_DEFAULT_DATE,
  };
  if (options.specialTokens !== 'allow') {
    const hit = findSpecialToken(family, ctx.messages, ctx.tools);
    if (hit !== null) return err(chatError('invalid_value', hit.path, `contains the ${family} control token ${hit.token}; it would forge prompt structure`));
  }
  switch (family) {
    case 'llama3': return renderLlama3(ctx);
    case 'llama3.1': return renderLlama31(ctx);
    case 'mistral': return renderMistral(ctx);
    case 'chatml': return renderChatMl(ctx);
    case 'gemma': return renderGemma(ctx);
  }
}
