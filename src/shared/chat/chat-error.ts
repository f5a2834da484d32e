/** Constructors for ChatError values (types.ts), so every translator words its errors the same way. */
import type { ChatError, ChatErrorCode } from './types';

export function chatError(code: ChatErrorCode, path: string, message: string): ChatError {
  return { code, path, message };
}

/** `limit_exceeded` naming the constant that was broken. */
export function limitError(name: string, max: number, actual: number, path: string, what: string): ChatError {
  return { code: 'limit_exceeded', path, message: `${what} is ${actual}, over the limit ${name} = ${max}`, limit: { name, max, actual } };
}

/** A short description of a JSON value's kind for "expected X, got Y" messages. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
