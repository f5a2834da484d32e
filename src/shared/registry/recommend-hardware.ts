/**
 * Best hardware for a model variant. Candidates must fit (on up to max_devices identical devices)
 * and stay under max_price and max_tdp_w (totals for all devices; unknown price/TDP fails a set limit).
 * Ranking, in order: lowest cost per decode-token/s upper bound (total price / derived bound),
 * then highest decode bound, then fewest devices, then id. Unknown values rank last.
 */
import { err, ok, type Result } from '../result';
import type { Hardware, Id, Model, ModelVariant, PriceKind, RegistryError } from './types';
import { CURRENCY_PATTERN, FIT_MAX_DEVICES, PRICE_VALUE_RANGE, TDP_W_RANGE } from './limits.constants';
import { computeFit } from './fit';
import { decodeTokensPerSecondUpperBound, selectPrice } from './derived-metrics';
import type { KvDtype } from './model-size';
import { checkLimit, compareNullable, fmtNum, type Excluded, type Recommendation } from './recommend.utils';
import { checkNullableNumber, checkNumber, checkText } from './validate.utils';

export interface HardwareForModelRequest {
  readonly model: Model;
  readonly variant: ModelVariant;
  readonly hardware: readonly Hardware[];
  readonly context_tokens: number | null;
  readonly batch: number;
  readonly kv_dtype: KvDtype;
  readonly currency: string;
  /** Price kinds to use, in preference order; default street then msrp. */
  readonly price_kinds?: readonly PriceKind[];
  readonly max_price: number | null;
  readonly max_tdp_w: number | null;
  readonly max_devices: number;
  readonly limit: number;
}

export interface RankedHardware {
  readonly rank: number;
  readonly hardware_id: Id;
  readonly devices: number;
  readonly total_price: number | null;
  readonly total_tdp_w: number | null;
  readonly decode_tokens_per_s_upper_bound: number | null;
  readonly price_per_decode_token_per_s: number | null;
  readonly explanation: readonly string[];
}

const CRITERIA = [
  'lowest total price per decode tokens/s upper bound (derived: bandwidth / bytes per token)',
  'then highest decode tokens/s upper bound',
  'then fewest devices',
  'then hardware id',
];

type Candidate = Omit<RankedHardware, 'rank'>;

export function recommendHardwareForModel(req: HardwareForModelRequest): Result<Recommendation<RankedHardware>, RegistryError> {
  const e =
    checkLimit(req.limit) ??
    checkText(req.currency, 'currency', { max: 3, pattern: CURRENCY_PATTERN, patternHint: 'an ISO 4217 code like USD' }) ??
    checkNullableNumber(req.max_price, 'max_price', PRICE_VALUE_RANGE) ??
    checkNullableNumber(req.max_tdp_w, 'max_tdp_w', TDP_W_RANGE) ??
    checkNumber(req.max_devices, 'max_devices', { min: 1, max: FIT_MAX_DEVICES, integer: true, unit: 'devices' });
  if (e) return err(e);
  const byId = new Map(req.hardware.map((h) => [h.id, h]));
  const candidates: Candidate[] = [];
  const excluded: Excluded[] = [];
  for (const hw of req.hardware) {
    const fit = computeFit(
      { model: req.model, variant: req.variant, target: { kind: 'hardware', hardware_id: hw.id }, context_tokens: req.context_tokens, batch: req.batch, kv_dtype: req.kv_dtype },
      (id) => byId.get(id) ?? null,
    );
    if (!fit.ok) {
      // Request-level problems (bad batch, unknown model size) apply to every candidate: report them.
      if (fit.error.code === 'InvalidInput' && fit.error.field !== 'target.hardware_id') return fit;
      excluded.push({ id: hw.id, reason: 'memory size unknown' });
      continue;
    }
    const f = fit.value;
    if (f.devices_needed === null || f.devices_needed > req.max_devices) {
      excluded.push({ id: hw.id, reason: `does not fit on ${req.max_devices} device(s)${f.devices_needed ? ` (needs ${f.devices_needed})` : ''}` });
      continue;
    }
    const n = f.devices_needed;
    const price = selectPrice(hw, { currency: req.currency, kinds: req.price_kinds });
    const totalPrice = price?.value != null ? n * price.value : null;
    const totalTdp = hw.tdp_w !== null ? n * hw.tdp_w : null;
    if (req.max_price !== null && (totalPrice === null || totalPrice > req.max_price)) {
      excluded.push({ id: hw.id, reason: totalPrice === null ? `no ${req.currency} price known` : `price ${fmtNum(totalPrice)} ${req.currency} > max ${req.max_price}` });
      continue;
    }
    if (req.max_tdp_w !== null && (totalTdp === null || totalTdp > req.max_tdp_w)) {
      excluded.push({ id: hw.id, reason: totalTdp === null ? 'TDP unknown' : `TDP ${totalTdp} W > max ${req.max_tdp_w} W` });
      continue;
    }
    const bound = decodeTokensPerSecondUpperBound(hw, req.model, req.variant, f.context_tokens, req.kv_dtype, n);
    const perTps = totalPrice !== null && bound !== null ? totalPrice / bound.value : null;
    const explanation = [
      `fits on ${n} × ${hw.name}: ${f.breakdown.find((l) => l.startsWith('total')) ?? ''}`,
      price && totalPrice !== null
        ? `price: ${n} × ${price.value} ${price.currency} (${price.kind}, as of ${price.as_of}) = ${fmtNum(totalPrice)} ${price.currency}`
        : `price: no ${req.currency} price known`,
      totalTdp !== null ? `TDP: ${n} × ${hw.tdp_w} W = ${totalTdp} W` : 'TDP: unknown',
      bound ? `decode upper bound (derived): ${fmtNum(bound.value)} tokens/s = ${bound.formula}` : 'decode upper bound: unknown (memory bandwidth unknown)',
      perTps !== null ? `price per decode token/s: ${fmtNum(perTps)} ${req.currency}` : 'price per decode token/s: unknown, ranked after priced hardware',
    ];
    candidates.push({
      hardware_id: hw.id, devices: n, total_price: totalPrice, total_tdp_w: totalTdp,
      decode_tokens_per_s_upper_bound: bound?.value ?? null, price_per_decode_token_per_s: perTps, explanation,
    });
  }
  candidates.sort(
    (a, b) =>
      compareNullable(a.price_per_decode_token_per_s, b.price_per_decode_token_per_s, 'asc') ||
      compareNullable(a.decode_tokens_per_s_upper_bound, b.decode_tokens_per_s_upper_bound, 'desc') ||
      a.devices - b.devices ||
      (a.hardware_id < b.hardware_id ? -1 : a.hardware_id > b.hardware_id ? 1 : 0),
  );
  const ranked = candidates.slice(0, req.limit).map((c, i) => ({
    ...c,
    rank: i + 1,
    explanation: [...c.explanation, `rank ${i + 1} of ${candidates.length} by: ${CRITERIA[0]}`],
  }));
  return ok({ ranked, excluded, criteria: CRITERIA });
}
