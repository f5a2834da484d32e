/**
 * Derived views over the registry: the fit calculator, recommendations and derived metrics. Pure logic
 * from src/shared/registry; this file only loads records, bounds the work and encodes results.
 */
import { IDL, msgReply, query } from 'azle';

import { err, type Result } from '../../../src/shared/result';
import { computeFit, type FitTarget } from '../../../src/shared/registry/fit';
import { hardwareDerivedMetrics } from '../../../src/shared/registry/derived-metrics';
import type { KvDtype } from '../../../src/shared/registry/model-size';
import { recommendHardwareForModel } from '../../../src/shared/registry/recommend-hardware';
import { recommendModelsForHardware } from '../../../src/shared/registry/recommend-models';
import type { Hardware, Model, ModelVariant, RegistryError, Task } from '../../../src/shared/registry/types';
import { argsReader } from '../candid/query-args';
import { resultReply } from '../candid/result-reply';
import { fromOpt, wireErr, type WireResult } from '../candid/results';
import { fromWire } from '../candid/wire-mapping';
import type { EntityCollection } from '../storage/entity-collection';
import { hardware, models, variantOwners } from '../storage/stores';
import * as A from './analysis.idl';
import { Result as ResultOf } from './registry.idl';

/**
 * Recommendations consider at most this many candidates per call (cheapest hardware first; models in id
 * order), so a query stays far below the 5 B instruction limit as the registry grows. The response says how
 * many were considered.
 */
export const MAX_RECOMMEND_CANDIDATES = 500;

function findHardware(id: string): Hardware | null {
    return hardware.get(id) ?? null;
}

function modelAndVariant(modelId: string, variantId: string): Result<{ model: Model; variant: ModelVariant }, RegistryError> {
    const model = models.get(modelId) as Model | undefined;
    if (model === undefined) return err({ code: 'NotFound', entity: 'model', id: modelId });
    const variant = model.variants.find((v) => v.id === variantId);
    if (variant === undefined) {
        const owner = variantOwners.get(variantId);
        const hint = owner === undefined ? '' : ` (it belongs to model ${owner})`;
        return err({ code: 'InvalidInput', field: 'variant_id', reason: `model ${modelId} has no variant ${variantId}${hint}` });
    }
    return { ok: true, value: { model, variant } };
}

function candidates<T extends object>(collection: EntityCollection<T>, sort: string): T[] {
    const out: T[] = [];
    let cursor: string | null = null;
    while (out.length < MAX_RECOMMEND_CANDIDATES) {
        const limit = Math.min(100, MAX_RECOMMEND_CANDIDATES - out.length);
        const page = collection.list({ sort, direction: 'asc', cursor, limit, filter: () => true });
        if (!page.ok) break;
        out.push(...page.items);
        if (page.nextCursor === null) break;
        cursor = page.nextCursor;
    }
    return out;
}

/** A request in domain form (fromWire's shape); `target` stays a wire variant, as fromWire leaves it. */
type Req = Record<string, unknown>;

/** Replies encoded by result-reply.ts (built at module initialisation), not by the JS IDL encoder. */
const replies = {
    fit: resultReply(ResultOf(A.FitResult)),
    hardware: resultReply(ResultOf(A.HardwareRecommendation)),
    models: resultReply(ResultOf(A.ModelRecommendation))
};

/** Arguments in domain form (candid/query-args.ts): empty opts are null, unit variants their tag. */
const readArgs = {
    fit: argsReader([A.FitRequest]),
    hardware: argsReader([A.RecommendHardwareRequest]),
    models: argsReader([A.RecommendModelsRequest])
};
const kvOf = (kv: unknown): KvDtype => ((kv as KvDtype | null) ?? 'f16');

/** fit: the domain Result for a wire FitRequest. */
function fitOf(req: Req): Result<unknown, RegistryError> {
    const found = modelAndVariant(req.model_id as string, req.variant_id as string);
    if (!found.ok) return err(found.error);
    const target = fromWire(A.FitTarget, req.target) as object;
    return computeFit(
        {
            ...found.value,
            target: fitTargetOf(target),
            context_tokens: req.context_tokens as number | null,
            batch: (req.batch as number | null) ?? 1,
            kv_dtype: kvOf(req.kv_dtype)
        },
        findHardware
    );
}

