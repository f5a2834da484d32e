/** Hardware table columns. Peaks are dense (sparse figures are on the detail page); TFLOPS/W is derived. */
import type { ColumnDef } from '@tanstack/react-table';
import { opsPerWatt, selectPrice, type Hardware } from '../../../../src/shared/registry';
import { fmtNum } from '../../model/format';
import { RecordLink } from '../../components/record-link';

const num = (id: string, label: string, get: (h: Hardware) => number | null, digits = 2, derived = false): ColumnDef<Hardware, unknown> => ({
    id, header: label, accessorFn: get, meta: { label, numeric: true, derived },
    cell: (c) => fmtNum(c.getValue<number | null>(), digits), sortUndefined: 'last',
});

export const USD_PRICE = { currency: 'USD' } as const;

export const HARDWARE_COLUMNS: ColumnDef<Hardware, unknown>[] = [
    { id: 'name', header: 'Name', accessorFn: (h) => h.name, meta: { label: 'Name' }, cell: (c) => <RecordLink kind="hardware" id={c.row.original.id}>{c.row.original.name}</RecordLink> },
    { id: 'vendor', header: 'Vendor', accessorFn: (h) => h.vendor, meta: { label: 'Vendor' } },
    { id: 'kind', header: 'Kind', accessorFn: (h) => h.kind, meta: { label: 'Kind' } },
    num('memory_gb', 'Memory GB', (h) => h.memory_gb, 0),
    num('memory_bandwidth_gb_s', 'Bandwidth GB/s', (h) => h.memory_bandwidth_gb_s, 0),
    num('tdp_w', 'TDP W', (h) => h.tdp_w, 0),
    num('fp16', 'FP16 TFLOPS', (h) => h.peak.fp16.dense, 1),
    num('fp8', 'FP8 TFLOPS', (h) => h.peak.fp8.dense, 1),
    num('int8', 'INT8 TOPS', (h) => h.peak.int8.dense, 1),
    num('price_usd', 'Price USD', (h) => selectPrice(h, USD_PRICE)?.value ?? null, 0),
    num('fp8_per_w', 'FP8 TFLOPS/W', (h) => opsPerWatt(h, 'fp8')?.value ?? null, 2, true),
    num('release_year', 'Year', (h) => h.release_year, 0),
    { id: 'availability', header: 'Availability', accessorFn: (h) => h.availability ?? '', meta: { label: 'Availability' } },
];
