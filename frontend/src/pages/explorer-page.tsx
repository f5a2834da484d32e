/** The registry explorer: one sortable, filterable table per entity, state in the URL. */
import type { ColumnDef } from '@tanstack/react-table';
import { DataTable } from '../components/data-table';
import { ErrorBox, Loading } from '../components/states';
import { useRegistry } from '../data/registry-context';
import { decodeTableState, encodeTableState } from '../model/table-url-state';
import { formatHash, type Route } from '../routing/hash-route';
import { navigate, useQueryUpdater } from '../routing/use-route';
import { BENCHMARK_COLUMNS } from './columns/benchmark-columns';
import { HARDWARE_COLUMNS } from './columns/hardware-columns';
import { MODEL_COLUMNS } from './columns/model-columns';
import { ModelDetailRow } from './columns/model-detail-row';
import { RUNTIME_COLUMNS } from './columns/runtime-columns';

export const EXPLORER_TABS = ['hardware', 'runtimes', 'models', 'benchmarks'] as const;
export type ExplorerTab = (typeof EXPLORER_TABS)[number];
const COMPARABLE: Partial<Record<ExplorerTab, string>> = { hardware: 'hardware', runtimes: 'runtime', models: 'model' };

export function ExplorerPage({ route }: { route: Route }) {
    const tab: ExplorerTab = (EXPLORER_TABS as readonly string[]).includes(route.segments[1] ?? '') ? (route.segments[1] as ExplorerTab) : 'hardware';
    const registry = useRegistry();
    const update = useQueryUpdater();
    const state = decodeTableState(route.query);
    const onState = (next: typeof state) => update(encodeTableState(next, route.query));
    const compareKind = COMPARABLE[tab];
    const onCompare = compareKind === undefined ? undefined : (ids: readonly string[]) => navigate(['compare', compareKind], { ids: ids.join(',') });
    const d = registry.data;
    const common = { state, onState, onCompare, label: tab };

    return (
        <div>
            <h1>Registry</h1>
            <nav className="tabs" aria-label="Registry tables">
                {EXPLORER_TABS.map((t) => (
                    <a key={t} href={formatHash(['explore', t])} aria-current={t === tab ? 'page' : undefined}>{t[0]!.toUpperCase() + t.slice(1)} <span className="count">{countOf(d, t)}</span></a>
                ))}
            </nav>
            {registry.status === 'error' && <ErrorBox>{registry.error}</ErrorBox>}
            {registry.status === 'loading' ? <Loading what={tab} /> : (
                <>
                    {d.truncated && <ErrorBox>The registry is larger than this page loads; some rows are missing.</ErrorBox>}
                    {tab === 'hardware' && <DataTable key={tab} data={d.hardware} columns={HARDWARE_COLUMNS} getRowId={(r) => r.id} {...common} />}
                    {tab === 'runtimes' && <DataTable key={tab} data={d.runtimes} columns={RUNTIME_COLUMNS} getRowId={(r) => r.id} {...common} />}
                    {tab === 'models' && <DataTable key={tab} data={d.models} columns={MODEL_COLUMNS} getRowId={(r) => r.id} {...common} renderDetail={(m) => <ModelDetailRow model={m} />} />}
                    {tab === 'benchmarks' && <DataTable key={tab} data={d.benchmarks} columns={BENCHMARK_COLUMNS as ColumnDef<(typeof d.benchmarks)[number], unknown>[]} getRowId={(r) => r.result_id} {...common} onCompare={undefined} />}
                </>
            )}
        </div>
    );
}

function countOf(d: ReturnType<typeof useRegistry>['data'], t: ExplorerTab): number {
    return t === 'hardware' ? d.hardware.length : t === 'runtimes' ? d.runtimes.length : t === 'models' ? d.models.length : d.benchmarks.length;
}
