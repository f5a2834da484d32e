/**
 * `npm run bench [-- name ...]`: runs every bench/<name>.bench.ts (each default-exports or exports `run`,
 * an async function returning a JSON-able object), writes bench/results/<name>.json with the machine it
 * ran on, and prints the results. Ratios should be read within one run: machines here are noisy.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const BENCH_DIR = dirname(new URL(import.meta.url).pathname);

type BenchFn = () => Promise<unknown>;

async function loadBench(file: string): Promise<BenchFn> {
    const mod = (await import(pathToFileURL(join(BENCH_DIR, file)).href)) as Record<string, unknown>;
    const fn = mod.run ?? mod.default ?? Object.values(mod).find((v) => typeof v === 'function');
    if (typeof fn !== 'function') throw new Error(`${file} exports no benchmark function`);
    return fn as BenchFn;
}

async function main(): Promise<void> {
    const only = process.argv.slice(2);
    const files = readdirSync(BENCH_DIR)
        .filter((f) => f.endsWith('.bench.ts'))
        .filter((f) => only.length === 0 || only.includes(f.replace('.bench.ts', '')))
        .sort();
    mkdirSync(join(BENCH_DIR, 'results'), { recursive: true });
    const machine = { node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memory_gb: Math.round(totalmem() / 1e9) };
    let failures = 0;
    for (const file of files) {
        const name = file.replace('.bench.ts', '');
        console.log(`\n━━━ bench ${name} ━━━`);
        const started = new Date().toISOString();
        try {
            const results = await (await loadBench(file))();
            const out = { name, started, machine, results };
            writeFileSync(join(BENCH_DIR, 'results', `${name}.json`), JSON.stringify(out, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2) + '\n');
            console.log(JSON.stringify(results, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2));
        } catch (e) {
            failures++;
            console.error(`bench ${name} failed:`, e);
        }
    }
    process.exit(failures === 0 ? 0 : 1);
}

await main();
