/** Model table columns: variants and scores are counted here and listed on the detail page. */
import type { ColumnDef } from '@tanstack/react-table';
import type { Model } from '../../../../src/shared/registry';
import { fmtNum } from '../../model/format';
import { RecordLink } from '../../components/record-link';

const num = (id: string, label: string, get: (m: Model) => number | null, digits = 1): ColumnDef<Model, unknown> => ({
    id, header: label, accessorFn: get, meta: { label, numeric: true }, cell: (c) => fmtNum(c.getValue<number | null>(), digits), sortUndefined: 'last',
});

/** A model's self-reported or independent score on one benchmark slug (first with a value). */
export function scoreOf(m: Model, benchmark: string): number | null {
    return m.scores.find((s) => s.benchmark === benchmark && s.score !== null)?.score ?? null;
}

export const MODEL_COLUMNS: ColumnDef<Model, unknown>[] = [
    { id: 'name', header: 'Name', accessorFn: (m) => m.name, meta: { label: 'Name' }, cell: (c) => <RecordLink kind="model" id={c.row.original.id}>{c.row.original.name}</RecordLink> },
    { id: 'publisher', header: 'Publisher', accessorFn: (m) => m.publisher, meta: { label: 'Publisher' } },
    { id: 'family', header: 'Family', accessorFn: (m) => m.family, meta: { label: 'Family' } },
    num('params_total_b', 'Params B', (m) => m.params_total_b),
    num('params_active_b', 'Active B', (m) => m.params_active_b),
    num('context_length', 'Context', (m) => m.context_length, 0),
    { id: 'license', header: 'License', accessorFn: (m) => m.license, meta: { label: 'License' } },
    { id: 'release_date', header: 'Released', accessorFn: (m) => m.release_date ?? '', meta: { label: 'Released' } },
    num('variants', 'Variants', (m) => m.variants.length, 0),
    num('scores', 'Scores', (m) => m.scores.length, 0),
    num('mmlu', 'MMLU', (m) => scoreOf(m, 'mmlu')),
    { id: 'task_fit', header: 'Tasks', accessorFn: (m) => m.task_fit.join(', '), meta: { label: 'Tasks' }, enableSorting: false },
];
