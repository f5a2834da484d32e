/**
 * The registry's Candid API. Each method is thin: decode wire → check the caller → pure/shared logic →
 * encode the Result. Reads are open to everyone (other canisters included); writes need a signed-in caller.
 */
import { IDL, msgCaller, msgReply, query, time, update } from 'azle';

import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '../../../src/shared/registry/limits.constants';
import { err, ok } from '../../../src/shared/result';
import type { RegistryError } from '../../../src/shared/registry/types';
import { auditCount, auditPage } from '../access/audit-log';
import { levelOf, require, rolesOf } from '../access/roles';
import { argsReader } from '../candid/query-args';
import { resultReply } from '../candid/result-reply';
import { fromOpt, wireErr, wireResult, type WireResult } from '../candid/results';
import { fromWire, toWire } from '../candid/wire-mapping';
import type { EntityCollection } from '../storage/entity-collection';
import { benchmarks, hardware, meta, models, runtimes } from '../storage/stores';
import { submitBenchmark } from './benchmarks.service';
import { benchmarkFilter, hardwareFilter, modelFilter, runtimeFilter } from './filters';
import { getProposal, listProposals, propose, review, type ProposalStatus } from './proposals.service';
import { BenchmarkResult, BenchmarkSubmission, EntityKind, Hardware, Model, Runtime } from './registry.idl';
import * as Api from './registry-api.idl';
import { collectionOf, DEFAULT_SORT, getMany, listPage, search, type PageRequest, type RecordKind } from './registry.service';
import { SCHEMA_VERSION } from './schema';

function kindOf(wireKind: object): RecordKind | 'result' | 'variant' {
    return Object.keys(wireKind)[0] as RecordKind;
}

/**
 * Reply encoders of the read methods, built at module initialisation (result-reply.ts): these replies skip
 * toWire and the JS IDL encoder, whose TextEncoder polyfill dominated their cost.
 */
const replies = {
    hardware: resultReply(Api.HardwareResult),
    runtime: resultReply(Api.RuntimeResult),
    model: resultReply(Api.ModelResult),
    result: resultReply(Api.BenchmarkResultResult),
    hardwarePage: resultReply(Api.Result(Api.HardwarePage)),
    runtimePage: resultReply(Api.Result(Api.RuntimePage)),
    modelPage: resultReply(Api.Result(Api.ModelPage)),
    resultPage: resultReply(Api.Result(Api.BenchmarkPage)),
    searchHits: resultReply(Api.Result(IDL.Vec(Api.SearchHit))),
    hardwareList: resultReply(Api.Result(IDL.Vec(Hardware))),
    modelList: resultReply(Api.Result(IDL.Vec(Model))),
    runtimeList: resultReply(Api.Result(IDL.Vec(Runtime)))
};

/** Arguments of the manual methods, in domain form (candid/query-args.ts). */
const ListArgs = (filter: IDL.Type): IDL.Type[] => [IDL.Record({ page: Api.PageRequest, filter })];
const readArgs = {
    id: argsReader([IDL.Text]),
    ids: argsReader([IDL.Vec(IDL.Text)]),
    search: argsReader([IDL.Text, IDL.Opt(IDL.Nat32)]),
    hardware: argsReader(ListArgs(Api.HardwareFilter)),
    runtime: argsReader(ListArgs(Api.RuntimeFilter)),
    model: argsReader(ListArgs(Api.ModelFilter)),
    result: argsReader(ListArgs(Api.BenchmarkFilter))
};

function replyGet(kind: RecordKind): void {
    const [id] = readArgs.id() as [string];
    const record = collectionOf(kind).get(id);
    msgReply(replies[kind](record === undefined ? err({ code: 'NotFound', entity: kind, id }) : ok(record)));
}

/** A list request in domain form: empty opts are null. */
type ListRequest<F> = { page: { sort: string | null; descending: boolean | null; cursor: string | null; limit: number | null }; filter: F };

function listRequest<F>(kind: 'hardware' | 'runtime' | 'model' | 'result'): { page: PageRequest; filter: F } {
    const { page, filter } = readArgs[kind]()[0] as ListRequest<F>;
    return { page: { sort: page.sort, descending: page.descending ?? false, cursor: page.cursor, limit: page.limit }, filter };
}

