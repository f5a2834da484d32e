/**
 * validateDataset: every record valid, ids unique per kind (variant ids unique across all models),
 * and benchmark results referring to records that exist (variant belonging to its model).
 * This is what the seed files in data/ must pass before the canister loads them.
 */
import { err, ok, type Result } from '../result';
import type { BenchmarkResult, Hardware, Model, RegistryError, Runtime } from './types';
import { checkList, checkObject, invalid, join, type Issue } from './validate.utils';
import { checkHardware } from './validate-hardware';
import { checkRuntime } from './validate-runtime';
import { checkModel } from './validate-model';
import { checkBenchmarkResult } from './validate-result';

/** Upper bounds on the whole registry (items per kind) so canister memory stays bounded. */
export const DATASET_MAX_HARDWARE = 10_000;
export const DATASET_MAX_RUNTIMES = 1_000;
export const DATASET_MAX_MODELS = 10_000;
export const DATASET_MAX_RESULTS = 1_000_000;

export interface Dataset {
  readonly hardware: readonly Hardware[];
  readonly runtimes: readonly Runtime[];
  readonly models: readonly Model[];
  readonly results: readonly BenchmarkResult[];
}

function checkUniqueIds(ids: readonly string[], path: string, what: string): Issue {
  const seen = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) {
    const first = seen.get(ids[i]!);
    if (first !== undefined) return { code: 'Conflict', id: ids[i]!, reason: `${what} id at ${join(path, i)} duplicates ${join(path, first)}` };
    seen.set(ids[i]!, i);
  }
  return null;
}

function checkReferences(d: Dataset): Issue {
  const hw = new Set(d.hardware.map((h) => h.id));
  const rt = new Set(d.runtimes.map((r) => r.id));
  const variantsOf = new Map(d.models.map((m) => [m.id, new Set(m.variants.map((v) => v.id))]));
  for (let i = 0; i < d.results.length; i++) {
    const r = d.results[i]!;
    const p = join('results', i);
    if (!hw.has(r.hardware_id)) return invalid(join(p, 'hardware_id'), `no hardware "${r.hardware_id}"`);
    if (!rt.has(r.runtime_id)) return invalid(join(p, 'runtime_id'), `no runtime "${r.runtime_id}"`);
    const variants = variantsOf.get(r.model_id);
    if (!variants) return invalid(join(p, 'model_id'), `no model "${r.model_id}"`);
    if (!variants.has(r.variant_id)) return invalid(join(p, 'variant_id'), `model "${r.model_id}" has no variant "${r.variant_id}"`);
  }
  return null;
}

export function checkDataset(v: unknown): Issue {
  const d = v as Record<string, unknown>;
  const e =
    checkObject(v, '', ['hardware', 'runtimes', 'models', 'results']) ??
    checkList(d.hardware, 'hardware', { max: DATASET_MAX_HARDWARE }, checkHardware) ??
    checkList(d.runtimes, 'runtimes', { max: DATASET_MAX_RUNTIMES }, checkRuntime) ??
    checkList(d.models, 'models', { max: DATASET_MAX_MODELS }, checkModel) ??
    checkList(d.results, 'results', { max: DATASET_MAX_RESULTS }, checkBenchmarkResult);
  if (e) return e;
  const ds = v as Dataset;
  return (
    checkUniqueIds(ds.hardware.map((h) => h.id), 'hardware', 'hardware') ??
    checkUniqueIds(ds.runtimes.map((r) => r.id), 'runtimes', 'runtime') ??
    checkUniqueIds(ds.models.map((m) => m.id), 'models', 'model') ??
    checkUniqueIds(ds.models.flatMap((m) => m.variants.map((x) => x.id)), 'variants', 'variant') ??
    checkUniqueIds(ds.results.map((r) => r.result_id), 'results', 'result') ??
    checkReferences(ds)
  );
}

/**
 * @example
 * const r = validateDataset({ hardware, runtimes, models, results: [] });
 * if (!r.ok) throw new Error(`${r.error.code}: ${JSON.stringify(r.error)}`);
 */
export function validateDataset(v: unknown): Result<Dataset, RegistryError> {
  const e = checkDataset(v);
  return e ? err(e) : ok(v as Dataset);
}
