/**
 * Opaque page cursors: base64url(UTF-8(JSON)) of the last item's sort value and id, plus the sort
 * they belong to. Hand-written UTF-8 and base64 because the canister (QuickJS) has no Buffer/btoa
 * guarantee; this is pure and deterministic.
 */
import { err, ok, type Result } from '../result';
import type { RegistryError } from './types';
import { CURSOR_MAX_CHARS } from './limits.constants';
import { invalid } from './validate.utils';

export type SortValue = string | number | null;
export type SortDir = 'asc' | 'desc';

export interface CursorPosition {
  readonly key: string;
  readonly dir: SortDir;
  readonly value: SortValue;
  readonly id: string;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function utf8(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

function fromUtf8(bytes: readonly number[]): string | null {
  let s = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 0 : b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : b >= 0xc0 ? 1 : -1;
    if (n < 0) return null;
    let c = n === 0 ? b : b & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const x = bytes[i + k];
      if (x === undefined || (x & 0xc0) !== 0x80) return null;
      c = (c << 6) | (x & 63);
    }
    if (c > 0x10ffff) return null; // fromCodePoint would throw
    s += String.fromCodePoint(c);
    i += n + 1;
  }
  return s;
}

function toBase64Url(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += B64[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

function fromBase64Url(s: string): number[] | null {
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const ch of s) {
    const v = B64.indexOf(ch);
    if (v < 0) return null;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
    }
  }
  return out;
}

export function encodeCursor(pos: CursorPosition): string {
  return toBase64Url(utf8(JSON.stringify([1, pos.key, pos.dir, pos.value, pos.id])));
}

export function decodeCursor(cursor: string): Result<CursorPosition, RegistryError> {
  const bad = err(invalid('cursor', 'is not a cursor returned by this list'));
  if (cursor.length === 0 || cursor.length > CURSOR_MAX_CHARS) return bad;
  const bytes = fromBase64Url(cursor);
  const text = bytes && fromUtf8(bytes);
  if (!text) return bad;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return bad;
  }
  if (!Array.isArray(parsed) || parsed.length !== 5 || parsed[0] !== 1) return bad;
  const [, key, dir, value, id] = parsed as unknown[];
  if (typeof key !== 'string' || (dir !== 'asc' && dir !== 'desc') || typeof id !== 'string') return bad;
  if (value !== null && typeof value !== 'string' && typeof value !== 'number') return bad;
  return ok({ key, dir, value, id });
}
