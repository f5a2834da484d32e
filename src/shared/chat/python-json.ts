/**
 * The text Hugging Face's `tojson` template filter writes: Python `json.dumps(value, ensure_ascii=False)`,
 * i.e. `", "` and `": "` separators and keys in insertion order. Chat templates embed tool schemas and
 * tool-call arguments this way, so our renderers must too. Strings escape exactly as JSON.stringify does for
 * these inputs (control characters, quote, backslash); numbers are JS's shortest form (Python would print a
 * float such as `1.0` with its fraction, which JSON-parsed data cannot tell apart from `1`).
 */
import type { JsonValue } from './json-value';

export function pythonJson(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v: JsonValue) => pythonJson(v)).join(', ')}]`;
  const obj = value as { readonly [key: string]: JsonValue };
  return `{${Object.keys(obj).map((k) => `${JSON.stringify(k)}: ${pythonJson(obj[k])}`).join(', ')}}`;
}

/** `json.dumps(value, ensure_ascii=False, indent=n)`: one item per line, `,` at line ends, `": "` after keys. */
export function pythonJsonIndented(value: JsonValue | undefined, indent: number, level = 0): string {
  if (value === undefined || value === null || typeof value !== 'object') return pythonJson(value);
  const pad = ' '.repeat(indent * (level + 1));
  const end = ' '.repeat(indent * level);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v: JsonValue) => pad + pythonJsonIndented(v, indent, level + 1)).join(',\n')}\n${end}]`;
  }
  const obj = value as { readonly [key: string]: JsonValue };
  const keys = Object.keys(obj);
  if (keys.length === 0) return '{}';
  return `{\n${keys.map((k) => `${pad}${JSON.stringify(k)}: ${pythonJsonIndented(obj[k], indent, level + 1)}`).join(',\n')}\n${end}}`;
}

/** Python's `str.strip()` (what the Jinja `trim` filter does under transformers): its whitespace set, not JS's. */
const PY_WHITESPACE = /^[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;

export function pythonStrip(text: string): string {
  return text.replace(PY_WHITESPACE, '');
}
