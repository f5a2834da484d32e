/** validateHardware: structural + bounds checks for one Hardware record. */
import { err, ok, type Result } from '../result';
import {
  AVAILABILITIES, FORM_FACTORS, HARDWARE_KINDS, PRECISIONS, PRICE_KINDS, type Hardware, type RegistryError,
} from './types';
import {
  CURRENCY_PATTERN, INTERCONNECT_GB_S_RANGE, MEMORY_BANDWIDTH_GB_S_RANGE, MEMORY_GB_RANGE, NAME_MAX_CHARS,
  PEAK_TFLOPS_RANGE, PRICE_VALUE_RANGE, PRICES_MAX, RELEASE_YEAR_RANGE, SHORT_TEXT_MAX_CHARS, TDP_W_RANGE,
} from './limits.constants';
import {
  checkDate, checkEnum, checkId, checkKeyed, checkList, checkNullableEnum, checkNullableNumber, checkNullableText,
  checkObject, checkText, join, type Issue,
} from './validate.utils';
import { checkProvenance, OPTIONAL_PROVENANCE_KEYS, PROVENANCE_KEYS } from './validate-sources';

const KEYS = [
  'id', 'vendor', 'name', 'kind', 'memory_gb', 'memory_type', 'memory_bandwidth_gb_s', 'tdp_w', 'prices', 'peak',
  'interconnect', 'interconnect_bandwidth_gb_s', 'form_factor', 'release_year', 'availability', ...PROVENANCE_KEYS,
];

function checkPrice(v: unknown, path: string): Issue {
  const p = v as Record<string, unknown>;
  return (
    checkObject(v, path, ['value', 'currency', 'kind', 'as_of']) ??
    checkNullableNumber(p.value, join(path, 'value'), PRICE_VALUE_RANGE) ??
    checkText(p.currency, join(path, 'currency'), { max: 3, pattern: CURRENCY_PATTERN, patternHint: 'an ISO 4217 code like USD' }) ??
    checkEnum(p.kind, join(path, 'kind'), PRICE_KINDS) ??
    checkDate(p.as_of, join(path, 'as_of'))
  );
}

function checkPeakValue(v: unknown, path: string): Issue {
  const p = v as Record<string, unknown>;
  return (
    checkObject(v, path, ['dense', 'sparse']) ??
    checkNullableNumber(p.dense, join(path, 'dense'), PEAK_TFLOPS_RANGE) ??
    checkNullableNumber(p.sparse, join(path, 'sparse'), PEAK_TFLOPS_RANGE)
  );
}

export function checkHardware(v: unknown, path = ''): Issue {
  const h = v as Record<string, unknown>;
  const f = (k: string): string => join(path, k);
  return (
    checkObject(v, path, KEYS, OPTIONAL_PROVENANCE_KEYS) ??
    checkId(h.id, f('id')) ??
    checkText(h.vendor, f('vendor'), { max: NAME_MAX_CHARS }) ??
    checkText(h.name, f('name'), { max: NAME_MAX_CHARS }) ??
    checkEnum(h.kind, f('kind'), HARDWARE_KINDS) ??
    checkNullableNumber(h.memory_gb, f('memory_gb'), MEMORY_GB_RANGE) ??
    checkNullableText(h.memory_type, f('memory_type'), { max: SHORT_TEXT_MAX_CHARS }) ??
    checkNullableNumber(h.memory_bandwidth_gb_s, f('memory_bandwidth_gb_s'), MEMORY_BANDWIDTH_GB_S_RANGE) ??
    checkNullableNumber(h.tdp_w, f('tdp_w'), TDP_W_RANGE) ??
    checkList(h.prices, f('prices'), { max: PRICES_MAX }, checkPrice) ??
    checkKeyed(h.peak, f('peak'), PRECISIONS, checkPeakValue) ??
    checkNullableText(h.interconnect, f('interconnect'), { max: NAME_MAX_CHARS }) ??
    checkNullableNumber(h.interconnect_bandwidth_gb_s, f('interconnect_bandwidth_gb_s'), INTERCONNECT_GB_S_RANGE) ??
    checkNullableEnum(h.form_factor, f('form_factor'), FORM_FACTORS) ??
    checkNullableNumber(h.release_year, f('release_year'), RELEASE_YEAR_RANGE) ??
    checkNullableEnum(h.availability, f('availability'), AVAILABILITIES) ??
    checkProvenance(h, path)
  );
}

/**
 * @example
 * const r = validateHardware(JSON.parse(text));
 * if (!r.ok) console.log(r.error); // { code: 'InvalidInput', field: 'tdp_w', reason: '...' }
 */
export function validateHardware(v: unknown): Result<Hardware, RegistryError> {
  const e = checkHardware(v);
  return e ? err(e) : ok(v as Hardware);
}
