/**
 * Field checkers for untrusted input (JSON seed files, decoded Candid). Each returns the first
 * problem as an `InvalidInput` error value, or null when the field is fine; chain them with `??`
 * so checking stops at the first error. Field paths are dotted (`peak.fp8.dense`, `sources.0.url`).
 */
import type { RegistryError } from './types';
import {
  DATE_PATTERN, ID_MAX_CHARS, ID_PATTERN, URL_MAX_CHARS, type NumberRange,
} from './limits.constants';

export type Issue = RegistryError | null;

export function invalid(field: string, reason: string): RegistryError {
  return { code: 'InvalidInput', field, reason };
}

export function join(path: string, key: string | number): string {
  return path === '' ? String(key) : `${path}.${key}`;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Object with exactly the required keys plus any of the optional ones (catches typos in seed files). */
export function checkObject(
  v: unknown, path: string, required: readonly string[], optional: readonly string[] = [],
): Issue {
  if (!isRecord(v)) return invalid(path || '(root)', 'must be an object');
  for (const k of required) {
    if (!Object.prototype.hasOwnProperty.call(v, k)) return invalid(join(path, k), 'is required (use null for unknown)');
  }
  for (const k of Object.keys(v)) {
    if (!required.includes(k) && !optional.includes(k)) return invalid(join(path, k), 'is not a known field');
  }
  return null;
}

// Control characters other than tab/newline are never valid in registry text.
const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f]/;

export interface TextRule {
  readonly max: number;
  readonly min?: number;
  readonly pattern?: RegExp;
  readonly patternHint?: string;
  /** Allow newlines (notes); names and labels are single-line. */
  readonly multiline?: boolean;
}

export function checkText(v: unknown, path: string, rule: TextRule): Issue {
  if (typeof v !== 'string') return invalid(path, 'must be a string');
  const min = rule.min ?? 1;
  if (v.length < min) return invalid(path, min === 1 ? 'must not be empty' : `must have at least ${min} chars`);
  if (v.length > rule.max) return invalid(path, `must be at most ${rule.max} chars (got ${v.length})`);
  if (CONTROL_CHARS.test(v)) return invalid(path, 'must not contain control characters');
  if (hasLoneSurrogate(v)) return invalid(path, 'must be well-formed Unicode (no lone surrogates)');
  if (!rule.multiline && v.includes('\n')) return invalid(path, 'must be a single line');
  if (!rule.multiline && v.trim() !== v) return invalid(path, 'must not start or end with whitespace');
  if (rule.pattern && !rule.pattern.test(v)) return invalid(path, `must match ${rule.patternHint ?? rule.pattern.source}`);
  return null;
}

/**
 * Candid `text` is UTF-8, which cannot carry an unpaired UTF-16 surrogate. The ES2024 built-in does the scan
 * natively: a JS loop here cost ~2,800 wasm instructions per character inside the canister.
 */
export function hasLoneSurrogate(s: string): boolean {
  return !s.isWellFormed();
}

export function checkNullableText(v: unknown, path: string, rule: TextRule): Issue {
  return v === null ? null : checkText(v, path, rule);
}

/** Optional field (`?:`): absent is fine; present must pass the rule. null is rejected (omit it instead). */
export function checkOptionalText(v: unknown, path: string, rule: TextRule): Issue {
  return v === undefined ? null : checkText(v, path, rule);
}

export function checkNumber(v: unknown, path: string, range: NumberRange): Issue {
  if (typeof v !== 'number' || !Number.isFinite(v)) return invalid(path, 'must be a finite number');
  if (range.integer && !Number.isInteger(v)) return invalid(path, `must be an integer (${range.unit})`);
  if (v < range.min || v > range.max) {
    return invalid(path, `must be between ${range.min} and ${range.max} ${range.unit} (got ${v})`);
  }
  return null;
}

export function checkNullableNumber(v: unknown, path: string, range: NumberRange): Issue {
  return v === null ? null : checkNumber(v, path, range);
}

export function checkNullableBool(v: unknown, path: string): Issue {
  return v === null || typeof v === 'boolean' ? null : invalid(path, 'must be true, false or null');
}

export function checkBool(v: unknown, path: string): Issue {
  return typeof v === 'boolean' ? null : invalid(path, 'must be true or false');
}

export function checkEnum(v: unknown, path: string, values: readonly string[]): Issue {
  return typeof v === 'string' && values.includes(v) ? null : invalid(path, `must be one of ${values.join(', ')}`);
}

export function checkNullableEnum(v: unknown, path: string, values: readonly string[]): Issue {
  return v === null ? null : checkEnum(v, path, values);
}

export function checkId(v: unknown, path: string): Issue {
  return checkText(v, path, { max: ID_MAX_CHARS, pattern: ID_PATTERN, patternHint: '[a-z0-9][a-z0-9._-]{0,63}' });
}

/** ISO `YYYY-MM-DD` that is a real calendar date (no Date parsing: deterministic in QuickJS). */
export function checkDate(v: unknown, path: string): Issue {
  if (typeof v !== 'string') return invalid(path, 'must be a YYYY-MM-DD string');
  const m = DATE_PATTERN.exec(v);
  if (!m) return invalid(path, 'must be a YYYY-MM-DD string');
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1970 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) {
    return invalid(path, `is not a calendar date between 1970 and 2100 (got ${v})`);
  }
  return null;
}

export function checkNullableDate(v: unknown, path: string): Issue {
  return v === null ? null : checkDate(v, path);
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** http(s) URL with a host; parsed by hand because `URL` is not available in the canister. */
const URL_PATTERN = /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?([/?#][^\s]*)?$/;

export function checkUrl(v: unknown, path: string): Issue {
  const e = checkText(v, path, { max: URL_MAX_CHARS });
  if (e) return e;
  return URL_PATTERN.test(v as string) ? null : invalid(path, 'must be an http(s) URL with a host and no spaces');
}

export function checkNullableUrl(v: unknown, path: string): Issue {
  return v === null ? null : checkUrl(v, path);
}

/** Array of at most `max` items (at least `min`), each checked by `each`. */
export function checkList(
  v: unknown, path: string, bounds: { min?: number; max: number }, each: (item: unknown, path: string) => Issue,
): Issue {
  if (!Array.isArray(v)) return invalid(path, 'must be a list');
  const min = bounds.min ?? 0;
  if (v.length < min) return invalid(path, `must have at least ${min} item(s)`);
  if (v.length > bounds.max) return invalid(path, `must have at most ${bounds.max} items (got ${v.length})`);
  for (let i = 0; i < v.length; i++) {
    const e = each(v[i], join(path, i));
    if (e) return e;
  }
  return null;
}

/** List of enum members without repeats. */
export function checkEnumSet(v: unknown, path: string, values: readonly string[]): Issue {
  return checkList(v, path, { max: values.length }, (item, p) => checkEnum(item, p, values)) ?? checkUnique(v as string[], path);
}

export function checkUnique(items: readonly string[], path: string): Issue {
  const seen = new Set<string>();
  for (let i = 0; i < items.length; i++) {
    if (seen.has(items[i]!)) return invalid(join(path, i), `duplicates "${items[i]}"`);
    seen.add(items[i]!);
  }
  return null;
}

/** Record with exactly the given keys, each checked by `each`. */
export function checkKeyed(
  v: unknown, path: string, keys: readonly string[], each: (item: unknown, path: string) => Issue,
): Issue {
  const e = checkObject(v, path, keys);
  if (e) return e;
  for (const k of keys) {
    const ie = each((v as Record<string, unknown>)[k], join(path, k));
    if (ie) return ie;
  }
  return null;
}
