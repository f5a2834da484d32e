/**
 * A tiny Result type for pure code: errors are values, never thrown (style.md §10.6).
 * Canister methods map this onto a Candid `variant { Ok : T; Err : E }`.
 */
export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

/** @example const r: Result<number, string> = ok(1); */
export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

/** @example const r: Result<number, string> = err('bad'); */
export function err<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}
