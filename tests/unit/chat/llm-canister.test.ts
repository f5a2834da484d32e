/** The v1_chat IDL against the .did it was written from, and the documented LLM canister limits. */
import { IDL } from '@dfinity/candid';
import { generate } from '@icp-sdk/bindgen/core';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeLlmCanisterRequest } from '../../../src/shared/chat/llm-canister';
import { llmCanisterIdl } from '../../../src/shared/chat/llm-canister.idl';
import { checkLlmCanisterLimits, LLM_CANISTER_LIMITS, llmCanisterPromptBytes } from '../../../src/shared/chat/llm-canister-limits';
import type { ChatRequest } from '../../../src/shared/chat/types';
import { loadCanonicalRequest, REQUEST_CASES } from './golden-helpers';

// A copy of DFINITY's llm.did (shared/candid/llm.did), kept beside the IDL written from it.
const DID = 'src/shared/chat/llm.did';
const ours = llmCanisterIdl(IDL);
let generated: Record<string, IDL.FuncClass>;
let outDir: string;

beforeAll(async () => {
  // Inside node_modules so the generated file resolves its own '@icp-sdk/core/candid' import.
  const cache = join(process.cwd(), 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  outDir = mkdtempSync(join(cache, 'llm-did-'));
  await generate({ didFile: DID, outDir, output: { force: true, actor: { disabled: true } } });
  const mod = (await import(pathToFileURL(join(outDir, 'declarations', 'llm.did.js')).href)) as { idlFactory: (a: { IDL: typeof IDL }) => IDL.ServiceClass };
  generated = Object.fromEntries(mod.idlFactory({ IDL })._fields);
});

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('llmCanisterIdl is the interface in llm.did', () => {
  it('v1_chat and v0_chat have the same argument and result types as bindgen generates from the .did', () => {
    const mine = Object.fromEntries(ours.Service._fields);
    expect(Object.keys(mine).sort()).toEqual(Object.keys(generated).sort());
    for (const name of Object.keys(generated)) {
      const [a, b] = [mine[name] as IDL.FuncClass, generated[name] as IDL.FuncClass];
      expect(a.argTypes.map((t) => t.display())).toEqual(b.argTypes.map((t) => t.display()));
      expect(a.retTypes.map((t) => t.display())).toEqual(b.retTypes.map((t) => t.display()));
      expect(a.annotations).toEqual(b.annotations);
    }
  });

  it.each(REQUEST_CASES)('%s request bytes decode under the generated types to the same value', (name) => {
    const wire = encodeLlmCanisterRequest(loadCanonicalRequest(name));
    if (!wire.ok) throw new Error(wire.error.message);
    const theirs = generated['v1_chat'] as IDL.FuncClass;
    const bytes = IDL.encode([ours.ChatRequestV1], [wire.value]);
    expect(IDL.decode(theirs.argTypes, bytes)).toEqual([wire.value]);
    expect(IDL.encode(theirs.argTypes, [wire.value])).toEqual(bytes);
  });
});

const withMessages = (n: number, content = 'x'): ChatRequest => ({
  model: 'llama3.1:8b',
  messages: Array.from({ length: n }, (_, i) => ({ role: i % 2 === 0 ? 'user' as const : 'assistant' as const, content, toolCalls: [] })),
  params: { maxTokens: 100 },
});

describe('checkLlmCanisterLimits names the documented limit a request breaks', () => {
  it('accepts the chat fixture (llama3.1:8b, 4 messages, 256 tokens)', () => {
    expect(checkLlmCanisterLimits(loadCanonicalRequest('chat'))).toEqual({ ok: true, value: null });
  });

  it('accepts exactly 10 messages and exactly 10 KiB, refuses one more', () => {
    expect(checkLlmCanisterLimits(withMessages(10)).ok).toBe(true);
    const r = checkLlmCanisterLimits(withMessages(11));
    expect(r.ok ? null : r.error.limit).toEqual({ name: 'LLM_CANISTER_LIMITS.MAX_MESSAGES', max: 10, actual: 11 });
    const atLimit = withMessages(2, 'a'.repeat(LLM_CANISTER_LIMITS.MAX_PROMPT_BYTES / 2));
    expect(llmCanisterPromptBytes(atLimit)).toBe(10 * 1024);
    expect(checkLlmCanisterLimits(atLimit).ok).toBe(true);
    const over = withMessages(2, 'é'.repeat(LLM_CANISTER_LIMITS.MAX_PROMPT_BYTES / 4 + 1));
    const r2 = checkLlmCanisterLimits(over);
    expect(r2.ok ? null : [r2.error.code, r2.error.limit]).toEqual(['limit_exceeded', { name: 'LLM_CANISTER_LIMITS.MAX_PROMPT_BYTES', max: 10240, actual: 10244 }]);
  });

  it('counts tool-call names and arguments as prompt bytes', () => {
    const req = loadCanonicalRequest('tools');
    const text = req.messages.reduce((n, m) => n + new TextEncoder().encode(m.content ?? '').length, 0);
    expect(llmCanisterPromptBytes(req)).toBe(text + 'get_weather'.length + '{"city":"Paris","unit":"celsius"}'.length + 'get_time'.length + '{"offset_hours":9,"tz":"Asia/Tokyo"}'.length);
  });

  it('refuses more than 1000 output tokens', () => {
    const r = checkLlmCanisterLimits({ ...withMessages(1), params: { maxTokens: 1001 } });
    expect(r.ok ? null : r.error.limit).toEqual({ name: 'LLM_CANISTER_LIMITS.MAX_OUTPUT_TOKENS', max: 1000, actual: 1001 });
  });

  it('refuses a model the canister does not serve', () => {
    const r = checkLlmCanisterLimits({ ...withMessages(1), model: 'gpt-4o' });
    expect(r.ok ? null : [r.error.code, r.error.path]).toEqual(['unsupported', '$.model']);
  });
});
