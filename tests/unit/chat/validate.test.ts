/** validateChatRequest: the canonical model's rules and bounds, each failing with a clear code and path. */
import { describe, expect, it } from 'vitest';
import { CHAT_LIMITS } from '../../../src/shared/chat/chat-limits.constants';
import type { ChatErrorCode } from '../../../src/shared/chat/types';
import { validateChatRequest } from '../../../src/shared/chat/validate';
import { readGolden, REQUEST_CASES } from './golden-helpers';

const base = (): Record<string, any> => JSON.parse(readGolden('requests/tools.canonical.json')) as Record<string, any>;
const withChange = (change: (o: Record<string, any>) => void): Record<string, any> => {
  const o = base();
  change(o);
  return o;
};

describe('validateChatRequest accepts the fixtures', () => {
  it.each(REQUEST_CASES)('%s', (name) => {
    const input = JSON.parse(readGolden(`requests/${name}.canonical.json`)) as unknown;
    const r = validateChatRequest(input);
    expect(r.ok ? r.value : r.error).toEqual(input);
  });

  it('fills a missing toolCalls with [] and leaves absent tools absent', () => {
    const r = validateChatRequest({ model: 'm', messages: [{ role: 'assistant', content: 'x' }], params: { maxTokens: 1 } });
    expect(r.ok ? r.value : r.error).toEqual({ model: 'm', messages: [{ role: 'assistant', content: 'x', toolCalls: [] }], params: { maxTokens: 1 } });
  });
});

const big = (bytes: number): string => 'a'.repeat(bytes);

const CASES: readonly (readonly [string, unknown, ChatErrorCode, string])[] = [
  ['not an object', 'hello', 'wrong_type', '$'],
  ['missing model', withChange((o) => delete o.model), 'missing_field', '$.model'],
  ['empty model', withChange((o) => { o.model = ''; }), 'invalid_value', '$.model'],
  ['long model id', withChange((o) => { o.model = big(CHAT_LIMITS.MAX_MODEL_ID_BYTES + 1); }), 'limit_exceeded', '$.model'],
  ['messages not an array', withChange((o) => { o.messages = {}; }), 'wrong_type', '$.messages'],
  ['no messages', withChange((o) => { o.messages = []; }), 'invalid_value', '$.messages'],
  ['too many messages', withChange((o) => { o.messages = Array.from({ length: CHAT_LIMITS.MAX_MESSAGES + 1 }, () => ({ role: 'user', content: 'x' })); }), 'limit_exceeded', '$.messages'],
  ['unknown role', withChange((o) => { o.messages[0].role = 'developer'; }), 'invalid_value', '$.messages[0].role'],
  ['content not text', withChange((o) => { o.messages[1].content = 12; }), 'wrong_type', '$.messages[1].content'],
  ['oversize content', withChange((o) => { o.messages[1].content = big(CHAT_LIMITS.MAX_MESSAGE_CONTENT_BYTES + 1); }), 'limit_exceeded', '$.messages[1].content'],
  ['oversize total', withChange((o) => { o.messages = Array.from({ length: 9 }, () => ({ role: 'user', content: big(CHAT_LIMITS.MAX_MESSAGE_CONTENT_BYTES) })); }), 'limit_exceeded', '$.messages'],
  ['empty assistant', withChange((o) => { o.messages[2].toolCalls = []; }), 'invalid_value', '$.messages[2]'],
  ['tool result for an unknown call', withChange((o) => { o.messages[3].toolCallId = 'nope'; }), 'invalid_value', '$.messages[3].toolCallId'],
  ['tool call arguments as text', withChange((o) => { o.messages[2].toolCalls[0].arguments = '{"city":"Paris"}'; }), 'wrong_type', '$.messages[2].toolCalls[0].arguments'],
  ['tool call with empty id', withChange((o) => { o.messages[2].toolCalls[0].id = ''; }), 'invalid_value', '$.messages[2].toolCalls[0].id'],
  ['oversize arguments', withChange((o) => { o.messages[2].toolCalls[0].arguments = { x: big(CHAT_LIMITS.MAX_TOOL_ARGUMENTS_BYTES) }; }), 'limit_exceeded', '$.messages[2].toolCalls[0].arguments'],
  ['too many tools', withChange((o) => { o.tools = Array.from({ length: CHAT_LIMITS.MAX_TOOLS + 1 }, (_, i) => ({ ...o.tools[0], name: `t${i}` })); }), 'limit_exceeded', '$.tools'],
  ['duplicate tool', withChange((o) => { o.tools[1].name = 'get_weather'; }), 'invalid_value', '$.tools[1].name'],
  ['tool name with spaces', withChange((o) => { o.tools[0].name = 'get weather'; }), 'invalid_value', '$.tools[0].name'],
  ['parameters not an object schema', withChange((o) => { o.tools[0].parameters.type = 'array'; }), 'invalid_value', '$.tools[0].parameters.type'],
  ['nested property type', withChange((o) => { o.tools[0].parameters.properties.city.type = 'object'; }), 'invalid_value', '$.tools[0].parameters.properties.city.type'],
  ['enum on a number', withChange((o) => { o.tools[1].parameters.properties.offset_hours.enum = ['1']; }), 'invalid_value', '$.tools[1].parameters.properties.offset_hours.enum'],
  ['required names an unknown property', withChange((o) => { o.tools[0].parameters.required = ['town']; }), 'invalid_value', '$.tools[0].parameters.required[0]'],
  ['missing params', withChange((o) => delete o.params), 'missing_field', '$.params'],
  ['missing maxTokens', withChange((o) => { o.params = {}; }), 'missing_field', '$.params.maxTokens'],
  ['maxTokens zero', withChange((o) => { o.params.maxTokens = 0; }), 'invalid_value', '$.params.maxTokens'],
  ['maxTokens too large', withChange((o) => { o.params.maxTokens = CHAT_LIMITS.MAX_MAX_TOKENS + 1; }), 'invalid_value', '$.params.maxTokens'],
  ['maxTokens fractional', withChange((o) => { o.params.maxTokens = 10.5; }), 'wrong_type', '$.params.maxTokens'],
  ['temperature too high', withChange((o) => { o.params.temperature = 2.5; }), 'invalid_value', '$.params.temperature'],
  ['topP zero', withChange((o) => { o.params.topP = 0; }), 'invalid_value', '$.params.topP'],
  ['seed negative', withChange((o) => { o.params.seed = -1; }), 'invalid_value', '$.params.seed'],
  ['too many stops', withChange((o) => { o.params.stop = ['a', 'b', 'c', 'd', 'e']; }), 'limit_exceeded', '$.params.stop'],
  ['empty stop', withChange((o) => { o.params.stop = ['']; }), 'invalid_value', '$.params.stop[0]'],
];

