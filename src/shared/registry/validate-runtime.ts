/** validateRuntime: structural + bounds checks for one Runtime record. */
import { err, ok, type Result } from '../result';
import {
  BACKENDS, INSTALL_EASES, MODEL_FORMATS, QUANT_METHODS, RUNTIME_FEATURES, type RegistryError, type Runtime,
} from './types';
import {
  HARDWARE_VENDORS_MAX, LICENSE_MAX_CHARS, NAME_MAX_CHARS, SHORT_TEXT_MAX_CHARS, VENDOR_SLUG_PATTERN,
} from './limits.constants';
import {
  checkEnumSet, checkId, checkKeyed, checkList, checkNullableBool, checkNullableEnum, checkNullableText,
  checkNullableUrl, checkObject, checkText, checkUnique, join, type Issue,
} from './validate.utils';
import { checkProvenance, OPTIONAL_PROVENANCE_KEYS, PROVENANCE_KEYS } from './validate-sources';

const KEYS = [
  'id', 'name', 'vendor', 'license', 'hardware_vendors', 'backends', 'model_formats', 'quant_methods', 'features',
  'ease_of_install', 'latest_version', 'homepage', ...PROVENANCE_KEYS,
];

export function checkRuntime(v: unknown, path = ''): Issue {
  const r = v as Record<string, unknown>;
  const f = (k: string): string => join(path, k);
  return (
    checkObject(v, path, KEYS, OPTIONAL_PROVENANCE_KEYS) ??
    checkId(r.id, f('id')) ??
    checkText(r.name, f('name'), { max: NAME_MAX_CHARS }) ??
    checkText(r.vendor, f('vendor'), { max: NAME_MAX_CHARS }) ??
    checkText(r.license, f('license'), { max: LICENSE_MAX_CHARS }) ??
    (checkList(r.hardware_vendors, f('hardware_vendors'), { max: HARDWARE_VENDORS_MAX }, (x, p) =>
      checkText(x, p, { max: 32, pattern: VENDOR_SLUG_PATTERN, patternHint: 'a lower-case vendor slug like nvidia' }),
    ) ?? checkUnique(r.hardware_vendors as string[], f('hardware_vendors'))) ??
    checkEnumSet(r.backends, f('backends'), BACKENDS) ??
    checkEnumSet(r.model_formats, f('model_formats'), MODEL_FORMATS) ??
    checkEnumSet(r.quant_methods, f('quant_methods'), QUANT_METHODS) ??
    checkKeyed(r.features, f('features'), RUNTIME_FEATURES, checkNullableBool) ??
    checkNullableEnum(r.ease_of_install, f('ease_of_install'), INSTALL_EASES) ??
    checkNullableText(r.latest_version, f('latest_version'), { max: SHORT_TEXT_MAX_CHARS }) ??
    checkNullableUrl(r.homepage, f('homepage')) ??
    checkProvenance(r, path)
  );
}

export function validateRuntime(v: unknown): Result<Runtime, RegistryError> {
  const e = checkRuntime(v);
  return e ? err(e) : ok(v as Runtime);
}
