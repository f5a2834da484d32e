/**
 * Best models for a hardware (or any fit target). A model qualifies when it fits the task, meets
 * the minimum score on the chosen benchmark, and has a variant that fits on up to max_devices.
 * Per model the variant chosen is the one with the most bits per weight that fits (least quantization
 * loss), ties to the smaller file. Ranking, in order: highest benchmark score (when a benchmark is
 * given), then highest decode tokens/s upper bound (hardware targets), then most parameters, then id.
 */
import { err, ok, type Result } from '../result';
import {
  TASKS, type Hardware, type Id, type Model, type ModelVariant, type QualityScore, type RegistryError, type Task,
} from './types';
import { FIT_MAX_DEVICES, SCORE_RANGE } from './limits.constants';
import { computeFit, type FitResult, type FitTarget } from './fit';
import { decodeTokensPerSecondUpperBound } from './derived-metrics';
import type { KvDtype } from './model-size';
import { checkLimit, compareNullable, fmtNum, type Excluded, type Recommendation } from './recommend.utils';
import { checkEnum, checkNullableNumber, checkNumber, checkText, invalid } from './validate.utils';

export interface ModelsForTargetRequest {
  readonly target: FitTarget;
  readonly models: readonly Model[];
  readonly task: Task | null;
  /** Benchmark slug to filter and rank by, e.g. `mmlu_pro`; null ranks by speed and size only. */
  readonly benchmark: string | null;
  readonly min_score: number | null;
  readonly context_tokens: number | null;
  readonly batch: number;
  readonly kv_dtype: KvDtype;
  readonly max_devices: number;
  readonly limit: number;
}

export interface RankedModel {
  readonly rank: number;
  readonly model_id: Id;
  readonly variant_id: Id;
  readonly score: number | null;
  readonly devices: number;
  readonly total_bytes: number;
  readonly max_context_tokens: number;
  readonly decode_tokens_per_s_upper_bound: number | null;
  readonly explanation: readonly string[];
}

type Candidate = Omit<RankedModel, 'rank'> & { readonly params: number | null };

/** The score used for a benchmark: an independent evaluation first, else the first one listed. */
export function pickScore(model: Model, benchmark: string): QualityScore | null {
  const all = model.scores.filter((s) => s.benchmark === benchmark && s.score !== null);
  return all.find((s) => s.evaluator === 'independent') ?? all[0] ?? null;
}

function bitsOf(model: Model, v: ModelVariant): number | null {
  if (v.bits_per_weight !== null) return v.bits_per_weight;
  if (v.file_size_bytes !== null && model.params_total_b !== null) return (v.file_size_bytes * 8) / (model.params_total_b * 1e9);
  return null;
}

function criteria(benchmark: string | null): string[] {
  return [
    ...(benchmark ? [`highest ${benchmark} score`] : []),
    'highest decode tokens/s upper bound (derived; hardware targets only)',
    'then most parameters',
    'then model id',
  ];
}

