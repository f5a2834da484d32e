/** JSON values and the one deterministic serialization every translator uses for tool arguments. */

export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** A plain JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks that `value` is JSON data no deeper than `maxDepth` (an object or array counts one level).
 * Returns the offending path, or null when it is fine.
 */
export function findNonJson(value: unknown, maxDepth: number, path = '$'): string | null {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : path;
  if (maxDepth <= 0) return path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = findNonJson(value[i], maxDepth - 1, `${path}[${i}]`);
      if (bad !== null) return bad;
    }
    return null;
  }
  if (isJsonObject(value)) {
    for (const key of Object.keys(value)) {
      const bad = findNonJson(value[key], maxDepth - 1, `${path}.${key}`);
      if (bad !== null) return bad;
    }
    return null;
  }
  return path;
}

/**
 * Compact JSON with object keys sorted by UTF-16 code units, recursively. Two equal values give equal text,
 * whatever order their keys arrived in: this is what lets 13 replicas agree byte for byte (normalize.ts).
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v: JsonValue) => canonicalJson(v)).join(',')}]`;
  const obj = value as { readonly [key: string]: JsonValue };
  const keys = Object.keys(obj).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k] as JsonValue)}`).join(',')}}`;
}

/**
 * Sets an own, enumerable property even when `key` is `__proto__` (plain assignment would change the
 * object's prototype instead, dropping the value): keys here come from untrusted input.
 */
export function setOwn<T>(obj: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}
