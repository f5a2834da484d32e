/**
 * Append-only audit log of every registry write: who, what, when, and the record before and after
 * (as JSON text, so any entity fits one shape). Entries are never changed or removed.
 */
import { StableBTreeMap } from 'azle';

import { bigintJson, utf8Key } from '../storage/json-serializable';
import { MEMORY_IDS } from '../storage/memory-ids';
import { nextSequence, sequenceId } from '../storage/stores';

export interface AuditEntry {
    id: string;
    actor: string;
    action: string;
    entity: string;
    entity_id: string;
    timestamp_ns: bigint;
    before: string | null;
    after: string | null;
}

const log = new StableBTreeMap<string, AuditEntry>(MEMORY_IDS.audit, utf8Key, bigintJson);

export function appendAudit(entry: Omit<AuditEntry, 'id'>): AuditEntry {
    const full = { id: sequenceId('a', nextSequence('audit')), ...entry };
    log.insert(full.id, full);
    return full;
}

export function getAudit(id: string): AuditEntry | undefined {
    return log.get(id);
}

/** Newest first from `before` (exclusive), at most `limit`: ids are sequential, so this is O(limit). */
export function auditPage(before: string | null, limit: number): { entries: AuditEntry[]; next_cursor: string | null } {
    const newest = log.len();
    let n = before === null ? newest : Number(before.slice(1)) - 1;
    const entries: AuditEntry[] = [];
    while (n >= 1 && entries.length < limit) {
        const entry = log.get(sequenceId('a', BigInt(n)));
        if (entry !== undefined) entries.push(entry);
        n--;
    }
    return { entries, next_cursor: n >= 1 && entries.length > 0 ? (entries[entries.length - 1] as AuditEntry).id : null };
}

export function auditCount(): number {
    return log.len();
}
