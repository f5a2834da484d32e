/** validateBenchmarkSubmission / validateBenchmarkResult: checks for runtime-performance results. */
import { err, ok, type Result } from '../result';
import { RESULT_ORIGINS, type BenchmarkResult, type BenchmarkSubmission, type RegistryError } from './types';
import {
  BATCH_RANGE, CONCURRENCY_RANGE, DEVICE_COUNT_RANGE, NOTES_MAX_CHARS, POWER_W_RANGE, PRINCIPAL_MAX_CHARS,
  PRINCIPAL_PATTERN, SHA256_PATTERN, SHORT_TEXT_MAX_CHARS, TOKENS_PER_REQUEST_RANGE, TOKENS_PER_S_RANGE, TTFT_MS_RANGE,
} from './limits.constants';
import {
  checkEnum, checkId, checkNullableNumber, checkNullableText, checkObject, checkOptionalText, checkText, invalid, join,
  type Issue,
} from './validate.utils';
import { checkSources } from './validate-sources';

const SUBMISSION_KEYS = [
  'hardware_id', 'runtime_id', 'model_id', 'variant_id', 'settings', 'prompt_tokens_per_s', 'generation_tokens_per_s',
  'ttft_ms', 'power_w', 'origin', 'model_sha256', 'runtime_version', 'sources',
];
const RESULT_KEYS = [...SUBMISSION_KEYS, 'result_id', 'submitter', 'timestamp_ns'];
const SETTINGS_KEYS = ['batch_size', 'prompt_tokens', 'output_tokens', 'concurrency', 'device_count'];

function checkSettings(v: unknown, path: string): Issue {
  const s = v as Record<string, unknown>;
  const f = (k: string): string => join(path, k);
  return (
    checkObject(v, path, SETTINGS_KEYS) ??
    checkNullableNumber(s.batch_size, f('batch_size'), BATCH_RANGE) ??
    checkNullableNumber(s.prompt_tokens, f('prompt_tokens'), TOKENS_PER_REQUEST_RANGE) ??
    checkNullableNumber(s.output_tokens, f('output_tokens'), TOKENS_PER_REQUEST_RANGE) ??
    checkNullableNumber(s.concurrency, f('concurrency'), CONCURRENCY_RANGE) ??
    checkNullableNumber(s.device_count, f('device_count'), DEVICE_COUNT_RANGE)
  );
}

function checkSubmissionFields(v: unknown, path: string, keys: readonly string[]): Issue {
  const s = v as Record<string, unknown>;
  const f = (k: string): string => join(path, k);
  const e =
    checkObject(v, path, keys, ['notes']) ??
    checkId(s.hardware_id, f('hardware_id')) ??
    checkId(s.runtime_id, f('runtime_id')) ??
    checkId(s.model_id, f('model_id')) ??
    checkId(s.variant_id, f('variant_id')) ??
    checkSettings(s.settings, f('settings')) ??
    checkNullableNumber(s.prompt_tokens_per_s, f('prompt_tokens_per_s'), TOKENS_PER_S_RANGE) ??
    checkNullableNumber(s.generation_tokens_per_s, f('generation_tokens_per_s'), TOKENS_PER_S_RANGE) ??
    checkNullableNumber(s.ttft_ms, f('ttft_ms'), TTFT_MS_RANGE) ??
    checkNullableNumber(s.power_w, f('power_w'), POWER_W_RANGE) ??
    checkEnum(s.origin, f('origin'), RESULT_ORIGINS) ??
    checkNullableText(s.model_sha256, f('model_sha256'), { max: 64, pattern: SHA256_PATTERN, patternHint: '64 lower-case hex digits' }) ??
    checkNullableText(s.runtime_version, f('runtime_version'), { max: SHORT_TEXT_MAX_CHARS }) ??
    checkOptionalText(s.notes, f('notes'), { max: NOTES_MAX_CHARS, multiline: true }) ??
    // Measured results may rely on the submitter principal alone; copied figures must cite where they came from.
    checkSources(s.sources, f('sources'), s.origin === 'measured' ? 0 : 1);
  if (e) return e;
  if (s.prompt_tokens_per_s === null && s.generation_tokens_per_s === null && s.ttft_ms === null) {
    return invalid(f('generation_tokens_per_s'), 'a result needs at least one of prompt_tokens_per_s, generation_tokens_per_s, ttft_ms');
  }
  return null;
}

export function checkBenchmarkResult(v: unknown, path = ''): Issue {
  const r = v as Record<string, unknown>;
  return (
    checkSubmissionFields(v, path, RESULT_KEYS) ??
    checkId(r.result_id, join(path, 'result_id')) ??
    checkText(r.submitter, join(path, 'submitter'), { max: PRINCIPAL_MAX_CHARS, pattern: PRINCIPAL_PATTERN, patternHint: 'a textual principal' }) ??
    (typeof r.timestamp_ns === 'bigint' && r.timestamp_ns >= 0n ? null : invalid(join(path, 'timestamp_ns'), 'must be a non-negative bigint (ns)'))
  );
}

export function validateBenchmarkSubmission(v: unknown): Result<BenchmarkSubmission, RegistryError> {
  const e = checkSubmissionFields(v, '', SUBMISSION_KEYS);
  return e ? err(e) : ok(v as BenchmarkSubmission);
}

export function validateBenchmarkResult(v: unknown): Result<BenchmarkResult, RegistryError> {
  const e = checkBenchmarkResult(v);
  return e ? err(e) : ok(v as BenchmarkResult);
}
