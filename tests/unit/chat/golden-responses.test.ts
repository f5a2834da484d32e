/** Response decoders and the normalized JSON against golden/responses, and normalization determinism. */
import { describe, expect, it } from 'vitest';
import { decodeResponseBody, normalizeResponse, normalizeResponseBytes, parseNormalizedResponse } from '../../../src/shared/chat/normalize';
import { goldenJson, readGolden } from './golden-helpers';
import { RESPONSE_CASES } from './response-cases';

describe('decoders match golden/responses/*.expected.json', () => {
  for (const c of RESPONSE_CASES) {
    const stem = c.file.replace(/\.json$/, '');
    it(`${c.file} (${c.format}: ${c.source})`, () => {
      const r = decodeResponseBody(c.format, readGolden(`responses/${c.file}`));
      expect(r.ok ? goldenJson(r.value) : r.error).toBe(readGolden(`responses/${stem}.expected.json`));
    });
    it(`${c.file} normalizes to ${stem}.normalized.json and parses back`, () => {
      const text = normalizeResponse(c.format, readGolden(`responses/${c.file}`));
      expect(`${text}\n`).toBe(readGolden(`responses/${stem}.normalized.json`));
      const back = parseNormalizedResponse(text);
      // Equal as values: normalization sorts argument keys, so the text order may differ.
      expect(back.ok ? back.value : back.error).toEqual(JSON.parse(readGolden(`responses/${stem}.expected.json`)));
    });
  }
});

/** Re-serializes a JSON body with keys in reverse order at every level. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)]));
  }
  return value;
}

describe('normalization is deterministic across replicas', () => {
  it('ignores id, created, system_fingerprint, timings, key order and whitespace (OpenAI, llama.cpp)', () => {
    const a = JSON.parse(readGolden('responses/llamacpp-chat.json')) as Record<string, unknown>;
    const b = { ...a, id: 'chatcmpl-other', created: 1999999999, system_fingerprint: 'b9999-ffffffff', timings: { prompt_ms: 1 } };
    const bodyB = JSON.stringify(reverseKeys(b), null, 3);
    expect(normalizeResponseBytes('openai', bodyB)).toEqual(normalizeResponseBytes('openai', JSON.stringify(a)));
  });

  it('ignores Ollama created_at and durations', () => {
    const a = JSON.parse(readGolden('responses/ollama-tool-calls.json')) as Record<string, unknown>;
    const b = { ...a, created_at: '2030-01-01T00:00:00Z', total_duration: 1, load_duration: 2, prompt_eval_duration: 3, eval_duration: 4 };
    expect(normalizeResponse('ollama', JSON.stringify(reverseKeys(b)))).toBe(normalizeResponse('ollama', JSON.stringify(a)));
  });

  it('sorts tool-call argument keys, whatever order the server wrote them in', () => {
    const body = readGolden('responses/vllm-tool-calls.json');
    const swapped = body.replace('{\\"unit\\": \\"celsius\\", \\"city\\": \\"Paris\\"}', '{\\"city\\":\\"Paris\\",\\"unit\\":\\"celsius\\"}');
    expect(swapped).not.toBe(body);
    expect(normalizeResponse('openai', swapped)).toBe(normalizeResponse('openai', body));
  });

  it('keeps what matters: different text gives different bytes', () => {
    const body = readGolden('responses/openai-gpt.json');
    expect(normalizeResponse('openai', body.replace('Hello!', 'Hi!'))).not.toBe(normalizeResponse('openai', body));
  });

  it('normalizes failures too, identically, without engine-specific wording', () => {
    const a = normalizeResponse('openai', '{"choices": [');
    expect(a).toBe('{"v":1,"error":{"code":"invalid_json","path":"$","message":"body is not valid JSON"}}');
    expect(normalizeResponse('openai', 'not json at all')).toBe(a);
    const back = parseNormalizedResponse(a);
    expect(back.ok ? 'ok' : back.error.code).toBe('invalid_json');
  });

  it('writes UTF-8 bytes exactly as TextEncoder does', () => {
    const body = readGolden('responses/openai-gpt.json').replace('Hello!', 'Grüße 🚀 \ud800!');
    const text = normalizeResponse('openai', body);
    expect(normalizeResponseBytes('openai', body)).toEqual(new TextEncoder().encode(text));
  });
});
