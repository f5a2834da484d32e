/**
 * Decoders never throw: thousands of seeded mutations of the golden bodies (values swapped for other JSON
 * types, fields deleted, bodies truncated) must each come back as a Result.
 */
import { describe, expect, it } from 'vitest';
import { decodeAnthropicRequest } from '../../../src/shared/chat/anthropic-server';
import { decodeLlmCanisterResponse } from '../../../src/shared/chat/llm-canister';
import { decodeLlmCanisterRequest } from '../../../src/shared/chat/llm-canister-server';
import { decodeResponseBody, parseNormalizedResponse, RESPONSE_FORMATS } from '../../../src/shared/chat/normalize';
import { decodeOllamaRequest } from '../../../src/shared/chat/ollama-server';
import { decodeOpenAiRequest } from '../../../src/shared/chat/openai-server';
import { validateChatRequest } from '../../../src/shared/chat/validate';
import { readGolden, REQUEST_CASES } from './golden-helpers';
import { RESPONSE_CASES } from './response-cases';

/** mulberry32: a small seeded PRNG, so every run tries the same mutations. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REPLACEMENTS: readonly unknown[] = [null, 0, -1, 1.5, 1e300, '', 'x', [], {}, true, [{}], { a: null }, '{"x":', 'call_1'];

/** Replaces (or deletes) one randomly chosen node of a parsed JSON value. */
function mutate(value: unknown, rand: () => number): unknown {
  if (value === null || typeof value !== 'object' || rand() < 0.25) return REPLACEMENTS[Math.floor(rand() * REPLACEMENTS.length)];
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) };
  const keys = Object.keys(copy);
  if (keys.length === 0) return REPLACEMENTS[Math.floor(rand() * REPLACEMENTS.length)];
  const key = keys[Math.floor(rand() * keys.length)] as string;
  if (!Array.isArray(copy) && rand() < 0.15) delete copy[key];
  else (copy as Record<string, unknown>)[key] = mutate((copy as Record<string, unknown>)[key], rand);
  return copy;
}

function variants(body: string, seed: number, count: number): string[] {
  const rand = prng(seed);
  const parsed = JSON.parse(body) as unknown;
  return Array.from({ length: count }, (_, i) =>
    i % 10 === 9 ? body.slice(0, Math.floor(rand() * body.length)) : JSON.stringify(mutate(mutate(parsed, rand), rand)));
}

const expectResult = (r: { ok: boolean }): void => expect(typeof r.ok).toBe('boolean');

describe('decoders return a Result for any mutation', () => {
  it.each(RESPONSE_CASES.map((c, i) => [c.file, i] as const))('%s, under every response format', (file, i) => {
    for (const body of variants(readGolden(`responses/${file}`), 1000 + i, 150)) {
      for (const format of RESPONSE_FORMATS) expectResult(decodeResponseBody(format, body));
      expectResult(parseNormalizedResponse(body));
    }
  });

  it.each(REQUEST_CASES.map((c, i) => [c, i] as const))('%s requests, canonical and every wire format', (name, i) => {
    for (const fmt of ['canonical', 'openai', 'ollama', 'anthropic', 'llm-canister'] as const) {
      for (const body of variants(readGolden(`requests/${name}.${fmt}.json`), 2000 + i, 150)) {
        expectResult(decodeOpenAiRequest(body));
        expectResult(decodeOllamaRequest(body));
        expectResult(decodeAnthropicRequest(body));
        let value: unknown = null;
        try {
          value = JSON.parse(body);
        } catch {
          // truncated body: feed the text itself
          value = body;
        }
        expectResult(validateChatRequest(value));
        expectResult(decodeLlmCanisterRequest(value));
        expectResult(decodeLlmCanisterResponse(value));
        expectResult(decodeLlmCanisterResponse({ message: value }));
      }
    }
  });
});
