/**
 * src/shared/chat runs inside an Azle canister (azle.md §3.2): no Node or DOM APIs, no Intl, Buffer, URL,
 * structuredClone, fetch, timers or clocks. The tsconfig in src/shared keeps DOM/Node types out; this scan
 * also catches `any`-typed uses that type-checking would let through.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = join(process.cwd(), 'src', 'shared', 'chat');
const FORBIDDEN = /\b(Buffer|Intl|URL|structuredClone|fetch|setTimeout|setInterval|Date\.now|new Date|Math\.random|process|require|TextEncoder|TextDecoder|atob|btoa)\b|from 'node:|from "node:/;

describe('src/shared/chat is canister-safe', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.ts'));
  it('has files to check', () => expect(files.length).toBeGreaterThan(10));
  it.each(files)('%s uses no forbidden global or import', (file) => {
    const code = readFileSync(join(DIR, file), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '');
    expect(code.match(FORBIDDEN)?.[0] ?? null).toBe(null);
  });
});
