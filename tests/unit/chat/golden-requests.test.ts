/** Encoders and renderers against the golden request files and prompts, byte for byte. */
import { describe, expect, it } from 'vitest';
import { encodeAnthropicRequest } from '../../../src/shared/chat/anthropic';
import { encodeLlmCanisterRequest } from '../../../src/shared/chat/llm-canister';
import { encodeOllamaRequest } from '../../../src/shared/chat/ollama';
import { encodeOpenAiRequest } from '../../../src/shared/chat/openai';
import { renderPrompt, TEMPLATE_FAMILIES, type TemplateFamily } from '../../../src/shared/chat/templates';
import { goldenJson, loadCanonicalRequest, readGolden, REQUEST_CASES, type RequestCase } from './golden-helpers';

const ENCODERS = {
  openai: encodeOpenAiRequest,
  ollama: encodeOllamaRequest,
  anthropic: encodeAnthropicRequest,
  'llm-canister': encodeLlmCanisterRequest,
} as const;

describe('request encoders match golden/requests/<case>.<format>.json', () => {
  for (const name of REQUEST_CASES) {
    for (const [format, encode] of Object.entries(ENCODERS)) {
      it(`${name} → ${format}`, () => {
        const r = encode(loadCanonicalRequest(name));
        expect(r.ok).toBe(true);
        if (r.ok) expect(goldenJson(r.value)).toBe(readGolden(`requests/${name}.${format}.json`));
      });
    }
  }
});

/** Cases whose template raises (no tool syntax): we must refuse with `unsupported` rather than invent one. */
const UNSUPPORTED: ReadonlySet<string> = new Set(['tools.llama3', 'tools.gemma', 'tools.llama3.1', 'tool-single.llama3', 'tool-single.gemma']);

describe('renderPrompt matches golden/prompts/<case>.<family>.txt', () => {
  for (const name of REQUEST_CASES) {
    for (const family of TEMPLATE_FAMILIES) {
      it(`${name} as ${family}`, () => {
        const r = renderPrompt(family, loadCanonicalRequest(name));
        if (UNSUPPORTED.has(`${name}.${family}`)) {
          expect(r.ok ? 'ok' : r.error.code).toBe('unsupported');
        } else {
          expect(r.ok ? r.value : r.error).toBe(readGolden(`prompts/${name}.${family}.txt`));
        }
      });
    }
  }

  it.each(TEMPLATE_FAMILIES)('%s without the generation prompt', (family: TemplateFamily) => {
    const r = renderPrompt(family, loadCanonicalRequest('chat' satisfies RequestCase), { addGenerationPrompt: false });
    expect(r.ok ? r.value : r.error).toBe(readGolden(`prompts/chat.${family}.no-generation-prompt.txt`));
  });
});
