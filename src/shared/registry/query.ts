/**
 * List queries: validate the filter, filter, then page with a cursor (paginate.ts). Pure functions
 * over arrays; the canister applies the same semantics over its indexes. Also getById helpers.
 */
import { err, ok, type Result } from '../result';
import {
  AVAILABILITIES, BACKENDS, HARDWARE_KINDS, MODEL_FORMATS, PRECISIONS, QUANT_METHODS, RUNTIME_FEATURES, TASKS,
  type BenchmarkResult, type EntityKind, type Hardware, type Model, type RegistryError, type Runtime,
} from './types';
import {
  CONTEXT_TOKENS_RANGE, MEMORY_GB_RANGE, NAME_MAX_CHARS, PARAMS_B_RANGE, PRINCIPAL_MAX_CHARS, TDP_W_RANGE,
} from './limits.constants';
import {
  HARDWARE_SORT_KEYS, matchHardware, matchModel, matchResult, matchRuntime, MODEL_SORT_KEYS, RESULT_SORT_KEYS,
  RUNTIME_SORT_KEYS, type HardwareFilter, type ModelFilter, type ResultFilter, type RuntimeFilter,
} from './filters';
import { paginate, type Page, type PageRequest } from './paginate';
import { parseQuery } from './search';
import { checkEnum, checkEnumSet, checkId, checkNumber, checkText, type Issue } from './validate.utils';

type Checks = Record<string, (v: unknown, field: string) => Issue>;

/** Each present filter field must be known and within bounds. */
function checkFilter(filter: object, checks: Checks): Issue {
  for (const [k, v] of Object.entries(filter)) {
    if (v === undefined) continue;
    const check = Object.prototype.hasOwnProperty.call(checks, k) ? checks[k] : undefined;
    if (!check) return { code: 'InvalidInput', field: `filter.${k}`, reason: 'is not a known filter' };
    const e = check(v, `filter.${k}`);
    if (e) return e;
  }
  return null;
}

const name = (v: unknown, f: string): Issue => checkText(v, f, { max: NAME_MAX_CHARS });
const text = (v: unknown, f: string): Issue => {
  if (typeof v !== 'string') return { code: 'InvalidInput', field: f, reason: 'must be a string' };
  const q = parseQuery(v);
  return q.ok ? null : { ...q.error, field: f } as RegistryError;
};
const enumOf = (values: readonly string[]) => (v: unknown, f: string): Issue => checkEnum(v, f, values);
const setOf = (values: readonly string[]) => (v: unknown, f: string): Issue => checkEnumSet(v, f, values);

const HARDWARE_CHECKS: Checks = {
  kinds: setOf(HARDWARE_KINDS), vendor: name, availability: setOf(AVAILABILITIES), precision: enumOf(PRECISIONS), text,
  min_memory_gb: (v, f) => checkNumber(v, f, MEMORY_GB_RANGE),
  max_tdp_w: (v, f) => checkNumber(v, f, TDP_W_RANGE),
};
const RUNTIME_CHECKS: Checks = {
  backend: enumOf(BACKENDS), model_format: enumOf(MODEL_FORMATS), quant_method: enumOf(QUANT_METHODS),
  feature: enumOf(RUNTIME_FEATURES), hardware_vendor: name, text,
};
const MODEL_CHECKS: Checks = {
  family: name, publisher: name, task: enumOf(TASKS), format: enumOf(MODEL_FORMATS), quant_method: enumOf(QUANT_METHODS), text,
  max_params_b: (v, f) => checkNumber(v, f, PARAMS_B_RANGE),
  min_context: (v, f) => checkNumber(v, f, CONTEXT_TOKENS_RANGE),
};
const RESULT_CHECKS: Checks = {
  hardware_id: checkId, runtime_id: checkId, model_id: checkId, variant_id: checkId,
  submitter: (v, f) => checkText(v, f, { max: PRINCIPAL_MAX_CHARS }),
};

function list<T, F extends object>(
  items: readonly T[], filter: F, page: PageRequest, checks: Checks, match: (t: T, f: F) => boolean,
  idOf: (t: T) => string, keys: Parameters<typeof paginate<T>>[2],
): Result<Page<T>, RegistryError> {
  const e = checkFilter(filter, checks);
  if (e) return err(e);
  return paginate(items.filter((t) => match(t, filter)), idOf, keys, page);
}

/**
 * @example
 * listHardware(all, { kinds: ['gpu'], min_memory_gb: 24 }, { sort_key: 'memory_bandwidth_gb_s', dir: 'desc', cursor: null, page_size: 20 })
 */
export function listHardware(items: readonly Hardware[], filter: HardwareFilter, page: PageRequest): Result<Page<Hardware>, RegistryError> {
  return list(items, filter, page, HARDWARE_CHECKS, matchHardware, (h) => h.id, HARDWARE_SORT_KEYS);
}

export function listRuntimes(items: readonly Runtime[], filter: RuntimeFilter, page: PageRequest): Result<Page<Runtime>, RegistryError> {
  return list(items, filter, page, RUNTIME_CHECKS, matchRuntime, (r) => r.id, RUNTIME_SORT_KEYS);
}

export function listModels(items: readonly Model[], filter: ModelFilter, page: PageRequest): Result<Page<Model>, RegistryError> {
  return list(items, filter, page, MODEL_CHECKS, matchModel, (m) => m.id, MODEL_SORT_KEYS);
}

export function listResults(items: readonly BenchmarkResult[], filter: ResultFilter, page: PageRequest): Result<Page<BenchmarkResult>, RegistryError> {
  return list(items, filter, page, RESULT_CHECKS, matchResult, (r) => r.result_id, RESULT_SORT_KEYS);
}

/** Finds a record by id, or NotFound. */
export function getById<T extends { readonly id: string }>(items: readonly T[], entity: EntityKind, id: string): Result<T, RegistryError> {
  const found = items.find((x) => x.id === id);
  return found ? ok(found) : err({ code: 'NotFound', entity, id });
}
