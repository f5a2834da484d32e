/** Runtime table columns. */
import type { ColumnDef } from '@tanstack/react-table';
import type { Runtime } from '../../../../src/shared/registry';
import { RecordLink } from '../../components/record-link';

const listCol = (id: string, label: string, get: (r: Runtime) => readonly string[]): ColumnDef<Runtime, unknown> => ({
    id, header: label, accessorFn: (r) => get(r).join(', '), meta: { label }, enableSorting: false,
});

export const RUNTIME_COLUMNS: ColumnDef<Runtime, unknown>[] = [
    { id: 'name', header: 'Name', accessorFn: (r) => r.name, meta: { label: 'Name' }, cell: (c) => <RecordLink kind="runtime" id={c.row.original.id}>{c.row.original.name}</RecordLink> },
    { id: 'vendor', header: 'Vendor', accessorFn: (r) => r.vendor, meta: { label: 'Vendor' } },
    { id: 'license', header: 'License', accessorFn: (r) => r.license, meta: { label: 'License' } },
    listCol('backends', 'Backends', (r) => r.backends),
    listCol('model_formats', 'Formats', (r) => r.model_formats),
    listCol('quant_methods', 'Quantization', (r) => r.quant_methods),
    listCol('hardware_vendors', 'Hardware vendors', (r) => r.hardware_vendors),
    { id: 'ease_of_install', header: 'Install', accessorFn: (r) => r.ease_of_install ?? '', meta: { label: 'Install' } },
    { id: 'latest_version', header: 'Version', accessorFn: (r) => r.latest_version ?? '', meta: { label: 'Version' } },
];