describe('validateChatRequest rejects', () => {
  it.each(CASES)('%s', (_name, input, code, path) => {
    const r = validateChatRequest(input);
    expect(r.ok ? 'ok' : [r.error.code, r.error.path]).toEqual([code, path]);
  });
});

describe('keys named __proto__ stay plain data', () => {
  it('a tool property and a tool-call argument called __proto__ survive validation', () => {
    const input = JSON.parse('{"model":"m","messages":[{"role":"assistant","content":null,"toolCalls":[{"id":"a","name":"f","arguments":{"__proto__":{"x":1}}}]}],'
      + '"tools":[{"name":"f","parameters":{"type":"object","properties":{"__proto__":{"type":"string"}},"required":["__proto__"]}}],"params":{"maxTokens":1}}') as unknown;
    const r = validateChatRequest(input);
    if (!r.ok) throw new Error(r.error.message);
    expect(Object.keys(r.value.tools?.[0]?.parameters.properties ?? {})).toEqual(['__proto__']);
    const call = r.value.messages[0];
    expect(call?.role === 'assistant' ? Object.keys(call.toolCalls[0]?.arguments ?? {}) : null).toEqual(['__proto__']);
  });

  it('required may not name an inherited key', () => {
    const r = validateChatRequest({ model: 'm', messages: [{ role: 'user', content: 'x' }], tools: [{ name: 'f', parameters: { type: 'object', properties: {}, required: ['toString'] } }], params: { maxTokens: 1 } });
    expect(r.ok ? 'ok' : r.error.path).toBe('$.tools[0].parameters.required[0]');
  });
});
