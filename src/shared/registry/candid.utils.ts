/** Candid wire helpers: `opt` as `[] | [T]`, payload-free variants as `{ tag: null }`, and the provenance mappers. */
import type { Source, SourceRef } from './types';

export type Opt<T> = [] | [T];
/** A Candid variant without payload, e.g. `{ gpu: null }`. */
export type Tag<K extends string> = { [P in K]: { [Q in P]: null } }[K];

export function toOpt<T>(v: T | null | undefined): Opt<T> {
  return v === null || v === undefined ? [] : [v];
}
export function fromOpt<T>(o: Opt<T>): T | null {
  return o.length === 0 ? null : o[0];
}
export function toTag<K extends string>(k: K): Tag<K> {
  return { [k]: null } as Tag<K>;
}
/** The variant's tag; an unknown tag passes through as a string for validation to reject. */
export function fromTag<K extends string>(t: Tag<K>): K {
  return Object.keys(t)[0] as K;
}
export const optTag = <K extends string>(k: K | null): Opt<Tag<K>> => (k === null ? [] : [toTag(k)]);
export const fromOptTag = <K extends string>(o: Opt<Tag<K>>): K | null => (o.length === 0 ? null : fromTag(o[0]));
/** Sets `key` only when the opt holds a value, so optional fields round-trip as absent. */
export function optional<K extends string, T>(key: K, o: Opt<T>): { [P in K]?: T } {
  return (o.length === 0 ? {} : { [key]: o[0] }) as { [P in K]?: T };
}

// --- provenance ------------------------------------------------------------------------------

export interface CandidSource { url: string; title: string; accessed: string; note: Opt<string> }
export interface CandidSourceRef { field: string; source: number; note: Opt<string> }
export interface CandidProvenance { sources: CandidSource[]; source_refs: Opt<CandidSourceRef[]>; notes: Opt<string> }

export const toSource = (s: Source): CandidSource => ({ url: s.url, title: s.title, accessed: s.accessed, note: toOpt(s.note) });
export const fromSource = (s: CandidSource): Source => ({ url: s.url, title: s.title, accessed: s.accessed, ...optional('note', s.note) });
const toRef = (r: SourceRef): CandidSourceRef => ({ field: r.field, source: r.source, note: toOpt(r.note) });
const fromRef = (r: CandidSourceRef): SourceRef => ({ field: r.field, source: r.source, ...optional('note', r.note) });

export function toProvenance(r: { sources: readonly Source[]; source_refs?: readonly SourceRef[]; notes?: string }): CandidProvenance {
  return { sources: r.sources.map(toSource), source_refs: toOpt(r.source_refs?.map(toRef)), notes: toOpt(r.notes) };
}
export function fromProvenance(c: CandidProvenance): { sources: Source[]; source_refs?: SourceRef[]; notes?: string } {
  return {
    sources: c.sources.map(fromSource),
    ...optional('source_refs', c.source_refs.length ? [c.source_refs[0].map(fromRef)] : []),
    ...optional('notes', c.notes),
  };
}
