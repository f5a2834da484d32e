/**
 * Helpers for scale tests and benchmarks: bulk-import generated records, export every kind and hash it.
 */
import { createHash } from 'node:crypto';
import { toWire } from '../../canisters/backend/candid/wire-mapping';
import { WireTypes } from './wire-types';
import { generatedHardware, generatedResult } from './generators/registry-data';
import { unwrap, type Backend } from './helpers';

export const IMPORT_CHUNK = 200;

/** Imports `count` generated benchmark results (ids from `start`) in chunks of the canister's import limit. */
export async function importResults(controller: Backend, count: number, start = 0): Promise<void> {
    for (let i = 0; i < count; i += IMPORT_CHUNK) {
        const n = Math.min(IMPORT_CHUNK, count - i);
        const results = Array.from({ length: n }, (_, k) => toWire(WireTypes.BenchmarkResult, generatedResult(start + i + k)));
        unwrap(await controller.import_records({ hardware: [], runtimes: [], models: [], results: results as never }));
    }
}

export async function importHardware(controller: Backend, count: number, start = 0): Promise<void> {
    for (let i = 0; i < count; i += IMPORT_CHUNK) {
        const n = Math.min(IMPORT_CHUNK, count - i);
        const hardware = Array.from({ length: n }, (_, k) => toWire(WireTypes.Hardware, generatedHardware(start + i + k)));
        unwrap(await controller.import_records({ hardware: hardware as never, runtimes: [], models: [], results: [] }));
    }
}

const KINDS = [{ hardware: null }, { runtime: null }, { model: null }, { result: null }] as const;

/** sha256 over the full export of every kind (records in id order), and the record count. */
export async function exportHash(reader: Backend): Promise<{ sha256: string; records: number }> {
    const hash = createHash('sha256');
    let records = 0;
    for (const kind of KINDS) {
        let cursor: [] | [string] = [];
        for (;;) {
            const chunk: { json: string; count: number; next_cursor: [] | [string] } = unwrap(await reader.export_records(kind, cursor, [100]));
            hash.update(chunk.json);
            records += chunk.count;
            if (chunk.next_cursor.length === 0) break;
            cursor = chunk.next_cursor;
        }
    }
    return { sha256: hash.digest('hex'), records };
}
