/** Proposal, review and audit calls (Candid ↔ domain at this boundary only). */
import { toCandidHardware, toCandidModel, toCandidRuntime, toCandidSubmission, type BenchmarkSubmission, type EntityKind } from '../../../src/shared/registry';
import type { DraftRecord } from '../model/proposal-draft';
import { call, type ApiResult } from './api-error';
import type { BackendActor } from './backend-actor';

export interface Proposal {
    readonly id: string;
    readonly kind: EntityKind;
    readonly action: 'create' | 'update';
    readonly status: 'pending' | 'approved' | 'rejected';
    readonly record_id: string;
    readonly record_json: string;
    readonly base_json: string | null;
    readonly proposer: string;
    readonly comment: string | null;
    readonly reviewer: string | null;
    readonly review_reason: string | null;
    readonly created_ns: bigint;
}

export interface AuditEntry {
    readonly id: string; readonly actor: string; readonly action: string; readonly entity: string; readonly entity_id: string;
    readonly timestamp_ns: bigint; readonly before: string | null; readonly after: string | null;
}

type WireProposal = Awaited<ReturnType<BackendActor['get_proposal']>> extends infer R ? (R extends { Ok: infer P } ? P : never) : never;
const tag = <K extends string>(v: object): K => Object.keys(v)[0] as K;
const opt = <T>(o: [] | [T]): T | null => (o.length === 0 ? null : o[0]);

export function fromWireProposal(p: WireProposal): Proposal {
    return {
        id: p.id, kind: tag(p.kind), action: tag(p.action), status: tag(p.status), record_id: p.record_id, record_json: p.record_json,
        base_json: opt(p.base_json), proposer: p.proposer, comment: opt(p.comment), reviewer: opt(p.reviewer), review_reason: opt(p.review_reason), created_ns: p.created_ns,
    };
}

/** Appends a benchmark result (no review: results are append-only and carry their submitter); returns its id. */
export async function submitBenchmark(actor: BackendActor, s: BenchmarkSubmission): Promise<ApiResult<string>> {
    const r = await call(() => actor.submit_benchmark(toCandidSubmission(s) as never));
    return r.ok ? { ok: true, value: r.value.result_id } : r;
}

export async function propose(actor: BackendActor, draft: Exclude<DraftRecord, { kind: 'benchmark' }>, comment: string): Promise<ApiResult<Proposal>> {
    const c: [] | [string] = comment.trim() === '' ? [] : [comment.trim()];
    const r = await call(() =>
        draft.kind === 'hardware' ? actor.propose_hardware(toCandidHardware(draft.record) as never, c) :
        draft.kind === 'runtime' ? actor.propose_runtime(toCandidRuntime(draft.record) as never, c) :
        actor.propose_model(toCandidModel(draft.record) as never, c));
    return r.ok ? { ok: true, value: fromWireProposal(r.value as WireProposal) } : r;
}

/** Bounded page size for review and audit lists. */
export const LIST_PAGE = 50;

export async function listProposals(actor: BackendActor, status: Proposal['status'] | null, cursor: string | null): Promise<ApiResult<{ items: Proposal[]; next: string | null }>> {
    const r = await call(() => actor.list_proposals(status === null ? [] : [{ [status]: null } as never], cursor === null ? [] : [cursor], [LIST_PAGE]));
    return r.ok ? { ok: true, value: { items: r.value.items.map(fromWireProposal), next: opt(r.value.next_cursor) } } : r;
}

export async function review(actor: BackendActor, id: string, approve: boolean, reason: string): Promise<ApiResult<Proposal>> {
    const r = await call(() => actor.review_proposal(id, approve, reason.trim() === '' ? [] : [reason.trim()]));
    return r.ok ? { ok: true, value: fromWireProposal(r.value) } : r;
}

export async function auditLog(actor: BackendActor, cursor: string | null): Promise<ApiResult<{ items: AuditEntry[]; next: string | null }>> {
    const r = await call(() => actor.audit_log(cursor === null ? [] : [cursor], [LIST_PAGE]));
    if (!r.ok) return r;
    return { ok: true, value: { items: r.value.entries.map((e) => ({ ...e, before: opt(e.before), after: opt(e.after) })), next: opt(r.value.next_cursor) } };
}
