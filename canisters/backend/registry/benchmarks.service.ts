/**
 * Benchmark results are append-only: a submission gets a stable, never-reused id, the submitter's
 * principal and the submission time; nothing edits or removes it afterwards.
 */
import { err, ok, type Result } from '../../../src/shared/result';
import type { BenchmarkResult, Model, RegistryError } from '../../../src/shared/registry/types';
import { validateBenchmarkSubmission } from '../../../src/shared/registry/validate-result';
import { appendAudit } from '../access/audit-log';
import { benchmarks, hardware, models, nextSequence, runtimes, sequenceId } from '../storage/stores';

export const MAX_BENCHMARK_RESULTS = 1_000_000;

export function submitBenchmark(value: unknown, submitter: string, now: bigint): Result<BenchmarkResult, RegistryError> {
    const valid = validateBenchmarkSubmission(value);
    if (!valid.ok) return valid;
    const s = valid.value;
    if (!hardware.has(s.hardware_id)) return err({ code: 'NotFound', entity: 'hardware', id: s.hardware_id });
    if (!runtimes.has(s.runtime_id)) return err({ code: 'NotFound', entity: 'runtime', id: s.runtime_id });
    const model = models.get(s.model_id) as Model | undefined;
    if (model === undefined) return err({ code: 'NotFound', entity: 'model', id: s.model_id });
    const variant = model.variants.find((v) => v.id === s.variant_id);
    if (variant === undefined) return err({ code: 'NotFound', entity: 'variant', id: s.variant_id });
    // Provenance must agree with the registry: a result measured on another file is not a result for this variant.
    if (variant.sha256 !== null && s.model_sha256 !== null && variant.sha256 !== s.model_sha256.toLowerCase()) {
        return err({ code: 'InvalidInput', field: 'model_sha256', reason: `does not match the sha256 of variant ${variant.id} (${variant.sha256})` });
    }
    if (benchmarks.count() >= MAX_BENCHMARK_RESULTS) return err({ code: 'LimitExceeded', limit: 'benchmark results', max: MAX_BENCHMARK_RESULTS });
    const result: BenchmarkResult = { ...s, result_id: sequenceId('r', nextSequence('result')), submitter, timestamp_ns: now };
    benchmarks.put(result);
    appendAudit({ actor: submitter, action: 'submit_benchmark', entity: 'result', entity_id: result.result_id, timestamp_ns: now, before: null, after: JSON.stringify({ ...result, timestamp_ns: now.toString() }) });
    return ok(result);
}

/** Imported results keep their ids (a re-import is idempotent); new ids continue after the largest. */
export function importBenchmark(result: BenchmarkResult): void {
    benchmarks.put(result);
}
