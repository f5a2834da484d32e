/**
 * Fit calculator: does a model variant fit a target's memory, at what context, on how many devices?
 *
 *   total = weights + KV cache + overhead
 *   KV cache = 2 × layers × kv_heads × head_dim × context × batch × bytes(kv dtype)
 *   overhead = fixed(target) + OVERHEAD_FRACTION × (weights + KV cache)
 *
 * Multi-device (tensor parallel) splits weights and KV evenly; each device pays the fixed term:
 *   devices = ceil((weights + KV) × (1 + fraction) / (device memory − fixed)).
 * Every result explains its arithmetic line by line in `breakdown`.
 */
import { err, ok, type Result } from '../result';
import type { Hardware, Id, Model, ModelVariant, RegistryError } from './types';
import { CONTEXT_TOKENS_RANGE, FIT_BATCH_RANGE, FIT_MAX_DEVICES, FIT_MEMORY_BYTES_RANGE } from './limits.constants';
import {
  BROWSER_BUDGET_BYTES, DEFAULT_FIT_CONTEXT_TOKENS, IC_CANISTER_USABLE_BYTES, IC_STABLE_READ_PER_MESSAGE_BYTES,
  OVERHEAD_FIXED_ACCELERATOR_BYTES, OVERHEAD_FIXED_WASM_BYTES, OVERHEAD_FRACTION, PHONE_BUDGET_BYTES,
} from './fit.constants';
import { fmtBytes, KV_DTYPES, kvBytesPerToken, weightBytes, type KvDtype } from './model-size';
import { checkEnum, checkNumber, invalid } from './validate.utils';

export const FIT_TARGET_KINDS = ['hardware', 'custom', 'ic_canister', 'browser', 'phone'] as const;
export type FitTarget =
  | { readonly kind: 'hardware'; readonly hardware_id: Id }
  | { readonly kind: 'custom'; readonly memory_bytes: number }
  | { readonly kind: 'ic_canister' }
  | { readonly kind: 'browser' }
  | { readonly kind: 'phone' };

export interface FitRequest {
  readonly model: Model;
  readonly variant: ModelVariant;
  readonly target: FitTarget;
  /** null: DEFAULT_FIT_CONTEXT_TOKENS, capped at the model's context length. */
  readonly context_tokens: number | null;
  readonly batch: number;
  readonly kv_dtype: KvDtype;
}

export interface FitResult {
  readonly fits: boolean;
  readonly target_label: string;
  readonly device_memory_bytes: number;
  readonly context_tokens: number;
  readonly weights_bytes: number;
  readonly kv_cache_bytes: number;
  readonly overhead_bytes: number;
  readonly total_bytes: number;
  /** device memory − total; negative when it does not fit. */
  readonly headroom_bytes: number;
  /** Largest context that fits on one device at this batch and KV dtype (capped at the model's); 0 if the weights alone do not fit. */
  readonly max_context_tokens: number;
  /** Identical devices needed with tensor parallelism; null when the target cannot be multiplied or > FIT_MAX_DEVICES. */
  readonly devices_needed: number | null;
  readonly breakdown: readonly string[];
}

interface ResolvedTarget {
  readonly label: string;
  readonly memory: number;
  readonly fixed: number;
  readonly multiDevice: boolean;
  readonly notes: readonly string[];
}

function resolveTarget(target: FitTarget, findHardware: (id: Id) => Hardware | null): Result<ResolvedTarget, RegistryError> {
  const wasm = (label: string, memory: number, notes: string[]): Result<ResolvedTarget, RegistryError> =>
    ok({ label, memory, fixed: OVERHEAD_FIXED_WASM_BYTES, multiDevice: false, notes });
  switch (target.kind) {
    case 'hardware': {
      const hw = findHardware(target.hardware_id);
      if (!hw) return err({ code: 'NotFound', entity: 'hardware', id: target.hardware_id });
      if (hw.memory_gb === null) return err(invalid('target.hardware_id', `memory_gb of "${hw.id}" is unknown`));
      const memory = hw.memory_gb * 1e9;
      return ok({ label: `${hw.vendor} ${hw.name}, ${hw.memory_gb} GB = ${fmtBytes(memory)} per device`, memory, fixed: OVERHEAD_FIXED_ACCELERATOR_BYTES, multiDevice: true, notes: [] });
    }
    case 'custom': {
      const e = checkNumber(target.memory_bytes, 'target.memory_bytes', FIT_MEMORY_BYTES_RANGE);
      if (e) return err(e);
      return ok({ label: `custom device, ${fmtBytes(target.memory_bytes)}`, memory: target.memory_bytes, fixed: OVERHEAD_FIXED_ACCELERATOR_BYTES, multiDevice: true, notes: [] });
    }
    case 'ic_canister':
      return wasm(`IC canister, 4 GiB wasm32 heap, ${fmtBytes(IC_CANISTER_USABLE_BYTES)} usable`, IC_CANISTER_USABLE_BYTES, [
        `note: one message reads at most about ${fmtBytes(IC_STABLE_READ_PER_MESSAGE_BYTES)} of stable memory and has an instruction limit, so weights load over several messages and tokens per call are limited (not modelled here)`,
      ]);
    case 'browser':
      return wasm(`browser tab (wasm32/WebGPU), budget ${fmtBytes(BROWSER_BUDGET_BYTES)}`, BROWSER_BUDGET_BYTES, []);
    case 'phone':
      return wasm(`phone with 4 GB RAM, app budget ${fmtBytes(PHONE_BUDGET_BYTES)}`, PHONE_BUDGET_BYTES, []);
    default:
      return err(invalid('target.kind', `must be one of hardware, custom, ic_canister, browser, phone`));
  }
}

