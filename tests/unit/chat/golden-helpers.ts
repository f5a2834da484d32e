/** Loading golden files, and the OpenAI-shaped message dicts Hugging Face chat templates expect. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateChatRequest } from '../../../src/shared/chat/validate';
import { toFunctionTool } from '../../../src/shared/chat/tool-schema';
import type { ChatMessage, ChatRequest, ToolDefinition } from '../../../src/shared/chat/types';

export const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), 'golden');

export function readGolden(relative: string): string {
  return readFileSync(join(GOLDEN_DIR, relative), 'utf8');
}

/** Canonical request cases in golden/requests/<name>.canonical.json. */
export const REQUEST_CASES = ['chat', 'tools', 'tool-single', 'trim'] as const;
export type RequestCase = (typeof REQUEST_CASES)[number];

/** A canonical request fixture, validated (so fixtures themselves obey the canonical bounds). */
export function loadCanonicalRequest(name: RequestCase): ChatRequest {
  const r = validateChatRequest(JSON.parse(readGolden(`requests/${name}.canonical.json`)));
  if (!r.ok) throw new Error(`fixture ${name}: ${r.error.code} at ${r.error.path}: ${r.error.message}`);
  return r.value;
}

/** Pretty JSON with a final newline: the form golden .json files are stored in. */
export function goldenJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Messages as `apply_chat_template` receives them from an OpenAI-style request. */
export function toTemplateMessages(messages: readonly ChatMessage[]): Record<string, unknown>[] {
  return messages.map((m) => {
    switch (m.role) {
      case 'system':
      case 'user':
        return { role: m.role, content: m.content };
      case 'tool':
        return { role: 'tool', tool_call_id: m.toolCallId, content: m.content };
      case 'assistant':
        return m.toolCalls.length === 0
          ? { role: 'assistant', content: m.content }
          : {
            role: 'assistant',
            content: m.content,
            tool_calls: m.toolCalls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: c.arguments } })),
          };
    }
  });
}

export function toTemplateTools(tools: readonly ToolDefinition[] | undefined): unknown[] | undefined {
  return tools === undefined || tools.length === 0 ? undefined : tools.map(toFunctionTool);
}
