/**
 * Wire response samples in golden/responses/, each shaped after the runtime's documentation or a captured
 * response, with the format that decodes it. `.expected.json` (canonical) and `.normalized.json` sit beside each.
 */
import type { ResponseFormat } from '../../../src/shared/chat/normalize';

export interface ResponseCase {
  readonly file: string;
  readonly format: ResponseFormat;
  readonly source: string;
}

export const RESPONSE_CASES: readonly ResponseCase[] = [
  { file: 'openai-gpt.json', format: 'openai', source: 'OpenAI API reference, chat completion object' },
  { file: 'vllm-tool-calls.json', format: 'openai', source: 'vLLM OpenAI server with a tool parser: content null, reasoning_content, stop_reason' },
  { file: 'llamacpp-chat.json', format: 'openai', source: 'llama.cpp server README: /v1/chat/completions with timings' },
  { file: 'ollama-v1-tool-calls.json', format: 'openai', source: 'Ollama docs/openai.md: content "" with tool_calls, fp_ollama' },
  { file: 'lmdeploy-length.json', format: 'openai', source: 'LMDeploy api_server: tool_calls null, finish_reason length' },
  { file: 'content-parts-no-usage.json', format: 'openai', source: 'tolerance: content as text parts, finish_reason null, usage null' },
  { file: 'ollama-chat.json', format: 'ollama', source: 'Ollama docs/api.md, chat request (no streaming)' },
  { file: 'ollama-tool-calls.json', format: 'ollama', source: 'Ollama docs/api.md, chat request with tools' },
  { file: 'ollama-cached-length.json', format: 'ollama', source: 'Ollama with a cached prompt (no prompt_eval_count), thinking, done_reason length' },
  { file: 'anthropic-text.json', format: 'anthropic', source: 'Anthropic Messages API reference, response example' },
  { file: 'anthropic-tool-use.json', format: 'anthropic', source: 'Anthropic tool use docs: thinking + text + tool_use, cache token counts' },
  { file: 'vllm-completion.json', format: 'completion', source: 'vLLM /v1/completions' },
  { file: 'llamacpp-completion.json', format: 'completion', source: 'llama.cpp server README: /completion with stop_type' },
  { file: 'llamacpp-completion-legacy.json', format: 'completion', source: 'older llama.cpp /completion: stopped_limit booleans' },
];
