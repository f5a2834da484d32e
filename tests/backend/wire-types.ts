/**
 * The backend's Candid types as IDL values, taken from the bindings generated from backend.did, so tests
 * and benches can convert domain records to wire values without importing canister (azle) code.
 */
import { IDL } from '@icp-sdk/core/candid';
import { idlFactory } from '../../src/declarations/backend/declarations/backend.did.js';

const service = idlFactory({ IDL }) as IDL.ServiceClass;

function method(name: string): IDL.FuncClass {
    const found = service._fields.find(([n]) => n === name);
    if (found === undefined) throw new Error(`backend.did has no method ${name}`);
    return found[1];
}

function field(record: IDL.Type, name: string): IDL.Type {
    const found = (record as unknown as { _fields: [string, IDL.Type][] })._fields.find(([n]) => n === name);
    if (found === undefined) throw new Error(`record has no field ${name}`);
    return found[1];
}

const importChunk = method('import_records').argTypes[0] as IDL.Type;
const vecItem = (vec: IDL.Type): IDL.Type => (vec as unknown as { _type: IDL.Type })._type;

export const WireTypes = {
    Hardware: vecItem(field(importChunk, 'hardware')),
    Runtime: vecItem(field(importChunk, 'runtimes')),
    Model: vecItem(field(importChunk, 'models')),
    BenchmarkResult: vecItem(field(importChunk, 'results')),
    BenchmarkSubmission: method('submit_benchmark').argTypes[0] as IDL.Type
};
