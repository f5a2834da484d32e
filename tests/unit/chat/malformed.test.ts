/** Malformed wire input: each case is rejected with its stable error code (and never throws). */
import { describe, expect, it } from 'vitest';
import { CHAT_LIMITS } from '../../../src/shared/chat/chat-limits.constants';
import { decodeLlmCanisterResponse } from '../../../src/shared/chat/llm-canister';
import { decodeResponseBody, type ResponseFormat } from '../../../src/shared/chat/normalize';
import type { ChatErrorCode } from '../../../src/shared/chat/types';
import { readGolden } from './golden-helpers';

const openai = readGolden('responses/openai-gpt.json');
const vllmTools = readGolden('responses/vllm-tool-calls.json');
const ollama = readGolden('responses/ollama-chat.json');
const anthropic = readGolden('responses/anthropic-tool-use.json');
const completion = readGolden('responses/llamacpp-completion.json');

/** Parses a golden body, changes it, and serializes it again. */
function edit(body: string, change: (o: Record<string, any>) => void): string {
  const o = JSON.parse(body) as Record<string, any>;
  change(o);
  return JSON.stringify(o);
}

const manyCalls = (n: number): unknown[] => Array.from({ length: n }, (_, i) => ({ id: `c${i}`, type: 'function', function: { name: 'f', arguments: '{}' } }));

type Case = readonly [name: string, format: ResponseFormat, body: unknown, code: ChatErrorCode, path?: string];
const CASES: readonly Case[] = [
  ['garbage', 'openai', '<html>502 Bad Gateway</html>', 'invalid_json', '$'],
  ['empty body', 'ollama', '', 'invalid_json', '$'],
  ['truncated JSON', 'anthropic', anthropic.slice(0, 80), 'invalid_json', '$'],
  ['top-level array', 'openai', '[1,2]', 'wrong_type', '$'],
  ['not a string body', 'openai', 42, 'wrong_type', '$'],
  ['oversize body', 'openai', `{"pad":"${'x'.repeat(CHAT_LIMITS.MAX_RESPONSE_BODY_BYTES)}"}`, 'limit_exceeded', '$'],
  ['missing choices', 'openai', edit(openai, (o) => delete o.choices), 'missing_field', '$.choices'],
  ['empty choices', 'openai', edit(openai, (o) => { o.choices = []; }), 'missing_field', '$.choices[0]'],
  ['missing message', 'openai', edit(openai, (o) => delete o.choices[0].message), 'missing_field', '$.choices[0].message'],
  ['content a number', 'openai', edit(openai, (o) => { o.choices[0].message.content = 7; }), 'wrong_type', '$.choices[0].message.content'],
  ['finish_reason a number', 'openai', edit(openai, (o) => { o.choices[0].finish_reason = 1; }), 'wrong_type', '$.choices[0].finish_reason'],
  ['usage tokens negative', 'openai', edit(openai, (o) => { o.usage.prompt_tokens = -1; }), 'wrong_type', '$.usage.prompt_tokens'],
  ['usage tokens a string', 'openai', edit(openai, (o) => { o.usage.completion_tokens = '10'; }), 'wrong_type', '$.usage.completion_tokens'],
  ['oversize content', 'openai', edit(openai, (o) => { o.choices[0].message.content = 'é'.repeat(CHAT_LIMITS.MAX_RESPONSE_CONTENT_BYTES); }), 'limit_exceeded', '$.choices[0].message.content'],
  ['arguments not JSON', 'openai', edit(vllmTools, (o) => { o.choices[0].message.tool_calls[0].function.arguments = '{city: Paris'; }), 'invalid_value', '$.choices[0].message.tool_calls[0].function.arguments'],
  ['arguments a JSON array', 'openai', edit(vllmTools, (o) => { o.choices[0].message.tool_calls[0].function.arguments = '[1]'; }), 'wrong_type', '$.choices[0].message.tool_calls[0].function.arguments'],
  ['arguments too deep', 'openai', edit(vllmTools, (o) => { o.choices[0].message.tool_calls[0].function.arguments = JSON.stringify({ a: { b: { c: { d: { e: { f: { g: { h: { i: 1 } } } } } } } } }); }), 'invalid_value'],
  ['bad tool name', 'openai', edit(vllmTools, (o) => { o.choices[0].message.tool_calls[0].function.name = 'get weather!'; }), 'invalid_value', '$.choices[0].message.tool_calls[0].function.name'],
  ['too many tool calls', 'openai', edit(vllmTools, (o) => { o.choices[0].message.tool_calls = manyCalls(CHAT_LIMITS.MAX_TOOL_CALLS_PER_MESSAGE + 1); }), 'limit_exceeded', '$.choices[0].message.tool_calls'],
  ['OpenAI error body', 'openai', '{"error":{"message":"Rate limit reached","type":"requests","code":"rate_limit_exceeded"}}', 'upstream_error', '$.error.message'],
  ['vLLM error body', 'openai', '{"object":"error","message":"The model `x` does not exist.","type":"NotFoundError","param":null,"code":404}', 'upstream_error', '$.message'],
  ['Ollama stream chunk', 'ollama', edit(ollama, (o) => { o.done = false; }), 'invalid_value', '$.done'],
  ['Ollama done a string', 'ollama', edit(ollama, (o) => { o.done = 'true'; }), 'wrong_type', '$.done'],
  ['Ollama error', 'ollama', '{"error":"model \\"llama9\\" not found, try pulling it first"}', 'upstream_error', '$.error'],
  ['Ollama arguments as text', 'ollama', edit(readGolden('responses/ollama-tool-calls.json'), (o) => { o.message.tool_calls[0].function.arguments = '{"a":1}'; }), 'wrong_type', '$.message.tool_calls[0].function.arguments'],
  ['Ollama missing content', 'ollama', edit(ollama, (o) => delete o.message.content), 'missing_field', '$.message.content'],
  ['Anthropic error', 'anthropic', '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}', 'upstream_error', '$.error.message'],
  ['Anthropic wrong type', 'anthropic', edit(anthropic, (o) => { o.type = 'completion'; }), 'invalid_value', '$.type'],
  ['Anthropic content not an array', 'anthropic', edit(anthropic, (o) => { o.content = 'hi'; }), 'wrong_type', '$.content'],
  ['Anthropic tool_use without input', 'anthropic', edit(anthropic, (o) => delete o.content[2].input), 'missing_field', '$.content[2].input'],
  ['completion neither shape', 'completion', '{"result":"x"}', 'missing_field', '$'],
  ['completion content a number', 'completion', edit(completion, (o) => { o.content = 5; }), 'wrong_type', '$.content'],
  ['completion tokens a float', 'completion', edit(completion, (o) => { o.tokens_predicted = 1.5; }), 'wrong_type', '$.tokens_predicted'],
];

