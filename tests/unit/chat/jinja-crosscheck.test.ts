/**
 * Proves the prompt goldens faithful: the published chat templates (golden/templates/*.jinja), rendered by a
 * Jinja engine, produce exactly the golden text; and where a template raises, so do we (`unsupported`).
 */
import { describe, expect, it } from 'vitest';
import { renderPrompt, TEMPLATE_FAMILIES } from '../../../src/shared/chat/templates';
import type { ChatMessage } from '../../../src/shared/chat/types';
import { loadCanonicalRequest, readGolden, REQUEST_CASES } from './golden-helpers';
import { renderWithJinja } from './jinja-render';

describe('golden prompts equal the templates rendered by Jinja', () => {
  for (const name of REQUEST_CASES) {
    for (const family of TEMPLATE_FAMILIES) {
      it(`${name} as ${family}`, () => {
        const req = loadCanonicalRequest(name);
        let jinja: string | null;
        try {
          jinja = renderWithJinja(family, req);
        } catch {
          jinja = null;
        }
        const ours = renderPrompt(family, req);
        if (jinja === null) expect(ours.ok ? 'ok' : ours.error.code).toBe('unsupported');
        else {
          expect(readGolden(`prompts/${name}.${family}.txt`)).toBe(jinja);
          expect(ours.ok ? ours.value : ours.error).toBe(jinja);
        }
      });
    }
  }
});

/** Edge cases the fixtures do not cover, each checked against the template itself. */
const EDGE_CASES: readonly { readonly name: string; readonly messages: readonly ChatMessage[] }[] = [
  { name: 'system only', messages: [{ role: 'system', content: 'Be brief.' }] },
  { name: 'whitespace, quotes and unicode', messages: [
    { role: 'user', content: '\t "quoted" \\ back\u00a0slash – ünïcode 🚀 \n' }, { role: 'assistant', content: '  spaced  ', toolCalls: [] },
    { role: 'user', content: 'line1\nline2' },
  ] },
  { name: 'second system message', messages: [
    { role: 'system', content: 'A' }, { role: 'user', content: 'q' }, { role: 'system', content: 'B' },
  ] },
  { name: 'assistant first', messages: [{ role: 'assistant', content: 'hello', toolCalls: [] }, { role: 'user', content: 'hi' }] },
];

describe('edge cases agree with the templates', () => {
  for (const { name, messages } of EDGE_CASES) {
    for (const family of TEMPLATE_FAMILIES) {
      it(`${name} as ${family}`, () => {
        let jinja: string | null;
        try {
          jinja = renderWithJinja(family, { messages });
        } catch {
          jinja = null;
        }
        const ours = renderPrompt(family, { messages });
        if (jinja === null) expect(ours.ok ? 'ok' : ours.error.code).toBe('unsupported');
        else expect(ours.ok ? ours.value : ours.error).toBe(jinja);
      });
    }
  }
});
