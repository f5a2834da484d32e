/**
 * Normalized response JSON: one compact, deterministic text for "what the model answered", whatever the
 * wire format. Per-response noise (`id`, `created`, `created_at`, `system_fingerprint`, `timings`, durations,
 * `model`, headers) is dropped by construction, keys come in a fixed order, and tool-call arguments are
 * key-sorted (canonicalJson). So 13 replicas transforming byte-identical or merely equivalent bodies produce
 * byte-identical output (outcalls.md §1.3), and the worker gateway can send exactly these bytes.
 *
 * Failures normalize too (`{"v":1,"error":{...}}`): a transform must always return something, and replicas
 * must agree on the failure as well.
 */
import { decodeAnthropicResponse } from './anthropic';
import { chatError } from './chat-error';
import { CHAT_LIMITS } from './chat-limits.constants';
import { decodeCompletionResponse } from './completion';
import { canonicalJson, type JsonValue } from './json-value';
import { decodeOllamaResponse } from './ollama';
import { decodeOpenAiResponse, readUsage } from './openai';
import { err, ok, type Result } from '../result';
import { FINISH_REASONS, type ChatError, type ChatErrorCode, type ChatResponse, type FinishReason } from './types';
import { readToolCalls } from './validate';
import { encodeUtf8 } from './utf8';
import { parseJsonBody, WireReader } from './wire-reader';

export const NORMALIZED_RESPONSE_VERSION = 1;

/** Wire formats whose response bodies can be normalized. */
export type ResponseFormat = 'openai' | 'ollama' | 'anthropic' | 'completion';
export const RESPONSE_FORMATS: readonly ResponseFormat[] = ['openai', 'ollama', 'anthropic', 'completion'];

export function decodeResponseBody(format: ResponseFormat, body: string): Result<ChatResponse, ChatError> {
  switch (format) {
    case 'openai': return decodeOpenAiResponse(body);
    case 'ollama': return decodeOllamaResponse(body);
    case 'anthropic': return decodeAnthropicResponse(body);
    case 'completion': return decodeCompletionResponse(body);
    default: return err(chatError('invalid_value', '$format', `unknown response format "${String(format)}"`));
  }
}

/** The canonical text of a decoded response or of the error decoding gave. */
export function normalizedJson(result: Result<ChatResponse, ChatError>): string {
  const v = NORMALIZED_RESPONSE_VERSION;
  if (!result.ok) {
    const e = result.error;
    const limit = e.limit === undefined ? '' : `,"limit":{"name":${JSON.stringify(e.limit.name)},"max":${e.limit.max},"actual":${e.limit.actual}}`;
    return `{"v":${v},"error":{"code":${JSON.stringify(e.code)},"path":${JSON.stringify(e.path)},"message":${JSON.stringify(e.message)}${limit}}}`;
  }
  const { message, finishReason, usage } = result.value;
  const calls = message.toolCalls.map((c) => `{"id":${JSON.stringify(c.id)},"name":${JSON.stringify(c.name)},"arguments":${canonicalJson(c.arguments as JsonValue)}}`);
  const usageText = usage === null ? 'null' : `{"inputTokens":${usage.inputTokens},"outputTokens":${usage.outputTokens}}`;
  return `{"v":${v},"message":{"content":${JSON.stringify(message.content)},"toolCalls":[${calls.join(',')}]},"finishReason":${JSON.stringify(finishReason)},"usage":${usageText}}`;
}

/** Decode `body` as `format` and return its normalized text (the error form on failure). */
export function normalizeResponse(format: ResponseFormat, body: string): string {
  return normalizedJson(decodeResponseBody(format, body));
}

/** The same as UTF-8 bytes, for an outcall transform's response body. */
export function normalizeResponseBytes(format: ResponseFormat, body: string): Uint8Array {
  return encodeUtf8(normalizeResponse(format, body));
}

const ERROR_CODES: readonly ChatErrorCode[] = ['invalid_json', 'missing_field', 'wrong_type', 'invalid_value', 'limit_exceeded', 'unsupported', 'upstream_error'];

/** Reads normalized text back: the response, or the error it records (or a new error if the text is bad). */
export function parseNormalizedResponse(text: string): Result<ChatResponse, ChatError> {
  const parsed = parseJsonBody(text);
  if (!parsed.ok) return parsed;
  const top = parsed.value;
  const r = new WireReader();
  if (r.field(top, 'v', '$') !== NORMALIZED_RESPONSE_VERSION && r.error === null) {
    r.fail(chatError('invalid_value', '$.v', `normalized response version must be ${NORMALIZED_RESPONSE_VERSION}`));
  }
  if (top['error'] !== undefined) {
    const e = r.object(top['error'], '$.error');
    const code = r.field(e, 'code', '$.error') as ChatErrorCode;
    if (r.error === null && !ERROR_CODES.includes(code)) r.fail(chatError('invalid_value', '$.error.code', 'unknown error code'));
    const path = r.string(r.field(e, 'path', '$.error'), '$.error.path', 1024, 'path');
    const message = r.string(r.field(e, 'message', '$.error'), '$.error.message', 4096, 'message');
    if (r.error !== null) return err(r.error);
    return err({ code, path, message });
  }
  const m = r.object(r.field(top, 'message', '$'), '$.message');
  const content = r.optString(m['content'], '$.message.content', CHAT_LIMITS.MAX_RESPONSE_CONTENT_BYTES, 'MAX_RESPONSE_CONTENT_BYTES');
  const toolCalls = readToolCalls(r, r.field(m, 'toolCalls', '$.message'), '$.message.toolCalls');
  const finishReason = r.field(top, 'finishReason', '$') as FinishReason;
  if (r.error === null && !FINISH_REASONS.includes(finishReason)) r.fail(chatError('invalid_value', '$.finishReason', 'unknown finish reason'));
  const usage = readUsage(r, top['usage'], '$.usage', 'inputTokens', 'outputTokens');
  if (r.error !== null) return err(r.error);
  return ok({ message: { role: 'assistant', content, toolCalls }, finishReason, usage });
}
