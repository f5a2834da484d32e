/**
 * Contributions: a signed-in principal proposes a new record or an edit; a curator (or controller)
 * approves or rejects it. An edit remembers the version it was based on, so approving it after someone
 * else changed the record is a Conflict instead of a silent overwrite.
 */
import { StableBTreeMap } from 'azle';

import { err, ok, type Result } from '../../../src/shared/result';
import type { RegistryError } from '../../../src/shared/registry/types';
import { NOTES_MAX_CHARS } from '../../../src/shared/registry/limits.constants';
import { appendAudit } from '../access/audit-log';
import { bigintJson, utf8Key } from '../storage/json-serializable';
import { MEMORY_IDS } from '../storage/memory-ids';
import { meta, nextSequence, sequenceId } from '../storage/stores';
import { collectionOf, putRecord, validateRecord, type RecordKind } from './registry.service';

export const MAX_PENDING_PROPOSALS = 10_000;
export const MAX_PENDING_PER_PROPOSER = 50;

export type ProposalStatus = 'pending' | 'approved' | 'rejected';

export interface Proposal {
    id: string;
    kind: RecordKind;
    action: 'create' | 'update';
    record_id: string;
    record_json: string;
    base_json: string | null;
    proposer: string;
    comment: string | null;
    created_ns: bigint;
    status: ProposalStatus;
    reviewer: string | null;
    reviewed_ns: bigint | null;
    review_reason: string | null;
}

const proposals = new StableBTreeMap<string, Proposal>(MEMORY_IDS.proposals, utf8Key, bigintJson);

/** Pending counters live in `meta` so checking the limits costs O(1). */
function pendingCount(key: string): number {
    return (meta.get(`pending:${key}`) as number | undefined) ?? 0;
}

function addPending(proposer: string, delta: number): void {
    for (const key of ['*', proposer]) {
        const next = pendingCount(key) + delta;
        if (next === 0) meta.remove(`pending:${key}`);
        else meta.insert(`pending:${key}`, next);
    }
}

export function propose(kind: RecordKind, value: unknown, proposer: string, comment: string | null, now: bigint): Result<Proposal, RegistryError> {
    if (comment !== null && comment.length > NOTES_MAX_CHARS) return err({ code: 'InvalidInput', field: 'comment', reason: `at most ${NOTES_MAX_CHARS} characters` });
    const valid = validateRecord(kind, value);
    if (!valid.ok) return valid;
    if (pendingCount(proposer) >= MAX_PENDING_PER_PROPOSER) return err({ code: 'LimitExceeded', limit: 'pending proposals per principal', max: MAX_PENDING_PER_PROPOSER });
    if (pendingCount('*') >= MAX_PENDING_PROPOSALS) return err({ code: 'LimitExceeded', limit: 'pending proposals', max: MAX_PENDING_PROPOSALS });
    const existing = collectionOf(kind).get(valid.value.id);
    const proposal: Proposal = {
        id: sequenceId('p', nextSequence('proposal')),
        kind,
        action: existing === undefined ? 'create' : 'update',
        record_id: valid.value.id,
        record_json: JSON.stringify(valid.value),
        base_json: existing === undefined ? null : JSON.stringify(existing),
        proposer,
        comment,
        created_ns: now,
        status: 'pending',
        reviewer: null,
        reviewed_ns: null,
        review_reason: null
    };
    proposals.insert(proposal.id, proposal);
    addPending(proposer, 1);
    appendAudit({ actor: proposer, action: 'propose', entity: kind, entity_id: proposal.record_id, timestamp_ns: now, before: proposal.base_json, after: proposal.record_json });
    return ok(proposal);
}

export function getProposal(id: string): Proposal | undefined {
    return proposals.get(id);
}

export function review(id: string, approve: boolean, reviewer: string, reason: string | null, now: bigint): Result<Proposal, RegistryError> {
    if (reason !== null && reason.length > NOTES_MAX_CHARS) return err({ code: 'InvalidInput', field: 'reason', reason: `at most ${NOTES_MAX_CHARS} characters` });
    const proposal = proposals.get(id);
    if (proposal === undefined) return err({ code: 'InvalidInput', field: 'proposal_id', reason: `no proposal ${id}` });
    if (proposal.status !== 'pending') return err({ code: 'Conflict', id, reason: `proposal is already ${proposal.status}` });
    if (approve) {
        const current = collectionOf(proposal.kind).get(proposal.record_id);
        const currentJson = current === undefined ? null : JSON.stringify(current);
        if (currentJson !== proposal.base_json) {
            return err({ code: 'Conflict', id: proposal.record_id, reason: 'the record changed after this proposal was made; propose again on the current version' });
        }
        const stored = putRecord(proposal.kind, JSON.parse(proposal.record_json));
        if (!stored.ok) return stored;
        appendAudit({ actor: reviewer, action: 'approve', entity: proposal.kind, entity_id: proposal.record_id, timestamp_ns: now, before: currentJson, after: proposal.record_json });
    } else {
        appendAudit({ actor: reviewer, action: 'reject', entity: proposal.kind, entity_id: proposal.record_id, timestamp_ns: now, before: null, after: null });
    }
    const reviewed: Proposal = { ...proposal, status: approve ? 'approved' : 'rejected', reviewer, reviewed_ns: now, review_reason: reason };
    proposals.insert(id, reviewed);
    addPending(proposal.proposer, -1);
    return ok(reviewed);
}

/** Proposals newest first, optionally only one status; O(scanned) with a bounded scan. */
export function listProposals(status: ProposalStatus | null, before: string | null, limit: number): { items: Proposal[]; next_cursor: string | null } {
    let n = before === null ? proposals.len() : Number(before.slice(1)) - 1;
    const items: Proposal[] = [];
    let scanned = 0;
    while (n >= 1 && items.length < limit && scanned < 2_000) {
        const p = proposals.get(sequenceId('p', BigInt(n)));
        scanned++;
        n--;
        if (p !== undefined && (status === null || p.status === status)) items.push(p);
    }
    return { items, next_cursor: n >= 1 ? sequenceId('p', BigInt(n + 1)) : null };
}
