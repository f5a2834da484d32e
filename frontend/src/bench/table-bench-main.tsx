/**
 * Benchmark page (bench/frontend.bench.ts, not part of the app): the hardware table with N generated rows.
 * Reports on window.__bench the time from navigation start to the first rendered rows, and a re-sort time.
 */
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { DataTable } from '../components/data-table';
import { HARDWARE_COLUMNS } from '../pages/columns/hardware-columns';
import { decodeTableState, type TableUrlState } from '../model/table-url-state';
import { generateHardware } from './generate-rows';
import '../styles.css';

declare global {
    interface Window { __bench?: { rows: number; firstRowsMs: number; scriptStartMs: number; sortMs?: number } }
}

const scriptStartMs = performance.now();
const rows = Number(new URLSearchParams(location.search).get('rows') ?? '1000');
const data = generateHardware(rows);

function Bench() {
    const [state, setState] = useState<TableUrlState>(decodeTableState(new URLSearchParams('')));
    return <DataTable data={data} columns={HARDWARE_COLUMNS} state={state} onState={setState} getRowId={(h) => h.id} label="hardware" />;
}

const root = document.getElementById('root')!;
const observer = new MutationObserver(() => {
    if (root.querySelector('tbody tr') === null) return;
    observer.disconnect();
    requestAnimationFrame(() => { window.__bench = { rows, firstRowsMs: performance.now(), scriptStartMs }; });
});
observer.observe(root, { childList: true, subtree: true });
createRoot(root).render(<Bench />);