describe('malformed responses give the expected error code', () => {
  for (const [name, format, body, code, path] of CASES) {
    it(`${name} (${format})`, () => {
      const r = decodeResponseBody(format, body as string);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe(code);
        if (path !== undefined) expect(r.error.path).toBe(path);
        expect(r.error.message.length).toBeGreaterThan(0);
      }
    });
  }

  it('names the broken limit', () => {
    const r = decodeResponseBody('openai', edit(vllmTools, (o) => { o.choices[0].message.tool_calls = manyCalls(17); }));
    expect(r.ok ? null : r.error.limit).toEqual({ name: 'MAX_TOOL_CALLS_PER_MESSAGE', max: 16, actual: 17 });
  });

  it('cuts long upstream error messages', () => {
    const r = decodeResponseBody('openai', JSON.stringify({ error: { message: 'x'.repeat(10_000) } }));
    expect(r.ok ? 0 : r.error.message.length).toBeLessThan(CHAT_LIMITS.MAX_UPSTREAM_ERROR_MESSAGE_BYTES + 20);
  });
});

const LLM_CASES: readonly (readonly [string, unknown, ChatErrorCode, string])[] = [
  ['not a record', 'text', 'wrong_type', '$'],
  ['missing message', {}, 'missing_field', '$.message'],
  ['content not an opt', { message: { content: 'hi', tool_calls: [] } }, 'wrong_type', '$.message.content'],
  ['opt with two values', { message: { content: ['a', 'b'], tool_calls: [] } }, 'limit_exceeded', '$.message.content'],
  ['tool_calls missing', { message: { content: [] } }, 'missing_field', '$.message.tool_calls'],
  ['argument value not text', { message: { content: [], tool_calls: [{ id: 'a', function: { name: 'f', arguments: [{ name: 'x', value: 1 }] } }] } }, 'wrong_type', '$.message.tool_calls[0].function.arguments[0].value'],
  ['duplicate argument', { message: { content: [], tool_calls: [{ id: 'a', function: { name: 'f', arguments: [{ name: 'x', value: '1' }, { name: 'x', value: '2' }] } }] } }, 'invalid_value', '$.message.tool_calls[0].function.arguments[1].name'],
];

describe('malformed LLM canister responses', () => {
  it.each(LLM_CASES)('%s', (_name, wire, code, path) => {
    const r = decodeLlmCanisterResponse(wire);
    expect(r.ok ? 'ok' : [r.error.code, r.error.path]).toEqual([code, path]);
  });
});

describe('LLM canister argument names are plain data', () => {
  it('an argument called __proto__ is kept as an own property', () => {
    const r = decodeLlmCanisterResponse({ message: { content: [], tool_calls: [{ id: 'a', function: { name: 'f', arguments: [{ name: '__proto__', value: 'v' }] } }] } });
    if (!r.ok) throw new Error(r.error.message);
    expect(Object.keys(r.value.message.toolCalls[0]?.arguments ?? {})).toEqual(['__proto__']);
    expect(r.value.message.toolCalls[0]?.arguments['__proto__']).toBe('v');
  });
});