function limitOf(limit: [] | [number]): number | RegistryError {
    const n = fromOpt(limit) ?? PAGE_SIZE_DEFAULT;
    return n >= 1 && n <= PAGE_SIZE_MAX ? n : { code: 'InvalidInput', field: 'limit', reason: `must be 1‥${PAGE_SIZE_MAX}` };
}

export class RegistryApi {
    @query([IDL.Text], Api.HardwareResult, { manual: true })
    get_hardware(): void {
        replyGet('hardware');
    }

    @query([IDL.Text], Api.RuntimeResult, { manual: true })
    get_runtime(): void {
        replyGet('runtime');
    }

    @query([IDL.Text], Api.ModelResult, { manual: true })
    get_model(): void {
        replyGet('model');
    }

    @query([IDL.Text], Api.BenchmarkResultResult, { manual: true })
    get_benchmark(): void {
        const [id] = readArgs.id() as [string];
        const r = benchmarks.get(id);
        msgReply(replies.result(r === undefined ? err({ code: 'NotFound', entity: 'result', id }) : ok(r)));
    }

    @query([IDL.Record({ page: Api.PageRequest, filter: Api.HardwareFilter })], Api.Result(Api.HardwarePage), { manual: true })
    list_hardware(): void {
        const req = listRequest<Parameters<typeof hardwareFilter>[0]>('hardware');
        const filter = req.filter;
        msgReply(replies.hardwarePage(listPage(hardware, DEFAULT_SORT.hardware, req.page, hardwareFilter(filter))));
    }

    @query([IDL.Record({ page: Api.PageRequest, filter: Api.RuntimeFilter })], Api.Result(Api.RuntimePage), { manual: true })
    list_runtimes(): void {
        const req = listRequest<Parameters<typeof runtimeFilter>[0]>('runtime');
        const filter = req.filter;
        msgReply(replies.runtimePage(listPage(runtimes, DEFAULT_SORT.runtime, req.page, runtimeFilter(filter))));
    }

    @query([IDL.Record({ page: Api.PageRequest, filter: Api.ModelFilter })], Api.Result(Api.ModelPage), { manual: true })
    list_models(): void {
        const req = listRequest<Parameters<typeof modelFilter>[0]>('model');
        const filter = req.filter;
        msgReply(replies.modelPage(listPage(models, DEFAULT_SORT.model, req.page, modelFilter(filter))));
    }

    @query([IDL.Record({ page: Api.PageRequest, filter: Api.BenchmarkFilter })], Api.Result(Api.BenchmarkPage), { manual: true })
    list_benchmarks(): void {
        const req = listRequest<Parameters<typeof benchmarkFilter>[0]>('result');
        const filter = req.filter;
        msgReply(replies.resultPage(listPage(benchmarks, DEFAULT_SORT.result, req.page, benchmarkFilter(filter))));
    }

    @query([IDL.Text, IDL.Opt(IDL.Nat32)], Api.Result(IDL.Vec(Api.SearchHit)), { manual: true })
    search(): void {
        const [text, limit] = readArgs.search() as [string, number | null];
        msgReply(replies.searchHits(search(text, limit ?? PAGE_SIZE_DEFAULT)));
    }

    @query([IDL.Vec(IDL.Text)], Api.Result(IDL.Vec(Hardware)), { manual: true })
    compare_hardware(): void {
        msgReply(replies.hardwareList(getMany('hardware', readArgs.ids()[0] as string[])));
    }

    @query([IDL.Vec(IDL.Text)], Api.Result(IDL.Vec(Model)), { manual: true })
    compare_models(): void {
        msgReply(replies.modelList(getMany('model', readArgs.ids()[0] as string[])));
    }

    @query([IDL.Vec(IDL.Text)], Api.Result(IDL.Vec(Runtime)), { manual: true })
    compare_runtimes(): void {
        msgReply(replies.runtimeList(getMany('runtime', readArgs.ids()[0] as string[])));
    }

