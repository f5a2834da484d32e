/**
 * Raw-prompt completion endpoints, for prompts rendered by templates.ts:
 * - OpenAI `POST /v1/completions` (vLLM, LMDeploy, llama.cpp, TensorRT-LLM): `choices[0].text`;
 * - llama.cpp native `POST /completion` (tools/server/README.md): `content`, `stop_type`, `tokens_evaluated`,
 *   `tokens_predicted`; older builds report `stopped_eos` / `stopped_word` / `stopped_limit` instead of `stop_type`.
 * The reply is plain text: tool calls written in a template's syntax are not parsed out (docs/chat-formats.md).
 */
import { chatError } from './chat-error';
import { CHAT_LIMITS } from './chat-limits.constants';
import { err, ok, type Result } from '../result';
import type { ChatError, ChatResponse, FinishReason, GenerationParams } from './types';
import { parseResponseBody } from './upstream-error';
import { readUsage } from './openai';
import { WireReader } from './wire-reader';

export type CompletionTarget = 'openai' | 'llamacpp';

export interface OpenAiCompletionRequest {
  model: string;
  prompt: string;
  max_tokens: number;
  temperature?: number;
  top_p?: number;
  stop?: string[];
  seed?: number;
  stream: false;
}

export interface LlamaCppCompletionRequest {
  prompt: string;
  n_predict: number;
  temperature?: number;
  top_p?: number;
  stop?: string[];
  seed?: number;
  stream: false;
  /** Off: a reused KV cache can change the logits, and so the text (outcalls.md §1.8). */
  cache_prompt: false;
}

/** `stop` is the caller's stops followed by the template's (TEMPLATE_STOP_SEQUENCES), duplicates removed. */
export function encodeCompletionRequest(
  target: CompletionTarget, model: string, prompt: string, params: GenerationParams, templateStops: readonly string[] = [],
): OpenAiCompletionRequest | LlamaCppCompletionRequest {
  const stop = [...new Set([...(params.stop ?? []), ...templateStops])];
  const sampling: { temperature?: number; top_p?: number; stop?: string[]; seed?: number } = {};
  if (params.temperature !== undefined) sampling.temperature = params.temperature;
  if (params.topP !== undefined) sampling.top_p = params.topP;
  if (stop.length > 0) sampling.stop = stop;
  if (params.seed !== undefined) sampling.seed = params.seed;
  return target === 'openai'
    ? { model, prompt, max_tokens: params.maxTokens, ...sampling, stream: false }
    : { prompt, n_predict: params.maxTokens, ...sampling, stream: false, cache_prompt: false };
}

const OPENAI_FINISH: Readonly<Record<string, FinishReason>> = { stop: 'stop', length: 'length', content_filter: 'content_filter' };
const LLAMACPP_STOP_TYPE: Readonly<Record<string, FinishReason>> = { eos: 'stop', word: 'stop', limit: 'length' };

/** Reads either completion shape: `choices` means OpenAI, `content` means llama.cpp. */
export function decodeCompletionResponse(body: string): Result<ChatResponse, ChatError> {
  const parsed = parseResponseBody(body);
  if (!parsed.ok) return parsed;
  const top = parsed.value;
  const r = new WireReader();
  const maxText = CHAT_LIMITS.MAX_RESPONSE_CONTENT_BYTES;
  let text: string;
  let finishReason: FinishReason = 'unknown';
  let usage: ChatResponse['usage'];
  if (top['choices'] !== undefined) {
    const choices = r.array(top['choices'], '$.choices', Number.MAX_SAFE_INTEGER, 'choices');
    if (r.error === null && choices.length === 0) r.fail(chatError('missing_field', '$.choices[0]', 'choices is empty'));
    const choice = r.object(choices[0], '$.choices[0]');
    text = r.string(r.field(choice, 'text', '$.choices[0]'), '$.choices[0].text', maxText, 'MAX_RESPONSE_CONTENT_BYTES');
    const reason = choice['finish_reason'];
    if (typeof reason === 'string') finishReason = OPENAI_FINISH[reason] ?? 'unknown';
    usage = readUsage(r, top['usage'], '$.usage', 'prompt_tokens', 'completion_tokens');
  } else if (top['content'] !== undefined) {
    text = r.string(top['content'], '$.content', maxText, 'MAX_RESPONSE_CONTENT_BYTES');
    const stopType = top['stop_type'];
    if (typeof stopType === 'string') finishReason = LLAMACPP_STOP_TYPE[stopType] ?? 'unknown';
    else if (top['stopped_limit'] === true) finishReason = 'length';
    else if (top['stopped_eos'] === true || top['stopped_word'] === true) finishReason = 'stop';
    const max = CHAT_LIMITS.MAX_USAGE_TOKENS;
    usage = top['tokens_predicted'] === undefined ? null : {
      inputTokens: top['tokens_evaluated'] === undefined ? 0 : r.count(top['tokens_evaluated'], '$.tokens_evaluated', max, 'MAX_USAGE_TOKENS'),
      outputTokens: r.count(top['tokens_predicted'], '$.tokens_predicted', max, 'MAX_USAGE_TOKENS'),
    };
  } else {
    return err(chatError('missing_field', '$', 'neither "choices" (OpenAI /v1/completions) nor "content" (llama.cpp /completion)'));
  }
  if (r.error !== null) return err(r.error);
  return ok({ message: { role: 'assistant', content: text, toolCalls: [] }, finishReason, usage });
}
