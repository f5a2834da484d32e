/**
 * Side-by-side comparison of up to COMPARE_MAX_IDS records of one kind. Records are flattened to
 * dotted scalar fields (`peak.fp8.dense`, `prices.0.value`); rows are the union of fields in
 * first-seen order, so values line up by field; a record lacking a field shows null. Hardware
 * comparisons append derived rows (flagged `derived`, with unit) computed by derived-metrics.ts.
 */
import { err, ok, type Result } from '../result';
import type { EntityKind, Hardware, RegistryError } from './types';
import { COMPARE_MAX_IDS } from './limits.constants';
import { hardwareDerivedMetrics, type PriceChoice } from './derived-metrics';
import { checkId, invalid } from './validate.utils';

export type CompareValue = string | number | boolean | null;

export interface CompareRow {
  readonly field: string;
  readonly values: readonly CompareValue[];
  /** true when the values are not all equal. */
  readonly differs: boolean;
  readonly derived: boolean;
  readonly unit: string | null;
}

export interface Comparison {
  readonly ids: readonly string[];
  readonly rows: readonly CompareRow[];
}

/** Provenance is shown per record, not compared. */
const SKIP = new Set(['sources', 'source_refs', 'notes']);

export function flatten(value: unknown, path: string, out: Map<string, CompareValue>): void {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    out.set(path, value);
  } else if (typeof value === 'bigint') {
    out.set(path, value.toString());
  } else if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string')) out.set(path, value.join(', '));
    else value.forEach((v, i) => flatten(v, `${path}.${i}`, out));
  } else if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (path === '' && SKIP.has(k)) continue;
      if (v !== undefined) flatten(v, path === '' ? k : `${path}.${k}`, out);
    }
  }
}

function checkIds(ids: readonly string[]): RegistryError | null {
  if (ids.length > COMPARE_MAX_IDS) return { code: 'LimitExceeded', limit: 'compare_ids', max: COMPARE_MAX_IDS };
  if (ids.length === 0) return invalid('ids', 'must name at least one record');
  for (let i = 0; i < ids.length; i++) {
    const e = checkId(ids[i], `ids.${i}`);
    if (e) return e;
    if (ids.indexOf(ids[i]!) !== i) return invalid(`ids.${i}`, `duplicates "${ids[i]}"`);
  }
  return null;
}

function rowsOf(records: readonly object[]): CompareRow[] {
  const flats = records.map((r) => {
    const m = new Map<string, CompareValue>();
    flatten(r, '', m);
    return m;
  });
  const fields: string[] = [];
  const seen = new Set<string>();
  for (const f of flats) for (const k of f.keys()) if (!seen.has(k)) (seen.add(k), fields.push(k));
  return fields.map((field) => {
    const values = flats.map((f) => (f.has(field) ? f.get(field)! : null));
    return { field, values, differs: values.some((v) => v !== values[0]), derived: false, unit: null };
  });
}

/** @example compareRecords(allModels, 'model', ['llama-3.1-8b', 'qwen2.5-7b']) */
export function compareRecords<T extends { readonly id: string }>(
  items: readonly T[], entity: EntityKind, ids: readonly string[],
): Result<Comparison, RegistryError> {
  const e = checkIds(ids);
  if (e) return err(e);
  const picked: T[] = [];
  for (const id of ids) {
    const found = items.find((x) => x.id === id);
    if (!found) return err({ code: 'NotFound', entity, id });
    picked.push(found);
  }
  return ok({ ids: [...ids], rows: rowsOf(picked) });
}

/** Hardware comparison with derived rows (`derived.ops_per_w.fp8.dense`, ...) appended. */
export function compareHardware(items: readonly Hardware[], ids: readonly string[], price: PriceChoice): Result<Comparison, RegistryError> {
  const base = compareRecords(items, 'hardware', ids);
  if (!base.ok) return base;
  const metrics = ids.map((id) => hardwareDerivedMetrics(items.find((h) => h.id === id)!, price));
  const names: string[] = [];
  for (const list of metrics) for (const m of list) if (!names.includes(m.name)) names.push(m.name);
  const derived = names.map((n): CompareRow => {
    const found = metrics.map((list) => list.find((m) => m.name === n) ?? null);
    const values = found.map((m) => m?.metric.value ?? null);
    return { field: `derived.${n}`, values, differs: values.some((v) => v !== values[0]), derived: true, unit: found.find((m) => m)!.metric.unit };
  });
  return ok({ ids: base.value.ids, rows: [...base.value.rows, ...derived] });
}
