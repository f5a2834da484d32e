/**
 * Bulk import of registry records: the seed dataset at install, and chunks that controllers upload later
 * (`import_records`). A chunk is validated whole before anything is written, so a bad chunk changes nothing.
 */
import { err, ok, type Result } from '../../../src/shared/result';
import type { BenchmarkResult, Hardware, Model, RegistryError, Runtime } from '../../../src/shared/registry/types';
import { validateBenchmarkResult } from '../../../src/shared/registry/validate-result';
import { indexNodes, variantOwners } from '../storage/stores';
import { importBenchmark } from './benchmarks.service';
import { putRecord, validateRecord, type RecordKind } from './registry.service';

/** Records per import call: keeps one call well under the 40 B instruction limit. */
export const MAX_IMPORT_CHUNK_RECORDS = 200;

export interface ImportChunk {
    hardware: Hardware[];
    runtimes: Runtime[];
    models: Model[];
    results: BenchmarkResult[];
}

export interface ImportSummary {
    inserted: number;
    updated: number;
}

export function importChunk(chunk: ImportChunk): Result<ImportSummary, RegistryError> {
    const total = chunk.hardware.length + chunk.runtimes.length + chunk.models.length + chunk.results.length;
    if (total > MAX_IMPORT_CHUNK_RECORDS) return err({ code: 'LimitExceeded', limit: 'records per import chunk', max: MAX_IMPORT_CHUNK_RECORDS });
    const groups: [RecordKind, unknown[]][] = [
        ['hardware', chunk.hardware],
        ['runtime', chunk.runtimes],
        ['model', chunk.models]
    ];
    for (const [kind, records] of groups) {
        for (const record of records) {
            const valid = validateRecord(kind, record);
            if (!valid.ok) return valid;
        }
    }
    const variantOwner = new Map<string, string>();
    for (const model of chunk.models) {
        for (const v of model.variants) {
            const owner = variantOwner.get(v.id) ?? variantOwners.get(v.id);
            if (owner !== undefined && owner !== model.id) return err({ code: 'Conflict', id: v.id, reason: `variant id ${v.id} belongs to model ${owner}` });
            variantOwner.set(v.id, model.id);
        }
    }
    for (const result of chunk.results) {
        const valid = validateBenchmarkResult(result);
        if (!valid.ok) return valid;
    }
    // Index nodes are written once per chunk, not once per record (cached-node-store.ts, batch).
    return indexNodes.batch(() => writeChunk(chunk, groups));
}

function writeChunk(chunk: ImportChunk, groups: [RecordKind, unknown[]][]): Result<ImportSummary, RegistryError> {
    const summary: ImportSummary = { inserted: 0, updated: 0 };
    for (const [kind, records] of groups) {
        for (const record of records) {
            const stored = putRecord(kind, record);
            if (!stored.ok) return stored; // only a variant-id conflict can fail here
            if (stored.value.previous === undefined) summary.inserted++;
            else summary.updated++;
        }
    }
    for (const result of chunk.results) {
        importBenchmark(result);
        summary.inserted++;
    }
    return ok(summary);
}
