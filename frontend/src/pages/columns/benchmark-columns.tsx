/** Benchmark result columns; tokens per joule is derived from generation speed and power. */
import type { ColumnDef } from '@tanstack/react-table';
import { tokensPerJoule, type BenchmarkResult } from '../../../../src/shared/registry';
import { fmtNum } from '../../model/format';
import { RecordLink } from '../../components/record-link';

const num = (id: string, label: string, get: (r: BenchmarkResult) => number | null, digits = 1, derived = false): ColumnDef<BenchmarkResult, unknown> => ({
    id, header: label, accessorFn: get, meta: { label, numeric: true, derived }, cell: (c) => fmtNum(c.getValue<number | null>(), digits), sortUndefined: 'last',
});

export const BENCHMARK_COLUMNS: ColumnDef<BenchmarkResult, unknown>[] = [
    { id: 'name', header: 'Result', accessorFn: (r) => r.result_id, meta: { label: 'Result' }, cell: (c) => <RecordLink kind="result" id={c.row.original.result_id}>{c.row.original.result_id}</RecordLink> },
    { id: 'hardware_id', header: 'Hardware', accessorFn: (r) => r.hardware_id, meta: { label: 'Hardware' }, cell: (c) => <RecordLink kind="hardware" id={c.row.original.hardware_id}>{c.row.original.hardware_id}</RecordLink> },
    { id: 'runtime_id', header: 'Runtime', accessorFn: (r) => r.runtime_id, meta: { label: 'Runtime' }, cell: (c) => <RecordLink kind="runtime" id={c.row.original.runtime_id}>{c.row.original.runtime_id}</RecordLink> },
    { id: 'model_id', header: 'Model', accessorFn: (r) => r.model_id, meta: { label: 'Model' }, cell: (c) => <RecordLink kind="model" id={c.row.original.model_id}>{c.row.original.model_id}</RecordLink> },
    { id: 'variant_id', header: 'Variant', accessorFn: (r) => r.variant_id, meta: { label: 'Variant' } },
    num('generation_tokens_per_s', 'Gen tok/s', (r) => r.generation_tokens_per_s),
    num('prompt_tokens_per_s', 'Prompt tok/s', (r) => r.prompt_tokens_per_s),
    num('ttft_ms', 'TTFT ms', (r) => r.ttft_ms, 0),
    num('device_count', 'Devices', (r) => r.settings.device_count, 0),
    num('batch_size', 'Batch', (r) => r.settings.batch_size, 0),
    num('power_w', 'Power W', (r) => r.power_w, 0),
    num('tokens_per_j', 'Tokens/J', (r) => tokensPerJoule(r)?.value ?? null, 2, true),
    { id: 'origin', header: 'Origin', accessorFn: (r) => r.origin, meta: { label: 'Origin' } },
];
