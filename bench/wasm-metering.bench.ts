/**
 * Benchmark of devnet module preparation and metering (src/devnet/wasm):
 * - preparing the Azle backend wasm cold (no caches), from the disk cache, and from the in-memory cache;
 * - the split of a cold preparation into metering (own rewriter), export patch (binaryen) and compile;
 * - the runtime overhead of metering (CPU time, robust on a shared machine): a loop with a branch in its body and
 *   a call-heavy recursion, metered vs unmetered.
 * Run alone with `npx tsx bench/wasm-metering.bench.ts`; `runWasmMeteringBench` returns the JSON.
 */
import binaryen from 'binaryen';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fileCache, prepareModule } from '../src/devnet/wasm/index.js';
import { patchExports } from '../src/devnet/wasm/export-patch.js';
import { meterModule } from '../src/devnet/wasm/metering/meter-module.js';

const BACKEND_WASM = fileURLToPath(new URL('../.azle/backend/backend.wasm', import.meta.url));
const PREPARE_RUNS = 3;
const RUNTIME_RUNS = 5;
const LOOP_ITERATIONS = 100_000_000;
const FIB_N = 32;

const WORKLOAD_WAT = `(module
  (func $loop (export "loop") (param $n i32) (result i32) (local $i i32) (local $acc i32)
    (loop $l
      (local.set $acc (i32.add (local.get $acc) (i32.mul (local.get $i) (local.get $i))))
      (if (i32.and (local.get $i) (i32.const 1)) (then (local.set $acc (i32.xor (local.get $acc) (i32.const 5)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
    (local.get $acc))
  (func $fib (export "fib") (param $n i32) (result i32)
    (if (result i32) (i32.lt_u (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else (i32.add (call $fib (i32.sub (local.get $n) (i32.const 1)))
                     (call $fib (i32.sub (local.get $n) (i32.const 2))))))))`;

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)]!;
}

function round(ms: number): number {
    return Math.round(ms * 100) / 100;
}

async function timeMs(run: () => Promise<unknown> | unknown, runs: number): Promise<number> {
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
        const start = performance.now();
        await run();
        samples.push(performance.now() - start);
    }
    return round(median(samples));
}

async function backendPreparation(): Promise<Record<string, unknown>> {
    if (!existsSync(BACKEND_WASM)) return { skipped: `${BACKEND_WASM} not built` };
    const raw = new Uint8Array(await readFile(BACKEND_WASM));
    const dir = await mkdtemp(join(tmpdir(), 'deai-wasm-bench-'));
    try {
        const cold = await timeMs(() => prepareModule(raw, { cache: null, memoryCache: 'skip' }), PREPARE_RUNS);
        await prepareModule(raw, { cache: fileCache(dir), memoryCache: 'skip' });
        const disk = await timeMs(() => prepareModule(raw, { cache: fileCache(dir), memoryCache: 'skip' }), PREPARE_RUNS);
        await prepareModule(raw, { cache: null });
        const memory = await timeMs(() => prepareModule(raw, { cache: null }), PREPARE_RUNS);
        const metered = meterModule(raw);
        const patched = patchExports(metered.bytes, metered.globals);
        return {
            inputBytes: raw.length,
            preparedBytes: patched.bytes.length,
            functions: metered.functions,
            coldMs: cold,
            diskCachedMs: disk,
            memoryCachedMs: memory,
            coldBreakdownMs: {
                meter: await timeMs(() => meterModule(raw), PREPARE_RUNS),
                binaryenExportPatch: await timeMs(() => patchExports(metered.bytes, metered.globals), PREPARE_RUNS),
                compile: await timeMs(() => WebAssembly.compile(patched.bytes as Uint8Array<ArrayBuffer>), PREPARE_RUNS)
            }
        };
    } finally {
        await rm(dir, { recursive: true, force: true });
    }
}

/** Median CPU milliseconds (user + system) of `run`. */
function cpuMs(run: () => unknown, runs: number): number {
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
        const start = process.cpuUsage();
        run();
        const used = process.cpuUsage(start);
        samples.push((used.user + used.system) / 1000);
    }
    return round(median(samples));
}

async function runtimeOverhead(): Promise<Record<string, unknown>> {
    const module = binaryen.parseText(WORKLOAD_WAT);
    const plainBytes = module.emitBinary();
    module.dispose();
    const prepared = await prepareModule(plainBytes, { cache: null });
    const plain = (await WebAssembly.instantiate(await WebAssembly.compile(plainBytes as Uint8Array<ArrayBuffer>))).exports;
    const metered = (await WebAssembly.instantiate(prepared.module)).exports;
    const counter = metered[prepared.counterGlobal] as WebAssembly.Global;
    const result: Record<string, unknown> = {};
    for (const [name, arg] of [['loop', LOOP_ITERATIONS], ['fib', FIB_N]] as const) {
        const run = (exports: WebAssembly.Exports) => (exports[name] as (n: number) => number)(arg);
        run(plain);
        run(metered); // warm-up, lets V8 tier up both
        const plainCpuMs = cpuMs(() => run(plain), RUNTIME_RUNS);
        counter.value = 0n;
        run(metered);
        const instructions = counter.value as bigint;
        const meteredCpuMs = cpuMs(() => run(metered), RUNTIME_RUNS);
        result[name] = { arg, instructions: Number(instructions), plainCpuMs, meteredCpuMs, overhead: round(meteredCpuMs / plainCpuMs) };
    }
    return result;
}

export async function runWasmMeteringBench(): Promise<Record<string, unknown>> {
    return { backend: await backendPreparation(), runtime: await runtimeOverhead() };
}

export default runWasmMeteringBench;

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
    console.log(JSON.stringify(await runWasmMeteringBench(), null, 2));
}