/** recommend_hardware: the domain Result for a wire request. */
function recommendHardwareOf(req: Req): Result<unknown, RegistryError> {
    const found = modelAndVariant(req.model_id as string, req.variant_id as string);
    if (!found.ok) return err(found.error);
    const pool = candidates(hardware, 'price_usd');
    const result = recommendHardwareForModel({
        ...found.value,
        hardware: pool,
        context_tokens: req.context_tokens as number | null,
        batch: (req.batch as number | null) ?? 1,
        kv_dtype: kvOf(req.kv_dtype),
        currency: (req.currency as string | null) ?? 'USD',
        max_price: req.max_price as number | null,
        max_tdp_w: req.max_tdp_w as number | null,
        max_devices: (req.max_devices as number | null) ?? 8,
        limit: (req.limit as number | null) ?? 10
    });
    if (!result.ok) return err(result.error);
    return { ok: true, value: { ...result.value, candidates_considered: pool.length } };
}

/** recommend_models: the domain Result for a wire request. */
function recommendModelsOf(req: Req): Result<unknown, RegistryError> {
    const pool = candidates(models, 'id');
    const task = req.task as Task | null;
    const result = recommendModelsForHardware(
        {
            target: fitTargetOf(fromWire(A.FitTarget, req.target) as object),
            models: pool,
            task,
            benchmark: req.benchmark as string | null,
            min_score: req.min_score as number | null,
            context_tokens: req.context_tokens as number | null,
            batch: (req.batch as number | null) ?? 1,
            kv_dtype: kvOf(req.kv_dtype),
            max_devices: (req.max_devices as number | null) ?? 1,
            limit: (req.limit as number | null) ?? 10
        },
        findHardware
    );
    if (!result.ok) return err(result.error);
    return { ok: true, value: { ...result.value, candidates_considered: pool.length } };
}

export class AnalysisApi {
    /** Does a model variant fit a target's memory, at what context, on how many devices? */
    @query([A.FitRequest], ResultOf(A.FitResult), { manual: true })
    fit(): void {
        msgReply(replies.fit(fitOf(readArgs.fit()[0] as Req)));
    }

    /** Best hardware for a model variant under price/power limits, each rank explained. */
    @query([A.RecommendHardwareRequest], ResultOf(A.HardwareRecommendation), { manual: true })
    recommend_hardware(): void {
        msgReply(replies.hardware(recommendHardwareOf(readArgs.hardware()[0] as Req)));
    }

    /** Best models for a target under task and score limits, each rank explained. */
    @query([A.RecommendModelsRequest], ResultOf(A.ModelRecommendation), { manual: true })
    recommend_models(): void {
        msgReply(replies.models(recommendModelsOf(readArgs.models()[0] as Req)));
    }

    /** Every derived metric of a hardware record (TOPS/W, TOPS/$, bandwidth/$), each with its formula. */
    @query([IDL.Text, IDL.Opt(IDL.Text)], ResultOf(IDL.Vec(A.DerivedMetric)))
    hardware_metrics(id: string, currency: [] | [string]): WireResult {
        const hw = findHardware(id);
        if (hw === null) return wireErr({ code: 'NotFound', entity: 'hardware', id });
        const metrics = hardwareDerivedMetrics(hw, { currency: fromOpt(currency) ?? 'USD' }).map((m) => ({ name: m.name, ...m.metric }));
        return { Ok: metrics };
    }
}

/** Wire fit target (after fromWire: unit tags as strings, records as objects) → domain FitTarget. */
function fitTargetOf(wire: object | string): FitTarget {
    if (typeof wire === 'string') return { kind: wire } as FitTarget;
    const [kind, value] = Object.entries(wire)[0] as [string, Record<string, unknown> | null];
    if (kind === 'hardware') return { kind, hardware_id: (value as { hardware_id: string }).hardware_id };
    if (kind === 'custom') return { kind, memory_bytes: (value as { memory_bytes: number }).memory_bytes };
    return { kind } as FitTarget;
}
