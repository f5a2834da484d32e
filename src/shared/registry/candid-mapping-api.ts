/** Candid wire ↔ domain for API values: errors, fit targets/results, derived metrics. */
import type { RegistryError } from './types';
import type { FitResult, FitTarget } from './fit';
import type { DerivedMetric } from './derived-metrics';
import { fromOpt, fromTag, toOpt, toTag, type Opt, type Tag } from './candid.utils';

export type CandidRegistryError =
  | { NotFound: { entity: Tag<Extract<RegistryError, { code: 'NotFound' }>['entity']>; id: string } }
  | { InvalidInput: { field: string; reason: string } }
  | { Unauthorized: { reason: string } }
  | { Conflict: { id: string; reason: string } }
  | { LimitExceeded: { limit: string; max: number } };

export function toCandidError(e: RegistryError): CandidRegistryError {
  switch (e.code) {
    case 'NotFound': return { NotFound: { entity: toTag(e.entity), id: e.id } };
    case 'InvalidInput': return { InvalidInput: { field: e.field, reason: e.reason } };
    case 'Unauthorized': return { Unauthorized: { reason: e.reason } };
    case 'Conflict': return { Conflict: { id: e.id, reason: e.reason } };
    case 'LimitExceeded': return { LimitExceeded: { limit: e.limit, max: e.max } };
  }
}

export function fromCandidError(c: CandidRegistryError): RegistryError {
  if ('NotFound' in c) return { code: 'NotFound', entity: fromTag(c.NotFound.entity), id: c.NotFound.id };
  if ('InvalidInput' in c) return { code: 'InvalidInput', ...c.InvalidInput };
  if ('Unauthorized' in c) return { code: 'Unauthorized', ...c.Unauthorized };
  if ('Conflict' in c) return { code: 'Conflict', ...c.Conflict };
  return { code: 'LimitExceeded', ...c.LimitExceeded };
}

export type CandidFitTarget =
  | { hardware: { hardware_id: string } }
  | { custom: { memory_bytes: number } }
  | { ic_canister: null }
  | { browser: null }
  | { phone: null };

export function toCandidFitTarget(t: FitTarget): CandidFitTarget {
  switch (t.kind) {
    case 'hardware': return { hardware: { hardware_id: t.hardware_id } };
    case 'custom': return { custom: { memory_bytes: t.memory_bytes } };
    default: return { [t.kind]: null } as CandidFitTarget;
  }
}

export function fromCandidFitTarget(c: CandidFitTarget): FitTarget {
  if ('hardware' in c) return { kind: 'hardware', hardware_id: c.hardware.hardware_id };
  if ('custom' in c) return { kind: 'custom', memory_bytes: c.custom.memory_bytes };
  return { kind: fromTag(c as Tag<'ic_canister' | 'browser' | 'phone'>) };
}

export type CandidFitResult = Omit<FitResult, 'devices_needed' | 'breakdown'> & { devices_needed: Opt<number>; breakdown: string[] };

export function toCandidFitResult(r: FitResult): CandidFitResult {
  return { ...r, devices_needed: toOpt(r.devices_needed), breakdown: [...r.breakdown] };
}

export function fromCandidFitResult(c: CandidFitResult): FitResult {
  return { ...c, devices_needed: fromOpt(c.devices_needed) };
}

/** `derived` is always true; it stays on the wire so clients can label the number. */
export type CandidDerivedMetric = DerivedMetric;
export const toCandidDerivedMetric = (m: DerivedMetric | null): Opt<CandidDerivedMetric> => toOpt(m);
