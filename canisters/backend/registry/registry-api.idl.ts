/**
 * Candid request/response types of the registry API (records themselves are in registry.idl.ts).
 */
import { IDL } from 'azle';

import { AVAILABILITIES, HARDWARE_KINDS, TASKS } from '../../../src/shared/registry/types';
import { BenchmarkResult, EntityKind, Hardware, HardwareKind, Model, Result, Runtime, unitVariant } from './registry.idl';

export const PageRequest = IDL.Record({
    sort: IDL.Opt(IDL.Text),
    descending: IDL.Opt(IDL.Bool),
    cursor: IDL.Opt(IDL.Text),
    limit: IDL.Opt(IDL.Nat32)
});

export const HardwareFilter = IDL.Record({
    kind: IDL.Opt(HardwareKind),
    vendor: IDL.Opt(IDL.Text),
    availability: IDL.Opt(unitVariant(AVAILABILITIES)),
    min_memory_gb: IDL.Opt(IDL.Float64),
    max_price_usd: IDL.Opt(IDL.Float64),
    max_tdp_w: IDL.Opt(IDL.Float64)
});
export const RuntimeFilter = IDL.Record({ hardware_vendor: IDL.Opt(IDL.Text), model_format: IDL.Opt(IDL.Text) });
export const ModelFilter = IDL.Record({
    family: IDL.Opt(IDL.Text),
    publisher: IDL.Opt(IDL.Text),
    task: IDL.Opt(unitVariant(TASKS)),
    max_params_b: IDL.Opt(IDL.Float64),
    min_context: IDL.Opt(IDL.Float64)
});
export const BenchmarkFilter = IDL.Record({
    hardware_id: IDL.Opt(IDL.Text),
    runtime_id: IDL.Opt(IDL.Text),
    model_id: IDL.Opt(IDL.Text),
    submitter: IDL.Opt(IDL.Text)
});

function page(item: IDL.Type): IDL.RecordClass {
    return IDL.Record({ items: IDL.Vec(item), next_cursor: IDL.Opt(IDL.Text), total: IDL.Nat64 });
}
export const HardwarePage = page(Hardware);
export const RuntimePage = page(Runtime);
export const ModelPage = page(Model);
export const BenchmarkPage = page(BenchmarkResult);

export const SearchHit = IDL.Record({ kind: EntityKind, id: IDL.Text, name: IDL.Text });

export const ExportChunk = IDL.Record({ json: IDL.Text, count: IDL.Nat32, next_cursor: IDL.Opt(IDL.Text) });

export const ImportChunk = IDL.Record({
    hardware: IDL.Vec(Hardware),
    runtimes: IDL.Vec(Runtime),
    models: IDL.Vec(Model),
    results: IDL.Vec(BenchmarkResult)
});
export const ImportSummary = IDL.Record({ inserted: IDL.Nat32, updated: IDL.Nat32 });

export const ProposalStatus = unitVariant(['pending', 'approved', 'rejected']);
export const Proposal = IDL.Record({
    id: IDL.Text,
    kind: EntityKind,
    action: unitVariant(['create', 'update']),
    record_id: IDL.Text,
    record_json: IDL.Text,
    base_json: IDL.Opt(IDL.Text),
    proposer: IDL.Text,
    comment: IDL.Opt(IDL.Text),
    created_ns: IDL.Nat64,
    status: ProposalStatus,
    reviewer: IDL.Opt(IDL.Text),
    reviewed_ns: IDL.Opt(IDL.Nat64),
    review_reason: IDL.Opt(IDL.Text)
});
export const ProposalPage = IDL.Record({ items: IDL.Vec(Proposal), next_cursor: IDL.Opt(IDL.Text) });

export const AuditEntry = IDL.Record({
    id: IDL.Text,
    actor: IDL.Text,
    action: IDL.Text,
    entity: IDL.Text,
    entity_id: IDL.Text,
    timestamp_ns: IDL.Nat64,
    before: IDL.Opt(IDL.Text),
    after: IDL.Opt(IDL.Text)
});
export const AuditPage = IDL.Record({ entries: IDL.Vec(AuditEntry), next_cursor: IDL.Opt(IDL.Text) });

export const Role = unitVariant(['curator', 'operator']);
export const Level = unitVariant(['anonymous', 'contributor', 'curator', 'controller']);
export const Whoami = IDL.Record({ principal: IDL.Principal, level: Level, roles: IDL.Vec(Role) });
export const RoleGrant = IDL.Record({ principal: IDL.Text, roles: IDL.Vec(Role) });

export const Stats = IDL.Record({
    hardware: IDL.Nat64,
    runtimes: IDL.Nat64,
    models: IDL.Nat64,
    benchmarks: IDL.Nat64,
    pending_proposals: IDL.Nat64,
    audit_entries: IDL.Nat64,
    schema_version: IDL.Nat32
});

export { Result };
export const HardwareResult = Result(Hardware);
export const RuntimeResult = Result(Runtime);
export const ModelResult = Result(Model);
export const BenchmarkResultResult = Result(BenchmarkResult);
