/**
 * The LLM canister's documented limits (dfinity/llm README FAQ at ba99763; outcalls.md §2, azle.md §5.5) and a
 * check that names the limit a request breaks, so the router can refuse before spending a call.
 */
import { chatError, limitError } from './chat-error';
import { canonicalJson, type JsonValue } from './json-value';
import { err, ok, type Result } from '../result';
import type { ChatError, ChatRequest } from './types';
import { utf8ByteLength } from './utf8';

export const LLM_CANISTER_LIMITS = {
  /** "A chat request can have a maximum of 10 messages." */
  MAX_MESSAGES: 10,
  /** "The prompt length, across all the messages, must not exceed 10KiB." Counted as UTF-8 bytes. */
  MAX_PROMPT_BYTES: 10 * 1024 /* 10 KiB */,
  /** "The output is limited to 1000 tokens." */
  MAX_OUTPUT_TOKENS: 1000,
  /** Bounded-wait timeout the Rust client uses (rust/src/chat.rs). */
  CALL_TIMEOUT_SECONDS: 300,
} as const;

/** Models the canister serves (rust/src/lib.rs `enum Model`, since 2025-06-16). */
export const LLM_CANISTER_MODELS = ['llama3.1:8b', 'qwen3:32b', 'llama4-scout'] as const;
export type LlmCanisterModel = (typeof LLM_CANISTER_MODELS)[number];

/**
 * Prompt bytes as we count them: every message's text plus, for assistant tool calls, each call's name and
 * argument text (all of it reaches the model's prompt).
 */
export function llmCanisterPromptBytes(req: ChatRequest): number {
  let bytes = 0;
  for (const m of req.messages) {
    if (m.content !== null) bytes += utf8ByteLength(m.content);
    if (m.role === 'assistant') {
      for (const c of m.toolCalls) bytes += utf8ByteLength(c.name) + utf8ByteLength(canonicalJson(c.arguments as JsonValue));
    }
  }
  return bytes;
}

/** Ok when `req` fits every documented limit; otherwise the first limit broken, by name. */
export function checkLlmCanisterLimits(req: ChatRequest): Result<null, ChatError> {
  const L = LLM_CANISTER_LIMITS;
  if (!(LLM_CANISTER_MODELS as readonly string[]).includes(req.model)) {
    return err(chatError('unsupported', '$.model', `the LLM canister serves ${LLM_CANISTER_MODELS.join(', ')}; not "${req.model}"`));
  }
  if (req.messages.length > L.MAX_MESSAGES) {
    return err(limitError('LLM_CANISTER_LIMITS.MAX_MESSAGES', L.MAX_MESSAGES, req.messages.length, '$.messages', 'message count'));
  }
  const bytes = llmCanisterPromptBytes(req);
  if (bytes > L.MAX_PROMPT_BYTES) {
    return err(limitError('LLM_CANISTER_LIMITS.MAX_PROMPT_BYTES', L.MAX_PROMPT_BYTES, bytes, '$.messages', 'prompt bytes'));
  }
  if (req.params.maxTokens > L.MAX_OUTPUT_TOKENS) {
    return err(limitError('LLM_CANISTER_LIMITS.MAX_OUTPUT_TOKENS', L.MAX_OUTPUT_TOKENS, req.params.maxTokens, '$.params.maxTokens', 'maxTokens'));
  }
  return ok(null);
}
