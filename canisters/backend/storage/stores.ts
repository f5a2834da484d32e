/**
 * Every stable structure of the canister, constructed at module scope so they exist after init and after
 * each post_upgrade. Upgrades keep them as they are: no pre/post-upgrade serialization of the state.
 */
import { StableBTreeMap } from 'azle';

import type { BenchmarkResult, Hardware, Model, Runtime } from '../../../src/shared/registry/types';
import { HARDWARE_SORT_FIELDS, MODEL_SORT_FIELDS, RESULT_SORT_FIELDS, RUNTIME_SORT_FIELDS } from '../../../src/shared/registry/index-definitions';
import { OrderedIndex, type IndexNode } from '../../../src/shared/storage/ordered-index';
import { cachedNodeStore } from './cached-node-store';
import { EntityCollection } from './entity-collection';
import { bigintJson, nodeSerializable, plainJson, utf8Key } from './json-serializable';
import { MEMORY_IDS } from './memory-ids';

export const indexNodes = cachedNodeStore(new StableBTreeMap<string, IndexNode>(MEMORY_IDS.indexNodes, utf8Key, nodeSerializable));

export const hardware = new EntityCollection<Hardware>(
    'hardware',
    new StableBTreeMap(MEMORY_IDS.hardware, utf8Key, plainJson),
    indexNodes,
    (h) => h.id,
    HARDWARE_SORT_FIELDS
);
export const runtimes = new EntityCollection<Runtime>('runtime', new StableBTreeMap(MEMORY_IDS.runtimes, utf8Key, plainJson), indexNodes, (r) => r.id, RUNTIME_SORT_FIELDS);
export const models = new EntityCollection<Model>('model', new StableBTreeMap(MEMORY_IDS.models, utf8Key, plainJson), indexNodes, (m) => m.id, MODEL_SORT_FIELDS);
export const benchmarks = new EntityCollection<BenchmarkResult>(
    'result',
    new StableBTreeMap(MEMORY_IDS.benchmarks, utf8Key, bigintJson),
    indexNodes,
    (r) => r.result_id,
    RESULT_SORT_FIELDS
);

/** variant id → model id (variant ids are unique across models). */
export const variantOwners = new StableBTreeMap<string, string>(MEMORY_IDS.variantOwners, utf8Key, plainJson);

/** `<token>\u0001<kind>\u0001<id>` for every search token of every hardware, runtime and model record. */
export const searchIndex = new OrderedIndex(indexNodes, 'search');

/** Counters and the schema version. */
export const meta = new StableBTreeMap<string, unknown>(MEMORY_IDS.meta, utf8Key, bigintJson);

export function nextSequence(name: string): bigint {
    const next = ((meta.get(`seq:${name}`) as bigint | undefined) ?? 0n) + 1n;
    meta.insert(`seq:${name}`, next);
    return next;
}

/** Fixed-width decimal so sequence ids sort in numeric order as strings. */
export function sequenceId(prefix: string, n: bigint): string {
    return `${prefix}${n.toString().padStart(12, '0')}`;
}
