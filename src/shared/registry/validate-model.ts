/** validateModel: structural + bounds checks for one Model record, its variants and its scores. */
import { err, ok, type Result } from '../result';
import { ARCH_KINDS, EVALUATORS, MODEL_FORMATS, QUANT_METHODS, TASKS, type Model, type RegistryError } from './types';
import {
  BITS_PER_WEIGHT_RANGE, CONTEXT_TOKENS_RANGE, EXPERTS_RANGE, FILE_SIZE_BYTES_RANGE, HEAD_DIM_RANGE, HEADS_RANGE,
  HIDDEN_SIZE_RANGE, LAYERS_RANGE, LICENSE_MAX_CHARS, NAME_MAX_CHARS, NOTE_MAX_CHARS, PARAMS_B_RANGE, SCORE_RANGE,
  SCORES_MAX, SHA256_PATTERN, SHORT_TEXT_MAX_CHARS, SHOTS_RANGE, VARIANTS_MAX, VOCAB_RANGE,
} from './limits.constants';
import {
  checkEnum, checkEnumSet, checkId, checkList, checkNullableBool, checkNullableDate, checkNullableEnum,
  checkNullableNumber, checkNullableText, checkNullableUrl, checkObject, checkText, checkUnique, invalid, join,
  type Issue,
} from './validate.utils';
import { checkProvenance, checkSourceIndex, OPTIONAL_PROVENANCE_KEYS, PROVENANCE_KEYS } from './validate-sources';

const KEYS = [
  'id', 'name', 'family', 'publisher', 'backing', 'params_total_b', 'params_active_b', 'architecture',
  'context_length', 'license', 'release_date', 'update_cadence', 'task_fit', 'variants', 'scores', ...PROVENANCE_KEYS,
];
const ARCH_KEYS = [
  'kind', 'layers', 'hidden_size', 'attention_heads', 'kv_heads', 'head_dim', 'vocab_size', 'experts_total',
  'experts_active',
];
const BENCHMARK_SLUG = /^[a-z0-9][a-z0-9._-]{0,63}$/;

function checkArchitecture(v: unknown, path: string): Issue {
  const a = v as Record<string, unknown>;
  const f = (k: string): string => join(path, k);
  const e =
    checkObject(v, path, ARCH_KEYS) ??
    checkNullableEnum(a.kind, f('kind'), ARCH_KINDS) ??
    checkNullableNumber(a.layers, f('layers'), LAYERS_RANGE) ??
    checkNullableNumber(a.hidden_size, f('hidden_size'), HIDDEN_SIZE_RANGE) ??
    checkNullableNumber(a.attention_heads, f('attention_heads'), HEADS_RANGE) ??
    checkNullableNumber(a.kv_heads, f('kv_heads'), HEADS_RANGE) ??
    checkNullableNumber(a.head_dim, f('head_dim'), HEAD_DIM_RANGE) ??
    checkNullableNumber(a.vocab_size, f('vocab_size'), VOCAB_RANGE) ??
    checkNullableNumber(a.experts_total, f('experts_total'), EXPERTS_RANGE) ??
    checkNullableNumber(a.experts_active, f('experts_active'), EXPERTS_RANGE);
  if (e) return e;
  // Cross-field consistency: GQA groups query heads over KV heads; active experts are a subset.
  if (a.kv_heads !== null && a.attention_heads !== null && (a.kv_heads as number) > (a.attention_heads as number)) {
    return invalid(f('kv_heads'), 'must not exceed attention_heads');
  }
  if (a.experts_active !== null && a.experts_total !== null && (a.experts_active as number) > (a.experts_total as number)) {
    return invalid(f('experts_active'), 'must not exceed experts_total');
  }
  return null;
}

