/**
 * Regenerates golden files: `npx tsx tests/unit/chat/update-goldens.ts`.
 * - prompts/*.txt come from the published templates rendered by a Jinja engine (not from our renderers);
 * - requests/<case>.<format>.json and responses/*.expected.json / *.normalized.json come from our translators
 *   and are reviewed by hand against the wire documentation before they are committed.
 * Run it only when a fixture or the wire mapping changes on purpose; review the git diff.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeAnthropicRequest } from '../../../src/shared/chat/anthropic';
import { encodeLlmCanisterRequest } from '../../../src/shared/chat/llm-canister';
import { decodeResponseBody, normalizeResponse } from '../../../src/shared/chat/normalize';
import { encodeOllamaRequest } from '../../../src/shared/chat/ollama';
import { encodeOpenAiRequest } from '../../../src/shared/chat/openai';
import { TEMPLATE_FAMILIES } from '../../../src/shared/chat/templates';
import { GOLDEN_DIR, goldenJson, loadCanonicalRequest, readGolden, REQUEST_CASES } from './golden-helpers';
import { renderWithJinja } from './jinja-render';
import { RESPONSE_CASES } from './response-cases';

const write = (relative: string, text: string): void => writeFileSync(join(GOLDEN_DIR, relative), text);

for (const name of REQUEST_CASES) {
  const req = loadCanonicalRequest(name);
  for (const family of TEMPLATE_FAMILIES) {
    try {
      write(`prompts/${name}.${family}.txt`, renderWithJinja(family, req));
    } catch {
      // The template raises for this case; the test expects `unsupported` instead of a file.
    }
  }
  const encoders = { openai: encodeOpenAiRequest, ollama: encodeOllamaRequest, anthropic: encodeAnthropicRequest, 'llm-canister': encodeLlmCanisterRequest };
  for (const [format, encode] of Object.entries(encoders)) {
    const r = encode(req);
    if (r.ok) write(`requests/${name}.${format}.json`, goldenJson(r.value));
  }
}
for (const family of TEMPLATE_FAMILIES) {
  write(`prompts/chat.${family}.no-generation-prompt.txt`, renderWithJinja(family, loadCanonicalRequest('chat'), false));
}
for (const c of RESPONSE_CASES) {
  const body = readGolden(`responses/${c.file}`);
  const r = decodeResponseBody(c.format, body);
  if (!r.ok) throw new Error(`${c.file}: ${r.error.code} ${r.error.path} ${r.error.message}`);
  const stem = c.file.replace(/\.json$/, '');
  write(`responses/${stem}.expected.json`, goldenJson(r.value));
  write(`responses/${stem}.normalized.json`, `${normalizeResponse(c.format, body)}\n`);
}
