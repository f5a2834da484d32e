/** canonical → wire → canonical, for requests and responses, with exactly the documented losses. */
import { IDL } from '@dfinity/candid';
import { describe, expect, it } from 'vitest';
import { decodeAnthropicResponse, encodeAnthropicRequest } from '../../../src/shared/chat/anthropic';
import { decodeAnthropicRequest, encodeAnthropicResponse } from '../../../src/shared/chat/anthropic-server';
import { decodeLlmCanisterResponse, encodeLlmCanisterRequest } from '../../../src/shared/chat/llm-canister';
import { llmCanisterIdl } from '../../../src/shared/chat/llm-canister.idl';
import { decodeLlmCanisterRequest, encodeLlmCanisterResponse } from '../../../src/shared/chat/llm-canister-server';
import { decodeOllamaResponse, encodeOllamaRequest } from '../../../src/shared/chat/ollama';
import { decodeOllamaRequest, encodeOllamaResponse } from '../../../src/shared/chat/ollama-server';
import { decodeOpenAiResponse, encodeOpenAiRequest } from '../../../src/shared/chat/openai';
import { decodeOpenAiRequest, encodeOpenAiResponse } from '../../../src/shared/chat/openai-server';
import type { ChatMessage, ChatRequest, ChatResponse } from '../../../src/shared/chat/types';
import { loadCanonicalRequest, REQUEST_CASES } from './golden-helpers';

const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

/** Ollama carries no tool-call ids: calls come back numbered call_0, call_1, … in conversation order. */
function renumberCalls(messages: readonly ChatMessage[]): ChatMessage[] {
  const ids = new Map<string, string>();
  return messages.map((m) => {
    if (m.role === 'assistant') return { ...m, toolCalls: m.toolCalls.map((c) => ({ ...c, id: ids.set(c.id, `call_${ids.size}`).get(c.id) as string })) };
    if (m.role === 'tool') return { ...m, toolCallId: ids.get(m.toolCallId) as string };
    return m;
  });
}

const llm = llmCanisterIdl(IDL);

describe('request round trips', () => {
  for (const name of REQUEST_CASES) {
    const req = loadCanonicalRequest(name);

    it(`${name} via OpenAI is lossless`, () => {
      expect(unwrap(decodeOpenAiRequest(JSON.stringify(unwrap(encodeOpenAiRequest(req)))))).toEqual(req);
    });

    it(`${name} via Ollama loses only tool-call ids`, () => {
      const back = unwrap(decodeOllamaRequest(JSON.stringify(unwrap(encodeOllamaRequest(req)))));
      expect(back).toEqual({ ...req, messages: renumberCalls(req.messages) });
    });

    it(`${name} via Anthropic loses only the seed`, () => {
      const back = unwrap(decodeAnthropicRequest(JSON.stringify(unwrap(encodeAnthropicRequest(req)))));
      const { seed: _seed, ...params } = req.params;
      expect(back).toEqual({ ...req, params });
    });

    it(`${name} via the LLM canister (real candid bytes) loses params and integer types`, () => {
      const bytes = IDL.encode([llm.ChatRequestV1], [unwrap(encodeLlmCanisterRequest(req))]);
      const [decoded] = IDL.decode([llm.ChatRequestV1], bytes);
      const back = unwrap(decodeLlmCanisterRequest(decoded, 1000));
      const tools = req.tools?.map((t) => ({
        ...t,
        parameters: { ...t.parameters, properties: Object.fromEntries(Object.entries(t.parameters.properties).map(([k, p]) => [k, p.type === 'integer' ? { ...p, type: 'number' as const } : p])) },
      }));
      const expected: ChatRequest = tools === undefined ? { model: req.model, messages: req.messages, params: { maxTokens: 1000 } }
        : { model: req.model, messages: req.messages, tools, params: { maxTokens: 1000 } };
      expect(back).toEqual(expected);
    });
  }
});

const RESPONSES: readonly ChatResponse[] = [
  { message: { role: 'assistant', content: 'Plain answer, ünïcode ✓', toolCalls: [] }, finishReason: 'stop', usage: { inputTokens: 12, outputTokens: 7 } },
  { message: { role: 'assistant', content: null, toolCalls: [{ id: 'call_0', name: 'get_weather', arguments: { city: 'Paris', nested: { a: [1, 2.5, null, true] } } }] }, finishReason: 'tool_calls', usage: { inputTokens: 40, outputTokens: 9 } },
  { message: { role: 'assistant', content: 'Cut sho', toolCalls: [] }, finishReason: 'length', usage: null },
];
const meta = { id: 'resp-1', model: 'm', created: 1_700_000_000 };

describe('response round trips', () => {
  RESPONSES.forEach((resp, i) => {
    it(`#${i} via OpenAI is lossless`, () => {
      expect(unwrap(decodeOpenAiResponse(JSON.stringify(encodeOpenAiResponse(resp, meta))))).toEqual(resp);
    });
    it(`#${i} via Ollama is lossless for stop/length/tool_calls`, () => {
      expect(unwrap(decodeOllamaResponse(JSON.stringify(encodeOllamaResponse(resp, { ...meta, createdAt: '2026-01-01T00:00:00Z' }))))).toEqual(resp);
    });
    it(`#${i} via Anthropic loses only a null usage (Anthropic always reports one)`, () => {
      const back = unwrap(decodeAnthropicResponse(JSON.stringify(encodeAnthropicResponse(resp, meta))));
      expect(back).toEqual({ ...resp, usage: resp.usage ?? { inputTokens: 0, outputTokens: 0 } });
    });
    it(`#${i} via the LLM canister (real candid bytes) loses finish reason and usage`, () => {
      const bytes = IDL.encode([llm.ChatResponseV1], [encodeLlmCanisterResponse(resp)]);
      const [decoded] = IDL.decode([llm.ChatResponseV1], bytes);
      const back = unwrap(decodeLlmCanisterResponse(decoded));
      // Without tool definitions argument values come back as the text they travelled as.
      const toolCalls = resp.message.toolCalls.map((c) => ({ ...c, arguments: Object.fromEntries(Object.entries(c.arguments).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])) }));
      expect(back).toEqual({ message: { ...resp.message, toolCalls }, finishReason: toolCalls.length > 0 ? 'tool_calls' : 'unknown', usage: null });
    });
  });
});
