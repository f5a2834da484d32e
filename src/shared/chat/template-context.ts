/** What each chat-template renderer receives (built by renderPrompt in templates.ts). */
import { chatError } from './chat-error';
import type { ChatError, ChatMessage, ToolDefinition } from './types';

export type TemplateFamily = 'llama3' | 'llama3.1' | 'mistral' | 'chatml' | 'gemma';

export interface TemplateContext {
  readonly messages: readonly ChatMessage[];
  /** Null when there are no tools (the templates test `tools is not none`). */
  readonly tools: readonly ToolDefinition[] | null;
  readonly addGenerationPrompt: boolean;
  readonly bos: string;
  readonly eos: string;
  readonly defaultSystemPrompt: string | null;
  /** Llama 3.1 only: the `Today Date:` text. */
  readonly dateString: string;
}

/** The error every renderer gives for a feature its template cannot express. */
export function unsupported(family: TemplateFamily, path: string, what: string): ChatError {
  return chatError('unsupported', path, `the ${family} chat template ${what}`);
}
