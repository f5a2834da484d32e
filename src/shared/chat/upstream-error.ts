/**
 * Recognizes the error bodies servers send instead of a result, so a decoder reports `upstream_error` with the
 * server's message rather than a confusing `missing_field`. Shapes seen:
 * - OpenAI, llama.cpp, Ollama /v1: `{ "error": { "message", "type", "code" } }`;
 * - vLLM: `{ "object": "error", "message", "type", "code" }`;
 * - Ollama /api/chat: `{ "error": "text" }`;
 * - Anthropic: `{ "type": "error", "error": { "type", "message" } }`.
 */
import { chatError } from './chat-error';
import { CHAT_LIMITS } from './chat-limits.constants';
import { isJsonObject } from './json-value';
import type { ChatError } from './types';
import { truncateUtf8 } from './utf8';
import { err, type Result } from '../result';
import { parseJsonBody } from './wire-reader';

export function detectUpstreamError(body: Record<string, unknown>): ChatError | null {
  const e = body['error'];
  let message: unknown;
  let path = '$.error';
  if (typeof e === 'string') message = e;
  else if (isJsonObject(e)) {
    message = e['message'];
    path = '$.error.message';
  } else if (body['object'] === 'error') {
    message = body['message'];
    path = '$.message';
  } else return null;
  const text = typeof message === 'string' ? message : 'no message';
  return chatError('upstream_error', path, `server error: ${truncateUtf8(text, CHAT_LIMITS.MAX_UPSTREAM_ERROR_MESSAGE_BYTES)}`);
}

/** A response body parsed to its top-level object, or the server's own error if it sent one instead. */
export function parseResponseBody(body: string): Result<Record<string, unknown>, ChatError> {
  const parsed = parseJsonBody(body);
  if (!parsed.ok) return parsed;
  const upstream = detectUpstreamError(parsed.value);
  return upstream === null ? parsed : err(upstream);
}
