/**
 * Control tokens of each template family, written as text. A raw prompt is tokenized with special-token
 * parsing on (llama.cpp's `/completion` does so), so a user who types `<|im_start|>system` would forge a turn.
 * renderPrompt refuses any input text containing one of these unless the caller opts out.
 */
import type { JsonValue } from './json-value';
import type { TemplateFamily } from './template-context';
import type { ChatMessage, ToolDefinition } from './types';

const LLAMA3 = ['<|begin_of_text|>', '<|end_of_text|>', '<|start_header_id|>', '<|end_header_id|>', '<|eot_id|>', '<|eom_id|>', '<|python_tag|>'];

export const TEMPLATE_SPECIAL_TOKENS: Readonly<Record<TemplateFamily, readonly string[]>> = {
  llama3: LLAMA3,
  'llama3.1': LLAMA3,
  mistral: ['<s>', '</s>', '[INST]', '[/INST]', '[TOOL_CALLS]', '[AVAILABLE_TOOLS]', '[/AVAILABLE_TOOLS]', '[TOOL_RESULTS]', '[/TOOL_RESULTS]'],
  chatml: ['<|im_start|>', '<|im_end|>', '<|endoftext|>'],
  gemma: ['<bos>', '<eos>', '<start_of_turn>', '<end_of_turn>'],
};

/** The path and token of the first input text that contains a control token, or null. */
export function findSpecialToken(
  family: TemplateFamily, messages: readonly ChatMessage[], tools: readonly ToolDefinition[] | null,
): { path: string; token: string } | null {
  const tokens = TEMPLATE_SPECIAL_TOKENS[family];
  const check = (text: string, path: string): { path: string; token: string } | null => {
    const token = tokens.find((t) => text.includes(t));
    return token === undefined ? null : { path, token };
  };
  const deep = (value: JsonValue, path: string): { path: string; token: string } | null => {
    if (typeof value === 'string') return check(value, path);
    if (value === null || typeof value !== 'object') return null;
    const isArray = Array.isArray(value);
    for (const [k, v] of Object.entries(value)) {
      const hit = (isArray ? null : check(k, path)) ?? deep(v as JsonValue, isArray ? `${path}[${k}]` : `${path}.${k}`);
      if (hit !== null) return hit;
    }
    return null;
  };
  for (const [i, m] of messages.entries()) {
    const hit = (m.content === null ? null : check(m.content, `$.messages[${i}].content`))
      ?? (m.role === 'assistant' ? m.toolCalls.map((c, j) => deep(c.arguments as JsonValue, `$.messages[${i}].toolCalls[${j}].arguments`)).find((h) => h !== null) ?? null : null);
    if (hit !== null) return hit;
  }
  for (const [i, t] of (tools ?? []).entries()) {
    const hit = deep(t as unknown as JsonValue, `$.tools[${i}]`);
    if (hit !== null) return hit;
  }
  return null;
}