function checkVariant(v: unknown, path: string): Issue {
  const x = v as Record<string, unknown>;
  const f = (k: string): string => join(path, k);
  return (
    checkObject(v, path, ['id', 'format', 'quant_method', 'quant_label', 'bits_per_weight', 'file_size_bytes', 'sha256', 'url']) ??
    checkId(x.id, f('id')) ??
    checkEnum(x.format, f('format'), MODEL_FORMATS) ??
    checkEnum(x.quant_method, f('quant_method'), QUANT_METHODS) ??
    checkNullableText(x.quant_label, f('quant_label'), { max: SHORT_TEXT_MAX_CHARS }) ??
    checkNullableNumber(x.bits_per_weight, f('bits_per_weight'), BITS_PER_WEIGHT_RANGE) ??
    checkNullableNumber(x.file_size_bytes, f('file_size_bytes'), FILE_SIZE_BYTES_RANGE) ??
    checkNullableText(x.sha256, f('sha256'), { max: 64, pattern: SHA256_PATTERN, patternHint: '64 lower-case hex digits' }) ??
    checkNullableUrl(x.url, f('url'))
  );
}

function checkScore(v: unknown, path: string, sourceCount: number): Issue {
  const s = v as Record<string, unknown>;
  const f = (k: string): string => join(path, k);
  return (
    checkObject(v, path, ['benchmark', 'score', 'shots', 'harness', 'harness_version', 'chat_template', 'evaluator', 'source']) ??
    checkText(s.benchmark, f('benchmark'), { max: SHORT_TEXT_MAX_CHARS, pattern: BENCHMARK_SLUG, patternHint: 'a benchmark slug like mmlu_pro' }) ??
    checkNullableNumber(s.score, f('score'), SCORE_RANGE) ??
    checkNullableNumber(s.shots, f('shots'), SHOTS_RANGE) ??
    checkNullableText(s.harness, f('harness'), { max: SHORT_TEXT_MAX_CHARS }) ??
    checkNullableText(s.harness_version, f('harness_version'), { max: SHORT_TEXT_MAX_CHARS }) ??
    checkNullableBool(s.chat_template, f('chat_template')) ??
    checkNullableEnum(s.evaluator, f('evaluator'), EVALUATORS) ??
    checkSourceIndex(s.source, f('source'), sourceCount)
  );
}

export function checkModel(v: unknown, path = ''): Issue {
  const m = v as Record<string, unknown>;
  const f = (k: string): string => join(path, k);
  const e =
    checkObject(v, path, KEYS, OPTIONAL_PROVENANCE_KEYS) ??
    checkProvenance(m, path) ??
    checkId(m.id, f('id')) ??
    checkText(m.name, f('name'), { max: NAME_MAX_CHARS }) ??
    checkText(m.family, f('family'), { max: NAME_MAX_CHARS }) ??
    checkText(m.publisher, f('publisher'), { max: NAME_MAX_CHARS }) ??
    checkNullableText(m.backing, f('backing'), { max: NAME_MAX_CHARS }) ??
    checkNullableNumber(m.params_total_b, f('params_total_b'), PARAMS_B_RANGE) ??
    checkNullableNumber(m.params_active_b, f('params_active_b'), PARAMS_B_RANGE) ??
    checkArchitecture(m.architecture, f('architecture')) ??
    checkNullableNumber(m.context_length, f('context_length'), CONTEXT_TOKENS_RANGE) ??
    checkText(m.license, f('license'), { max: LICENSE_MAX_CHARS }) ??
    checkNullableDate(m.release_date, f('release_date')) ??
    checkNullableText(m.update_cadence, f('update_cadence'), { max: NOTE_MAX_CHARS }) ??
    checkEnumSet(m.task_fit, f('task_fit'), TASKS) ??
    checkList(m.variants, f('variants'), { max: VARIANTS_MAX }, checkVariant) ??
    checkUnique((m.variants as { id: string }[]).map((x) => x.id), f('variants')) ??
    checkList(m.scores, f('scores'), { max: SCORES_MAX }, (s, p) => checkScore(s, p, (m.sources as unknown[]).length));
  if (e) return e;
  if (m.params_active_b !== null && m.params_total_b !== null && (m.params_active_b as number) > (m.params_total_b as number)) {
    return invalid(f('params_active_b'), 'must not exceed params_total_b');
  }
  return null;
}

export function validateModel(v: unknown): Result<Model, RegistryError> {
  const e = checkModel(v);
  return e ? err(e) : ok(v as Model);
}
