/**
 * Shape checks for untrusted wire JSON. A WireReader records the first problem it meets and hands back a
 * harmless placeholder, so decoders read straight through and test `reader.error` once at the end:
 * errors stay values (style.md §10.6) without a check after every field.
 */
import { chatError, kindOf, limitError } from './chat-error';
import { CHAT_LIMITS } from './chat-limits.constants';
import { isJsonObject } from './json-value';
import type { ChatError } from './types';
import type { Result } from '../result';
import { err, ok } from '../result';
import { utf8ByteLength } from './utf8';

/** Parses a response body: bounded size, JSON, top level an object. */
export function parseJsonBody(body: string): Result<Record<string, unknown>, ChatError> {
  if (typeof body !== 'string') return err(chatError('wrong_type', '$', `expected the body as text, got ${kindOf(body)}`));
  const max = CHAT_LIMITS.MAX_RESPONSE_BODY_BYTES;
  // Cheap bound first: a string of n UTF-16 units is at most 3n bytes.
  if (body.length > max) return err(limitError('MAX_RESPONSE_BODY_BYTES', max, utf8ByteLength(body), '$', 'response body bytes'));
  if (body.length * 3 > max && utf8ByteLength(body) > max) {
    return err(limitError('MAX_RESPONSE_BODY_BYTES', max, utf8ByteLength(body), '$', 'response body bytes'));
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    // No engine text in the message: V8 and QuickJS word it differently, and normalized errors must agree.
    return err(chatError('invalid_json', '$', 'body is not valid JSON'));
  }
  if (!isJsonObject(value)) return err(chatError('wrong_type', '$', `expected a JSON object, got ${kindOf(value)}`));
  return ok(value);
}

export class WireReader {
  error: ChatError | null = null;

  fail(error: ChatError): void {
    if (this.error === null) this.error = error;
  }

  /** The value at `key`, failing with `missing_field` when it is absent (undefined). */
  field(obj: Record<string, unknown>, key: string, path: string): unknown {
    const value = obj[key];
    if (value === undefined) this.fail(chatError('missing_field', `${path}.${key}`, `missing field "${key}"`));
    return value;
  }

  object(value: unknown, path: string): Record<string, unknown> {
    if (isJsonObject(value)) return value;
    this.wrongType('an object', value, path);
    return {};
  }

  array(value: unknown, path: string, maxItems: number, limitName: string): readonly unknown[] {
    if (!Array.isArray(value)) {
      this.wrongType('an array', value, path);
      return [];
    }
    if (value.length > maxItems) {
      this.fail(limitError(limitName, maxItems, value.length, path, 'item count'));
      return [];
    }
    return value;
  }

  string(value: unknown, path: string, maxBytes: number, limitName: string): string {
    if (typeof value !== 'string') {
      this.wrongType('a string', value, path);
      return '';
    }
    if (value.length * 3 > maxBytes) {
      const bytes = utf8ByteLength(value);
      if (bytes > maxBytes) this.fail(limitError(limitName, maxBytes, bytes, path, 'text bytes'));
    }
    return value;
  }

  /** A string, or null when the value is null or absent. */
  optString(value: unknown, path: string, maxBytes: number, limitName: string): string | null {
    return value === undefined || value === null ? null : this.string(value, path, maxBytes, limitName);
  }

  /** A non-negative safe integer no larger than `max`. */
  count(value: unknown, path: string, max: number, limitName: string): number {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      this.wrongType('a non-negative integer', value, path);
      return 0;
    }
    if (value > max) this.fail(limitError(limitName, max, value, path, 'count'));
    return value;
  }

  wrongType(expected: string, value: unknown, path: string): void {
    this.fail(chatError('wrong_type', path, `expected ${expected}, got ${kindOf(value)}`));
  }
}
