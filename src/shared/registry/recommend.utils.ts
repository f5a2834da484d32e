/** Shared pieces of the recommenders: result shape, limit check, null-last ordering, number formatting. */
import type { Id } from './types';
import { RECOMMEND_LIMIT_MAX } from './limits.constants';
import { checkNumber, type Issue } from './validate.utils';

export interface Excluded {
  readonly id: Id;
  readonly reason: string;
}

export interface Recommendation<T> {
  readonly ranked: readonly T[];
  readonly excluded: readonly Excluded[];
  /** The ordering rules, in priority order. */
  readonly criteria: readonly string[];
}

export function checkLimit(limit: number): Issue {
  return checkNumber(limit, 'limit', { min: 1, max: RECOMMEND_LIMIT_MAX, integer: true, unit: 'items' });
}

/** Compares nullable numbers with nulls last, ascending or descending. */
export function compareNullable(a: number | null, b: number | null, dir: 'asc' | 'desc'): number {
  if (a === null || b === null) return a === null ? (b === null ? 0 : 1) : -1;
  return dir === 'asc' ? a - b : b - a;
}

/** Rounds for explanations only (no Intl): 3 significant digits for small values, integers for large. */
export function fmtNum(v: number): string {
  if (Math.abs(v) >= 1000) return String(Math.round(v));
  return String(Number(v.toPrecision(3)));
}