/**
 * @example
 * const r = computeFit({ model, variant, target: { kind: 'ic_canister' }, context_tokens: 2048, batch: 1, kv_dtype: 'f16' }, () => null);
 * if (r.ok) console.log(r.value.fits, r.value.breakdown.join('\n'));
 */
export function computeFit(req: FitRequest, findHardware: (id: Id) => Hardware | null): Result<FitResult, RegistryError> {
  const { model, variant } = req;
  if (!model.variants.some((v) => v.id === variant.id)) {
    return err(invalid('variant_id', `model "${model.id}" has no variant "${variant.id}"`));
  }
  const inputError =
    checkNumber(req.batch, 'batch', FIT_BATCH_RANGE) ??
    checkEnum(req.kv_dtype, 'kv_dtype', KV_DTYPES) ??
    (req.context_tokens === null ? null : checkNumber(req.context_tokens, 'context_tokens', CONTEXT_TOKENS_RANGE));
  if (inputError) return err(inputError);
  const t = resolveTarget(req.target, findHardware);
  if (!t.ok) return t;
  const target = t.value;

  const w = weightBytes(model, variant);
  if (!w) return err(invalid('variant_id', `weights size unknown: "${variant.id}" has no file_size_bytes and params × bits_per_weight is unknown`));
  const kvt = kvBytesPerToken(model, req.kv_dtype);
  if (!kvt) return err(invalid('model_id', `KV cache size unknown: "${model.id}" lacks layers, kv_heads or head_dim`));

  const modelCtx = model.context_length;
  const ctx = req.context_tokens ?? Math.min(DEFAULT_FIT_CONTEXT_TOKENS, modelCtx ?? DEFAULT_FIT_CONTEXT_TOKENS);
  const b = req.batch;
  const kv = kvt.bytes * ctx * b;
  const stored = w.bytes + kv;
  const overhead = target.fixed + OVERHEAD_FRACTION * stored;
  const total = stored + overhead;
  const fits = total <= target.memory;

  // Largest context with total ≤ memory on one device: (M − fixed)/(1 + f) − weights = KV/token × ctx × batch.
  const kvRoom = (target.memory - target.fixed) / (1 + OVERHEAD_FRACTION) - w.bytes;
  const rawMax = kvRoom <= 0 ? 0 : Math.floor(kvRoom / (kvt.bytes * b));
  const maxCtx = modelCtx === null ? rawMax : Math.min(rawMax, modelCtx);

  let devices: number | null = null;
  if (fits) devices = 1;
  else if (target.multiDevice && target.memory > target.fixed) {
    const n = Math.ceil((stored * (1 + OVERHEAD_FRACTION)) / (target.memory - target.fixed));
    devices = n <= FIT_MAX_DEVICES ? n : null;
  }

  const pct = `${(OVERHEAD_FRACTION * 100).toFixed(0)}%`;
  const breakdown = [
    `target: ${target.label}`,
    w.explain,
    kvt.explain,
    `KV cache = ${Math.round(kvt.bytes)} B × ${ctx} tokens × batch ${b} = ${fmtBytes(kv)}`,
    `overhead = ${fmtBytes(target.fixed)} fixed + ${pct} × (weights + KV) = ${fmtBytes(overhead)}`,
    `total = weights + KV + overhead = ${fmtBytes(total)}`,
    `${fits ? 'fits' : 'does not fit'}: total ${fmtBytes(total)} ${fits ? '≤' : '>'} device ${fmtBytes(target.memory)} (headroom ${fmtBytes(target.memory - total)})`,
    `max context on one device = floor(((${Math.round(target.memory)} − ${target.fixed}) / ${1 + OVERHEAD_FRACTION} − ${Math.round(w.bytes)}) / (${Math.round(kvt.bytes)} × ${b})) = ${rawMax}` +
      (modelCtx !== null && rawMax > modelCtx ? `, capped at the model's ${modelCtx}` : '') + ` → ${maxCtx} tokens`,
    devices === null
      ? target.multiDevice
        ? `devices needed: more than ${FIT_MAX_DEVICES}`
        : 'devices needed: does not fit this single-device target'
      : `devices needed (tensor parallel) = ceil((weights + KV) × ${1 + OVERHEAD_FRACTION} / (device − fixed)) = ${devices}`,
    ...target.notes,
  ];
  if (modelCtx !== null && ctx > modelCtx) breakdown.push(`warning: ${ctx} tokens exceeds the model's trained context of ${modelCtx}`);
  if (model.architecture.kind === 'ssm' || model.architecture.kind === 'hybrid') {
    breakdown.push('note: KV formula assumes full attention in every layer; for ssm/hybrid models it is an upper bound');
  }
  return ok({
    fits, target_label: target.label, device_memory_bytes: target.memory, context_tokens: ctx, weights_bytes: w.bytes,
    kv_cache_bytes: kv, overhead_bytes: overhead, total_bytes: total, headroom_bytes: target.memory - total,
    max_context_tokens: maxCtx, devices_needed: devices, breakdown,
  });
}
