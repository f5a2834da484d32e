/** Loads the seed dataset (data/*.json) and compiles its JSON Schemas (data/schema/*.schema.json) with Ajv (draft 2020-12). */
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
    BenchmarkResult, BenchmarkSubmission, Hardware, Model, Runtime,
} from '../../../src/shared/registry/types';

export const DATA_DIR = 'data';
const SCHEMA_DIR = join(DATA_DIR, 'schema');

export function readJson(path: string): unknown {
    return JSON.parse(readFileSync(path, 'utf8'));
}

/** Every data file with the schema that describes it. */
export const DATASET_FILES = {
    hardware: { data: 'hardware.json', schema: 'urn:deai-atlas:schema:hardware' },
    runtimes: { data: 'runtimes.json', schema: 'urn:deai-atlas:schema:runtimes' },
    models: { data: 'models.json', schema: 'urn:deai-atlas:schema:models' },
    benchmarks: { data: 'benchmarks.json', schema: 'urn:deai-atlas:schema:benchmarks' },
} as const;
export type DatasetName = keyof typeof DATASET_FILES;

export function loadDataset(name: DatasetName): unknown {
    return readJson(join(DATA_DIR, DATASET_FILES[name].data));
}

/** The whole seed as validateDataset expects it. Seed benchmarks are submissions, so the ids the canister
 * assigns on import (result_id, submitter, timestamp_ns) are filled with placeholders here. */
export function loadAll(): { hardware: Hardware[]; runtimes: Runtime[]; models: Model[]; results: BenchmarkResult[] } {
    const submissions = loadDataset('benchmarks') as BenchmarkSubmission[];
    return {
        hardware: loadDataset('hardware') as Hardware[],
        runtimes: loadDataset('runtimes') as Runtime[],
        models: loadDataset('models') as Model[],
        results: submissions.map((s, i) => ({ ...s, result_id: `seed-${i}`, submitter: ANONYMOUS_PRINCIPAL, timestamp_ns: 0n })),
    };
}

/** The anonymous principal's text form, a valid placeholder submitter. */
const ANONYMOUS_PRINCIPAL = '2vxsx-fae';

/** Follows a dotted SourceRef path (`peak.fp8.dense`, `variants.1.file_size_bytes`) into a record. */
export function valueAt(record: unknown, path: string): unknown {
    let v: unknown = record;
    for (const key of path.split('.')) {
        if (v === null || typeof v !== 'object') return undefined;
        v = (v as Record<string, unknown>)[key];
    }
    return v;
}

/** One Ajv instance holding every schema in data/schema, so cross-file `$ref`s resolve. */
export function compileSchemas(): (id: string) => ValidateFunction {
    // allowUnionTypes: nullable fields use `type: ["boolean", "null"]`.
    const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
    for (const file of readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.schema.json'))) {
        ajv.addSchema(readJson(join(SCHEMA_DIR, file)) as object);
    }
    return (id) => {
        const v = ajv.getSchema(id);
        if (!v) throw new Error(`no schema with $id ${id} in ${SCHEMA_DIR}`);
        return v;
    };
}
