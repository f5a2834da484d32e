/**
 * Registry reads and writes over the stable collections. Validation happens before anything is written,
 * so a bad record changes nothing; errors are values with stable codes.
 */
import { err, ok, type Result } from '../../../src/shared/result';
import { tokenize, searchTokens, DEFAULT_SORT } from '../../../src/shared/registry/index-definitions';
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX, SEARCH_QUERY_MAX_CHARS, SEARCH_MAX_TOKENS, COMPARE_MAX_IDS, CURSOR_MAX_CHARS } from '../../../src/shared/registry/limits.constants';
import type { Hardware, Model, RegistryError, Runtime } from '../../../src/shared/registry/types';
import { validateHardware } from '../../../src/shared/registry/validate-hardware';
import { validateModel } from '../../../src/shared/registry/validate-model';
import { validateRuntime } from '../../../src/shared/registry/validate-runtime';
import { KEY_SEPARATOR } from '../../../src/shared/storage/sort-keys';
import type { EntityCollection } from '../storage/entity-collection';
import { hardware, models, runtimes, searchIndex, variantOwners } from '../storage/stores';

export type RecordKind = 'hardware' | 'runtime' | 'model';
export type AnyRecord = Hardware | Runtime | Model;

export function collectionOf(kind: RecordKind): EntityCollection<AnyRecord> {
    const byKind = { hardware, runtime: runtimes, model: models } as Record<RecordKind, EntityCollection<AnyRecord>>;
    return byKind[kind];
}

export function validateRecord(kind: RecordKind, value: unknown): Result<AnyRecord, RegistryError> {
    if (kind === 'hardware') return validateHardware(value);
    if (kind === 'runtime') return validateRuntime(value);
    return validateModel(value);
}

/** Checks that a model's variant ids are not owned by another model. */
function variantConflict(model: Model): RegistryError | null {
    const seen = new Set<string>();
    for (const v of model.variants) {
        if (seen.has(v.id)) return { code: 'Conflict', id: v.id, reason: `variant id ${v.id} appears twice in model ${model.id}` };
        seen.add(v.id);
        const owner = variantOwners.get(v.id);
        if (owner !== undefined && owner !== model.id) return { code: 'Conflict', id: v.id, reason: `variant id ${v.id} belongs to model ${owner}` };
    }
    return null;
}

/** Validates and stores a record (insert or replace), keeping the search index and variant owners current. */
export function putRecord(kind: RecordKind, value: unknown): Result<{ record: AnyRecord; previous: AnyRecord | undefined }, RegistryError> {
    const valid = validateRecord(kind, value);
    if (!valid.ok) return valid;
    const record = valid.value;
    if (kind === 'model') {
        const conflict = variantConflict(record as Model);
        if (conflict !== null) return err(conflict);
    }
    const collection = collectionOf(kind);
    const previous = collection.put(record);
    const oldTokens = previous === undefined ? [] : searchTokens(kind, previous);
    const newTokens = searchTokens(kind, record);
    for (const t of oldTokens) if (!newTokens.includes(t)) searchIndex.delete(searchKey(t, kind, record.id));
    for (const t of newTokens) if (!oldTokens.includes(t)) searchIndex.add(searchKey(t, kind, record.id));
    if (kind === 'model') {
        const ids = new Set((record as Model).variants.map((v) => v.id));
        for (const v of (previous as Model | undefined)?.variants ?? []) if (!ids.has(v.id)) variantOwners.remove(v.id);
        for (const id of ids) variantOwners.insert(id, record.id);
    }
    return ok({ record, previous });
}

function searchKey(token: string, kind: RecordKind, id: string): string {
    return [token, kind, id].join(KEY_SEPARATOR);
}

export interface PageRequest {
    sort: string | null;
    descending: boolean;
    cursor: string | null;
    limit: number | null;
}

export interface Page<T> {
    items: T[];
    next_cursor: string | null;
    total: number;
}

export function listPage<T extends AnyRecord | object>(
    collection: EntityCollection<T>,
    defaultSort: string,
    request: PageRequest,
    filter: (record: T) => boolean
): Result<Page<T>, RegistryError> {
    const limit = request.limit ?? PAGE_SIZE_DEFAULT;
    if (!Number.isInteger(limit) || limit < 1 || limit > PAGE_SIZE_MAX) return err({ code: 'InvalidInput', field: 'limit', reason: `must be 1‥${PAGE_SIZE_MAX}` });
    if (request.cursor !== null && request.cursor.length > CURSOR_MAX_CHARS) return err({ code: 'InvalidInput', field: 'cursor', reason: `at most ${CURSOR_MAX_CHARS} characters` });
    const outcome = collection.list({
        sort: request.sort ?? defaultSort,
        direction: request.descending ? 'desc' : 'asc',
        cursor: request.cursor,
        limit,
        filter
    });
    if (!outcome.ok) return err({ code: 'InvalidInput', field: outcome.field, reason: outcome.reason });
    return ok({ items: outcome.items, next_cursor: outcome.nextCursor, total: collection.count() });
}

export { DEFAULT_SORT };

export interface SearchHit {
    kind: RecordKind;
    id: string;
    name: string;
}

/**
 * Records whose tokens start with every query token. The first query token drives a prefix scan of the
 * search index (bounded); the others are checked on the candidates' own tokens.
 */
export function search(query: string, limit: number): Result<SearchHit[], RegistryError> {
    if (query.length > SEARCH_QUERY_MAX_CHARS) return err({ code: 'InvalidInput', field: 'query', reason: `at most ${SEARCH_QUERY_MAX_CHARS} characters` });
    if (!Number.isInteger(limit) || limit < 1 || limit > PAGE_SIZE_MAX) return err({ code: 'InvalidInput', field: 'limit', reason: `must be 1‥${PAGE_SIZE_MAX}` });
    const tokens = tokenize(query);
    if (tokens.length === 0) return err({ code: 'InvalidInput', field: 'query', reason: 'needs at least one letter or digit' });
    if (tokens.length > SEARCH_MAX_TOKENS) return err({ code: 'LimitExceeded', limit: 'search tokens', max: SEARCH_MAX_TOKENS });
    const [first, ...rest] = tokens.sort((a, b) => b.length - a.length) as [string, ...string[]];
    const hits: SearchHit[] = [];
    const seen = new Set<string>();
    const scan = searchIndex.scan({ prefix: first, limit: 1_000 });
    for (const key of scan.keys) {
        const [, kind, id] = key.split(KEY_SEPARATOR) as [string, RecordKind, string];
        if (seen.has(`${kind}/${id}`)) continue;
        seen.add(`${kind}/${id}`);
        const record = collectionOf(kind).get(id);
        if (record === undefined) continue;
        const own = searchTokens(kind, record);
        if (!rest.every((t) => own.some((o) => o.startsWith(t)))) continue;
        hits.push({ kind, id, name: record.name });
        if (hits.length === limit) break;
    }
    return ok(hits);
}

export function getMany(kind: RecordKind, ids: string[]): Result<AnyRecord[], RegistryError> {
    if (ids.length === 0 || ids.length > COMPARE_MAX_IDS) return err({ code: 'InvalidInput', field: 'ids', reason: `between 1 and ${COMPARE_MAX_IDS} ids` });
    const out: AnyRecord[] = [];
    for (const id of ids) {
        const record = collectionOf(kind).get(id);
        if (record === undefined) return err({ code: 'NotFound', entity: kind, id });
        out.push(record);
    }
    return ok(out);
}
