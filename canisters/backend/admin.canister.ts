/**
 * Lifecycle (init, upgrades) and controller-only administration: roles and bulk imports.
 */
import { IDL, init, msgArgData, msgCaller, msgReply, postUpgrade, Principal, query, time, update } from 'azle';

import { appendAudit } from './access/audit-log';
import { listGrants, require, roleHolderCount, rolesOf, setRoles, MAX_ROLE_HOLDERS, type Role } from './access/roles';
import { fromOpt, wireErr, wireResult, type WireResult } from './candid/results';
import { importChunk } from './registry/import.service';
import { decodeImportChunk, importReply } from './registry/import-args';
import { err } from '../../src/shared/result';
import * as Api from './registry/registry-api.idl';
import { migrate } from './registry/schema';
import { armRouterTimers } from './router/health.service';
import { loadSeed } from './registry/seed';

export class AdminApi {
    @init([])
    init(): void {
        migrate();
        loadSeed(msgCaller().toText(), time());
        armRouterTimers();
    }

    @postUpgrade([])
    postUpgrade(): void {
        migrate();
        armRouterTimers();
    }

    @update([IDL.Principal, IDL.Vec(Api.Role)], Api.Result(IDL.Vec(Api.Role)))
    set_roles(principal: Principal, roles: object[]): WireResult {
        const denied = require(msgCaller(), 'controller');
        if (denied !== null) return wireErr(denied);
        if (principal.isAnonymous()) return wireErr({ code: 'InvalidInput', field: 'principal', reason: 'the anonymous principal cannot hold roles' });
        const text = principal.toText();
        if (rolesOf(text).length === 0 && roles.length > 0 && roleHolderCount() >= MAX_ROLE_HOLDERS) {
            return wireErr({ code: 'LimitExceeded', limit: 'role holders', max: MAX_ROLE_HOLDERS });
        }
        const names = roles.map((r) => Object.keys(r)[0] as Role);
        const previous = setRoles(text, names);
        appendAudit({ actor: msgCaller().toText(), action: 'set_roles', entity: 'role', entity_id: text, timestamp_ns: time(), before: JSON.stringify(previous), after: JSON.stringify(names) });
        return { Ok: previous.map((r) => ({ [r]: null })) };
    }

    @query([IDL.Opt(IDL.Nat32), IDL.Opt(IDL.Nat32)], IDL.Vec(Api.RoleGrant))
    list_roles(start: [] | [number], limit: [] | [number]): unknown {
        return listGrants(fromOpt(start) ?? 0, Math.min(fromOpt(limit) ?? 100, 100)).map(([principal, roles]) => ({ principal, roles: roles.map((r) => ({ [r]: null })) }));
    }

    /**
     * Controllers import or update records in bulk (the whole chunk is validated before any write).
     * Manual: the argument and reply skip the JS IDL codec (registry/import-args.ts).
     */
    @update([Api.ImportChunk], Api.Result(Api.ImportSummary), { manual: true })
    import_records(): void {
        const chunk = decodeImportChunk(msgArgData());
        const denied = require(msgCaller(), 'controller');
        if (denied !== null) return msgReply(importReply(err(denied)));
        const result = importChunk(chunk);
        if (result.ok) {
            appendAudit({ actor: msgCaller().toText(), action: 'import_records', entity: 'chunk', entity_id: '', timestamp_ns: time(), before: null, after: JSON.stringify(result.value) });
        }
        msgReply(importReply(result));
    }
}
