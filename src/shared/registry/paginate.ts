/**
 * Keyset (cursor) pagination over an array: items are ordered by (sort value, id) with nulls last
 * in both directions and ids ascending as the tie-break; a page starts strictly after the cursor's
 * (value, id). Because the cursor is a position, not an offset, inserting or deleting items between
 * page requests never duplicates or skips items that existed throughout. The canister applies the
 * same order over its indexes.
 */
import { err, ok, type Result } from '../result';
import type { RegistryError } from './types';
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from './limits.constants';
import { decodeCursor, encodeCursor, type SortDir, type SortValue } from './cursor.utils';
import { checkNumber, invalid } from './validate.utils';

export interface PageRequest {
  readonly sort_key: string;
  readonly dir: SortDir;
  readonly cursor: string | null;
  /** null: PAGE_SIZE_DEFAULT; at most PAGE_SIZE_MAX. */
  readonly page_size: number | null;
}

export interface Page<T> {
  readonly items: readonly T[];
  /** null on the last page. */
  readonly next_cursor: string | null;
  /** Matching items at the time of this request (all pages). */
  readonly total: number;
}

export type SortKeys<T> = Readonly<Record<string, (item: T) => SortValue>>;

/** Orders (value, id) pairs: nulls last whatever the direction, then id ascending. */
export function comparePosition(a: SortValue, aId: string, b: SortValue, bId: string, dir: SortDir): number {
  if (a !== b) {
    if (a === null) return 1;
    if (b === null) return -1;
    if (typeof a !== typeof b) return typeof a === 'number' ? -1 : 1; // never mixed within one key; keep total order anyway
    const c = a < b ? -1 : a > b ? 1 : 0;
    if (c !== 0) return dir === 'asc' ? c : -c;
  }
  return aId < bId ? -1 : aId > bId ? 1 : 0;
}

/**
 * @example
 * const p1 = paginate(hardware, (h) => h.id, HARDWARE_SORT_KEYS, { sort_key: 'memory_gb', dir: 'desc', cursor: null, page_size: 20 });
 * const p2 = p1.ok && p1.value.next_cursor ? paginate(hardware, ..., { ..., cursor: p1.value.next_cursor }) : null;
 */
export function paginate<T>(
  items: readonly T[], idOf: (item: T) => string, keys: SortKeys<T>, req: PageRequest,
): Result<Page<T>, RegistryError> {
  const get = Object.prototype.hasOwnProperty.call(keys, req.sort_key) ? keys[req.sort_key] : undefined;
  if (!get) return err(invalid('sort_key', `must be one of ${Object.keys(keys).join(', ')}`));
  if (req.dir !== 'asc' && req.dir !== 'desc') return err(invalid('dir', 'must be asc or desc'));
  const size = req.page_size ?? PAGE_SIZE_DEFAULT;
  const e = checkNumber(size, 'page_size', { min: 1, max: PAGE_SIZE_MAX, integer: true, unit: 'items' });
  if (e) return err(e);

  const rows = items.map((item) => ({ item, id: idOf(item), value: get(item) }));
  rows.sort((a, b) => comparePosition(a.value, a.id, b.value, b.id, req.dir));

  let start = 0;
  if (req.cursor !== null) {
    const c = decodeCursor(req.cursor);
    if (!c.ok) return c;
    if (c.value.key !== req.sort_key || c.value.dir !== req.dir) {
      return err(invalid('cursor', `belongs to sort ${c.value.key} ${c.value.dir}, not ${req.sort_key} ${req.dir}`));
    }
    const { value, id } = c.value;
    // First row strictly after the cursor position (binary search: rows are sorted by the same order).
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (comparePosition(rows[mid]!.value, rows[mid]!.id, value, id, req.dir) <= 0) lo = mid + 1;
      else hi = mid;
    }
    start = lo;
  }
  const page = rows.slice(start, start + size);
  const last = page[page.length - 1];
  const more = start + size < rows.length;
  return ok({
    items: page.map((r) => r.item),
    next_cursor: more && last ? encodeCursor({ key: req.sort_key, dir: req.dir, value: last.value, id: last.id }) : null,
    total: rows.length,
  });
}
