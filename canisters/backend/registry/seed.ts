/**
 * The sourced seed dataset (data/*.json), bundled into the wasm and imported at install. Controllers can
 * re-import or extend it later in chunks through `import_records`.
 */
import benchmarksJson from '../../../data/benchmarks.json';
import hardwareJson from '../../../data/hardware.json';
import modelsJson from '../../../data/models.json';
import runtimesJson from '../../../data/runtimes.json';
import type { BenchmarkResult, Hardware, Model, Runtime } from '../../../src/shared/registry/types';
import { nextSequence, sequenceId } from '../storage/stores';
import { importChunk, MAX_IMPORT_CHUNK_RECORDS } from './import.service';

/**
 * Seed benchmark results are published figures (submissions with sources); at install they get sequential
 * result ids, the installer as submitter and the install time, like any submission.
 */
function seedResult(submission: Record<string, unknown>, installer: string, now: bigint): BenchmarkResult {
    return { ...submission, result_id: sequenceId('r', nextSequence('result')), submitter: installer, timestamp_ns: now } as unknown as BenchmarkResult;
}

/** Imports the seed in chunks of the import limit; returns how many records were stored. */
export function loadSeed(installer: string, now: bigint): number {
    const hardware = hardwareJson as unknown as Hardware[];
    const runtimes = runtimesJson as unknown as Runtime[];
    const models = modelsJson as unknown as Model[];
    const results = (benchmarksJson as unknown as Record<string, unknown>[]).map((b) => seedResult(b, installer, now));
    let stored = 0;
    const step = MAX_IMPORT_CHUNK_RECORDS;
    const chunks = [
        ...slices(hardware, step).map((h) => ({ hardware: h, runtimes: [], models: [], results: [] })),
        ...slices(runtimes, step).map((r) => ({ hardware: [], runtimes: r, models: [], results: [] })),
        ...slices(models, step).map((m) => ({ hardware: [], runtimes: [], models: m, results: [] })),
        ...slices(results, step).map((b) => ({ hardware: [], runtimes: [], models: [], results: b }))
    ];
    for (const chunk of chunks) {
        const outcome = importChunk(chunk);
        // The seed is validated by the dataset tests; a failure here is a build defect, so stop the install.
        if (!outcome.ok) throw new Error(`seed dataset rejected: ${JSON.stringify(outcome.error)}`);
        stored += outcome.value.inserted + outcome.value.updated;
    }
    return stored;
}

function slices<T>(items: T[], size: number): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
    return out;
}
