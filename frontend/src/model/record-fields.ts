/**
 * A record's fields for its detail page (pure): flattened dotted paths (the same flattening as comparisons),
 * each with the sources that back it (source_refs, anchors.md: every number traceable to a source).
 */
import { flatten, type CompareValue, type Source, type SourceRef } from '../../../src/shared/registry';

export interface FieldRow {
    readonly field: string;
    readonly value: CompareValue;
    /** 1-based source numbers as shown in the sources list. */
    readonly sources: readonly number[];
    readonly notes: readonly string[];
}

/** Fields shown as their own sections, not rows. */
const SECTIONED = /^(variants|scores|prices)\./;

export function recordFields(record: object & { sources?: readonly Source[]; source_refs?: readonly SourceRef[] }): FieldRow[] {
    const flat = new Map<string, CompareValue>();
    flatten(record, '', flat);
    const refs = record.source_refs ?? [];
    return [...flat.entries()].filter(([field]) => !SECTIONED.test(field)).map(([field, value]) => {
        const mine = refs.filter((r) => r.field === field || field.startsWith(`${r.field}.`));
        return { field, value, sources: [...new Set(mine.map((r) => r.source + 1))], notes: mine.flatMap((r) => (r.note === undefined ? [] : [r.note])) };
    });
}

/** Sources of a sub-record field path such as `variants.1.file_size_bytes`. */
export function sourcesFor(refs: readonly SourceRef[] | undefined, field: string): number[] {
    return [...new Set((refs ?? []).filter((r) => r.field === field || field.startsWith(`${r.field}.`)).map((r) => r.source + 1))];
}
