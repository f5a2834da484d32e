/**
 * Text search: case-insensitive token match over names, vendors, families, publishers and ids.
 * Tokens are runs of Unicode letters/digits, lower-cased with String.prototype.toLowerCase (no Intl).
 * A record matches when every query token is a prefix of one of its tokens; exact token hits
 * rank above prefix hits. Deterministic and pure, so the canister can run it as a query.
 */
import { err, ok, type Result } from '../result';
import type { EntityKind, Hardware, Id, Model, RegistryError, Runtime } from './types';
import { RECOMMEND_LIMIT_MAX, SEARCH_MAX_TOKENS, SEARCH_QUERY_MAX_CHARS } from './limits.constants';
import { checkNumber, checkText, invalid } from './validate.utils';

export function tokenize(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 0);
}

/** Words a record is found by. */
export function hardwareTerms(h: Hardware): string[] {
  return [h.id, h.vendor, h.name, h.kind, h.memory_type ?? ''];
}
export function runtimeTerms(r: Runtime): string[] {
  return [r.id, r.vendor, r.name, ...r.backends, ...r.model_formats];
}
export function modelTerms(m: Model): string[] {
  return [m.id, m.name, m.family, m.publisher, m.backing ?? '', ...m.variants.map((v) => v.quant_label ?? '')];
}

/** 0 when some query token matches nothing; else 2 per exact token hit + 1 per prefix-only hit. */
export function matchScore(queryTokens: readonly string[], terms: readonly string[]): number {
  const words = new Set(terms.flatMap(tokenize));
  let score = 0;
  for (const q of queryTokens) {
    if (words.has(q)) score += 2;
    else if ([...words].some((w) => w.startsWith(q))) score += 1;
    else return 0;
  }
  return score;
}

export function parseQuery(query: string): Result<string[], RegistryError> {
  const e = checkText(query, 'query', { max: SEARCH_QUERY_MAX_CHARS, min: 1, multiline: true });
  if (e) return err(e);
  const tokens = tokenize(query);
  if (tokens.length === 0) return err(invalid('query', 'must contain a letter or digit'));
  if (tokens.length > SEARCH_MAX_TOKENS) return err(invalid('query', `must have at most ${SEARCH_MAX_TOKENS} words`));
  return ok(tokens);
}

export interface SearchHit {
  readonly entity: EntityKind;
  readonly id: Id;
  readonly name: string;
  readonly score: number;
}

/** Ranked hits across hardware, runtimes and models: score desc, then entity, then id. */
export function searchAll(
  data: { readonly hardware: readonly Hardware[]; readonly runtimes: readonly Runtime[]; readonly models: readonly Model[] },
  query: string,
  limit: number,
): Result<SearchHit[], RegistryError> {
  const q = parseQuery(query);
  if (!q.ok) return q;
  const e = checkNumber(limit, 'limit', { min: 1, max: RECOMMEND_LIMIT_MAX, integer: true, unit: 'items' });
  if (e) return err(e);
  const hits: SearchHit[] = [];
  const add = (entity: EntityKind, id: Id, name: string, terms: string[]): void => {
    const score = matchScore(q.value, terms);
    if (score > 0) hits.push({ entity, id, name, score });
  };
  for (const h of data.hardware) add('hardware', h.id, h.name, hardwareTerms(h));
  for (const r of data.runtimes) add('runtime', r.id, r.name, runtimeTerms(r));
  for (const m of data.models) add('model', m.id, m.name, modelTerms(m));
  hits.sort((a, b) => b.score - a.score || (a.entity < b.entity ? -1 : a.entity > b.entity ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return ok(hits.slice(0, limit));
}
