/**
 * Frontend benchmarks: the gzipped size of the JavaScript the app loads before its first render (production
 * build: the entry chunk and its static imports; lazy chunks such as the charts are listed apart), and the time
 * to the first rendered rows of the hardware table with 1,000 generated rows, in headless Chromium (median of runs).
 * Run: npm run bench -- frontend
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Rollup } from 'vite';
import { chromium } from 'playwright-core';

const CONFIG = 'frontend/vite.config.ts';
const TABLE_ROWS = 1000;
const RUNS = 5;
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

type Output = Rollup.RollupOutput['output'];
interface BenchResult { rows: number; firstRowsMs: number; scriptStartMs: number }
const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function buildTo(outDir: string, input?: string): Promise<Output> {
    const r = await build({ configFile: CONFIG, logLevel: 'silent', build: { outDir, emptyOutDir: true, ...(input ? { rollupOptions: { input } } : {}) } });
    return (Array.isArray(r) ? r[0]! : (r as Rollup.RollupOutput)).output;
}

/** The entry chunk plus everything it imports statically: what loads before the app can render. */
function initialJs(output: Output): { initial: Rollup.OutputChunk[]; lazy: Rollup.OutputChunk[] } {
    const chunks = new Map(output.filter((o): o is Rollup.OutputChunk => o.type === 'chunk').map((c) => [c.fileName, c]));
    const seen = new Set<string>();
    const visit = (name: string) => {
        if (seen.has(name)) return;
        seen.add(name);
        for (const dep of chunks.get(name)?.imports ?? []) visit(dep);
    };
    for (const c of chunks.values()) if (c.isEntry) visit(c.fileName);
    const all = [...chunks.values()];
    return { initial: all.filter((c) => seen.has(c.fileName)), lazy: all.filter((c) => !seen.has(c.fileName)) };
}

function serveDir(dir: string): Promise<Server> {
    const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
    const server = createServer((req, res) => {
        const path = normalize(join(dir, decodeURIComponent((req.url ?? '/').split('?')[0]!)));
        if (!path.startsWith(dir) || !existsSync(path)) return void res.writeHead(404).end();
        res.writeHead(200, { 'Content-Type': types[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
    });
    return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export async function run(): Promise<unknown> {
    const appDir = mkdtempSync(join(tmpdir(), 'deai-fe-app-'));
    const benchDir = mkdtempSync(join(tmpdir(), 'deai-fe-bench-'));
    try {
        const { initial, lazy } = initialJs(await buildTo(appDir));
        const gz = (cs: Rollup.OutputChunk[]) => kb(cs.reduce((n, c) => n + gzipSync(c.code).length, 0));
        const bundle = {
            initial_js_gzip_kb: gz(initial),
            initial_js_raw_kb: kb(initial.reduce((n, c) => n + Buffer.byteLength(c.code), 0)),
            initial_chunks: initial.map((c) => c.fileName),
            lazy_js_gzip_kb: Object.fromEntries(lazy.map((c) => [c.name, gz([c])])),
        };
        if (!CHROMIUM) return { bundle, table: 'skipped: no Chromium (apt-get install chromium)' };

        await buildTo(benchDir, 'frontend/table-bench.html');
        const server = await serveDir(benchDir);
        const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
        const firstRows: number[] = [];
        const render: number[] = [];
        const sort: number[] = [];
        try {
            const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/table-bench.html?rows=${TABLE_ROWS}`;
            for (let i = 0; i < RUNS; i++) {
                const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
                const page = await context.newPage();
                await page.goto(url);
                // (The page sets window.__bench: frontend/src/bench/table-bench-main.tsx.)
                const b = await page.waitForFunction('window.__bench', undefined, { timeout: 60_000 }).then((h) => h.jsonValue() as Promise<BenchResult | undefined>);
                if (b === undefined) throw new Error('no bench result');
                firstRows.push(b.firstRowsMs);
                render.push(b.firstRowsMs - b.scriptStartMs);
                // Re-sort 1,000 rows by a numeric column: click to the first row changing.
                // (A string, not a function: tsx's name helper would not exist in the page.)
                const t = await page.evaluate<number>(`(async () => {
                    const first = () => document.querySelector('tbody tr td')?.textContent;
                    const before = first();
                    const t0 = performance.now();
                    document.querySelectorAll('thead th button.sort')[5].click();
                    while (first() === before) await new Promise((r) => requestAnimationFrame(r));
                    return performance.now() - t0;
                })()`);
                sort.push(t);
                await context.close();
            }
        } finally {
            await browser.close();
            server.close();
        }
        const round = (x: number) => Math.round(x);
        return {
            bundle,
            table: {
                rows: TABLE_ROWS, runs: RUNS,
                time_to_first_rows_ms_median: round(median(firstRows)),
                render_after_script_start_ms_median: round(median(render)),
                resort_ms_median: round(median(sort)),
                note: 'first rows = navigation start to the first painted table rows (50 per page) of 1,000 sorted/filtered in memory',
            },
        };
    } finally {
        rmSync(appDir, { recursive: true, force: true });
        rmSync(benchDir, { recursive: true, force: true });
    }
}