export function recommendModelsForHardware(
  req: ModelsForTargetRequest, findHardware: (id: Id) => Hardware | null,
): Result<Recommendation<RankedModel>, RegistryError> {
  const e =
    checkLimit(req.limit) ??
    (req.task === null ? null : checkEnum(req.task, 'task', TASKS)) ??
    (req.benchmark === null ? null : checkText(req.benchmark, 'benchmark', { max: 64, pattern: /^[a-z0-9][a-z0-9._-]{0,63}$/, patternHint: 'a benchmark slug' })) ??
    checkNullableNumber(req.min_score, 'min_score', SCORE_RANGE) ??
    (req.min_score !== null && req.benchmark === null ? invalid('min_score', 'needs a benchmark') : null) ??
    checkNumber(req.max_devices, 'max_devices', { min: 1, max: FIT_MAX_DEVICES, integer: true, unit: 'devices' });
  if (e) return err(e);
  const hw = req.target.kind === 'hardware' ? findHardware(req.target.hardware_id) : null;
  if (req.target.kind === 'hardware' && !hw) return err({ code: 'NotFound', entity: 'hardware', id: req.target.hardware_id });

  const candidates: Candidate[] = [];
  const excluded: Excluded[] = [];
  for (const model of req.models) {
    if (req.task !== null && !model.task_fit.includes(req.task)) {
      excluded.push({ id: model.id, reason: `not listed for task ${req.task}` });
      continue;
    }
    const score = req.benchmark === null ? null : pickScore(model, req.benchmark);
    if (req.benchmark !== null && req.min_score !== null && (score === null || score.score! < req.min_score)) {
      excluded.push({ id: model.id, reason: score === null ? `no ${req.benchmark} score` : `${req.benchmark} ${score.score} < ${req.min_score}` });
      continue;
    }
    let best: { v: ModelVariant; f: FitResult } | null = null;
    let lastProblem = 'no variants';
    for (const v of model.variants) {
      const r = computeFit({ model, variant: v, target: req.target, context_tokens: req.context_tokens, batch: req.batch, kv_dtype: req.kv_dtype }, findHardware);
      if (!r.ok) {
        if (r.error.code === 'InvalidInput' && ['batch', 'kv_dtype', 'context_tokens', 'target.memory_bytes', 'target.hardware_id'].includes(r.error.field)) return r;
        lastProblem = r.error.code === 'InvalidInput' ? r.error.reason : r.error.code;
        continue;
      }
      if (r.value.devices_needed === null || r.value.devices_needed > req.max_devices) {
        lastProblem = `no variant fits on ${req.max_devices} device(s)`;
        continue;
      }
      if (best === null || compareVariants(model, v, r.value, best.v, best.f) < 0) best = { v, f: r.value };
    }
    if (!best) {
      excluded.push({ id: model.id, reason: lastProblem });
      continue;
    }
    const { v, f } = best;
    const n = f.devices_needed!;
    const bound = hw ? decodeTokensPerSecondUpperBound(hw, model, v, f.context_tokens, req.kv_dtype, n) : null;
    const explanation = [
      ...(req.task !== null ? [`task ${req.task}: listed in task_fit`] : []),
      score
        ? `${req.benchmark} ${score.score} (${score.shots ?? '?'}-shot, ${score.evaluator ?? 'unknown'} evaluator, source ${score.source})${req.min_score !== null ? ` ≥ ${req.min_score}` : ''}`
        : req.benchmark ? `${req.benchmark}: no score` : 'no benchmark requested',
      `variant ${v.quant_label ?? v.id} (${fmtNum(bitsOf(model, v) ?? 0)} bits/weight, most precise that fits): ${n} device(s), total ${fmtNum(f.total_bytes / 1e9)} GB of ${fmtNum(f.device_memory_bytes / 1e9)} GB, max context ${f.max_context_tokens}`,
      bound ? `decode upper bound (derived): ${fmtNum(bound.value)} tokens/s` : 'decode upper bound: unknown for this target',
    ];
    candidates.push({
      model_id: model.id, variant_id: v.id, score: score?.score ?? null, devices: n, total_bytes: f.total_bytes,
      max_context_tokens: f.max_context_tokens, decode_tokens_per_s_upper_bound: bound?.value ?? null, explanation,
      params: model.params_total_b,
    });
  }
  candidates.sort(
    (a, b) =>
      compareNullable(a.score, b.score, 'desc') ||
      compareNullable(a.decode_tokens_per_s_upper_bound, b.decode_tokens_per_s_upper_bound, 'desc') ||
      compareNullable(a.params, b.params, 'desc') ||
      (a.model_id < b.model_id ? -1 : a.model_id > b.model_id ? 1 : 0),
  );
  const crit = criteria(req.benchmark);
  const ranked = candidates.slice(0, req.limit).map(({ params: _p, ...c }, i) => ({
    ...c,
    rank: i + 1,
    explanation: [...c.explanation, `rank ${i + 1} of ${candidates.length} by: ${crit.join(', ')}`],
  }));
  return ok({ ranked, excluded, criteria: crit });
}

/** Negative when variant a is preferred: more bits per weight, then fewer devices, then smaller total. */
function compareVariants(model: Model, a: ModelVariant, fa: FitResult, b: ModelVariant, fb: FitResult): number {
  return (
    compareNullable(bitsOf(model, a), bitsOf(model, b), 'desc') ||
    fa.devices_needed! - fb.devices_needed! ||
    fa.total_bytes - fb.total_bytes
  );
}