    /** Records of one kind in id order as a JSON array, for backups, diffs and re-import. */
    @query([EntityKind, IDL.Opt(IDL.Text), IDL.Opt(IDL.Nat32)], Api.Result(Api.ExportChunk))
    export_records(wireKind: object, cursor: [] | [string], limit: [] | [number]): WireResult {
        const kind = kindOf(wireKind);
        const n = limitOf(limit);
        if (typeof n !== 'number') return wireErr(n);
        const collection = (kind === 'result' ? benchmarks : kind === 'variant' ? null : collectionOf(kind)) as EntityCollection<object> | null;
        if (collection === null) return wireErr({ code: 'InvalidInput', field: 'kind', reason: 'variants are exported with their models' });
        const page = listPage<object>(collection, 'id', { sort: 'id', descending: false, cursor: fromOpt(cursor), limit: n }, () => true);
        if (!page.ok) return wireErr(page.error);
        const json = JSON.stringify(page.value.items, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
        return { Ok: { json, count: page.value.items.length, next_cursor: page.value.next_cursor === null ? [] : [page.value.next_cursor] } };
    }

    @query([], Api.Stats)
    stats(): unknown {
        return {
            hardware: BigInt(hardware.count()),
            runtimes: BigInt(runtimes.count()),
            models: BigInt(models.count()),
            benchmarks: BigInt(benchmarks.count()),
            pending_proposals: BigInt((meta.get('pending:*') as number | undefined) ?? 0),
            audit_entries: BigInt(auditCount()),
            schema_version: SCHEMA_VERSION
        };
    }

    @query([], Api.Whoami)
    whoami(): unknown {
        const caller = msgCaller();
        return { principal: caller, level: { [levelOf(caller)]: null }, roles: rolesOf(caller.toText()).map((r) => ({ [r]: null })) };
    }

    @update([Hardware, IDL.Opt(IDL.Text)], Api.Result(Api.Proposal))
    propose_hardware(record: unknown, comment: [] | [string]): WireResult {
        return this.propose('hardware', fromWire(Hardware, record), fromOpt(comment));
    }

    @update([Runtime, IDL.Opt(IDL.Text)], Api.Result(Api.Proposal))
    propose_runtime(record: unknown, comment: [] | [string]): WireResult {
        return this.propose('runtime', fromWire(Runtime, record), fromOpt(comment));
    }

    @update([Model, IDL.Opt(IDL.Text)], Api.Result(Api.Proposal))
    propose_model(record: unknown, comment: [] | [string]): WireResult {
        return this.propose('model', fromWire(Model, record), fromOpt(comment));
    }

    private propose(kind: RecordKind, record: unknown, comment: string | null): WireResult {
        const denied = require(msgCaller(), 'contributor');
        if (denied !== null) return wireErr(denied);
        return wireResult(Api.Proposal, propose(kind, record, msgCaller().toText(), comment, time()));
    }

    @update([IDL.Text, IDL.Bool, IDL.Opt(IDL.Text)], Api.Result(Api.Proposal))
    review_proposal(id: string, approve: boolean, reason: [] | [string]): WireResult {
        const denied = require(msgCaller(), 'curator');
        if (denied !== null) return wireErr(denied);
        return wireResult(Api.Proposal, review(id, approve, msgCaller().toText(), fromOpt(reason), time()));
    }

    @query([IDL.Text], Api.Result(Api.Proposal))
    get_proposal(id: string): WireResult {
        const p = getProposal(id);
        return p === undefined ? wireErr({ code: 'InvalidInput', field: 'id', reason: `no proposal ${id}` }) : { Ok: toWire(Api.Proposal, p) };
    }

    @query([IDL.Opt(Api.ProposalStatus), IDL.Opt(IDL.Text), IDL.Opt(IDL.Nat32)], Api.Result(Api.ProposalPage))
    list_proposals(status: [] | [object], cursor: [] | [string], limit: [] | [number]): WireResult {
        const n = limitOf(limit);
        if (typeof n !== 'number') return wireErr(n);
        const s = fromOpt(status);
        return { Ok: toWire(Api.ProposalPage, listProposals(s === null ? null : (Object.keys(s)[0] as ProposalStatus), fromOpt(cursor), n)) };
    }

    @update([BenchmarkSubmission], Api.BenchmarkResultResult)
    submit_benchmark(submission: unknown): WireResult {
        const denied = require(msgCaller(), 'contributor');
        if (denied !== null) return wireErr(denied);
        return wireResult(BenchmarkResult, submitBenchmark(fromWire(BenchmarkSubmission, submission), msgCaller().toText(), time()));
    }

    /** The audit log, newest first. */
    @query([IDL.Opt(IDL.Text), IDL.Opt(IDL.Nat32)], Api.Result(Api.AuditPage))
    audit_log(cursor: [] | [string], limit: [] | [number]): WireResult {
        const n = limitOf(limit);
        if (typeof n !== 'number') return wireErr(n);
        return { Ok: toWire(Api.AuditPage, auditPage(fromOpt(cursor), n)) };
    }
}
