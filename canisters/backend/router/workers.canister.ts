/**
 * Worker administration and health: operators register, curators review, anyone reads workers and their
 * probe windows. Also the outcall transforms (queries the management canister calls).
 */
import { IDL, msgArgData, msgCaller, msgReply, candidEncode, query, time, update } from 'azle';

import { phaseOf } from '../../../src/shared/router/circuit-breaker';
import { summarize } from '../../../src/shared/router/health-window';
import { NS_PER_S, ROUTER_LIMITS as L } from '../../../src/shared/router/router.constants';
import type { WorkerStatus } from '../../../src/shared/router/router.types';
import { escapeNonAscii } from '../../../src/shared/router/utf8-native';
import { normalizeWorkerBody } from '../../../src/shared/router/worker-wire';
import { hasRole, levelOf } from '../access/roles';
import { bytesToText } from './ascii-bytes';
import { healthOf } from './health.service';
import { HttpRequestResult, TransformArgs, type HttpResponse, type TransformArgs as TransformArgsT } from './management.idl';
import * as T from './router.idl';
import { fromWireRegistration, opt, routerErr, tag, unopt, untag, wireWorker, type WireResult } from './router-wire';
import { getWorker, listWorkers, registerWorker, setWorkerStatus } from './workers.service';

const isCurator = (): boolean => ['curator', 'controller'].includes(levelOf(msgCaller()));

export class WorkerApi {
    /** Operators (role `operator`) and controllers register workers; they start `pending`. */
    @update([T.WorkerRegistration], T.RouterResult(T.Worker))
    register_worker(reg: Parameters<typeof fromWireRegistration>[0]): WireResult {
        const caller = msgCaller();
        if (!hasRole(caller, 'operator') && levelOf(caller) !== 'controller') return routerErr({ code: 'Unauthorized', reason: 'registering a worker needs the operator role' });
        const r = registerWorker(caller.toText(), fromWireRegistration(reg), time());
        return r.ok ? { Ok: wireWorker(r.value) } : routerErr(r.error);
    }

    /** Curators approve, reject or suspend; owners may suspend their own worker. */
    @update([IDL.Text, T.WorkerStatus], T.RouterResult(T.Worker))
    set_worker_status(id: string, status: object): WireResult {
        if (msgCaller().isAnonymous()) return routerErr({ code: 'Unauthorized', reason: 'sign in' });
        const r = setWorkerStatus(id, untag<WorkerStatus>(status), msgCaller().toText(), isCurator());
        return r.ok ? { Ok: wireWorker(r.value) } : routerErr(r.error);
    }

    @query([IDL.Text], T.RouterResult(T.Worker))
    get_worker(id: string): WireResult {
        const r = getWorker(id);
        return r.ok ? { Ok: wireWorker(r.value) } : routerErr(r.error);
    }

    @query([IDL.Opt(T.WorkerStatus), IDL.Opt(IDL.Nat32), IDL.Opt(IDL.Nat32)], T.WorkerPage)
    list_workers(status: [] | [object], start: [] | [number], limit: [] | [number]): unknown {
        const s = unopt(status);
        const page = listWorkers(s === null ? null : untag<WorkerStatus>(s), unopt(start) ?? 0, Math.max(1, Math.min(unopt(limit) ?? 50, L.MAX_PAGE)));
        return { items: page.items.map(wireWorker), total: page.total };
    }

    /** Probe window and breaker of a target: `llm` or `w:<worker id>`. */
    @query([IDL.Text], T.TargetHealth)
    target_health(target: string): unknown {
        const h = healthOf(target.slice(0, L.MAX_ID_CHARS + 2));
        const s = summarize(h.window);
        const now_s = Number(time() / NS_PER_S);
        return {
            target, probes: s.probes, uptime: opt(s.uptime), latency_ms: opt(s.latency_ms), last_ok_s: opt(s.last_ok_s === null ? null : BigInt(s.last_ok_s)),
            breaker: tag(phaseOf(h.breaker, now_s)), consecutive_failures: h.breaker.consecutive_failures, open_until_s: BigInt(h.breaker.open_until_s),
            recent: h.window.probes.slice(-10).map((p) => ({ t_s: BigInt(p.t_s), ok: p.ok, latency_ms: p.latency_ms, detail: p.detail }))
        };
    }

    /** Outcall transform for chat calls: only the normalized answer survives, so replicas agree (outcalls.md §1.3). */
    @query([TransformArgs], HttpRequestResult, { hidden: true, manual: true })
    transform_worker_chat(): void {
        const args = IDL.decode([TransformArgs], msgArgData())[0] as unknown as TransformArgsT;
        const format = bytesToText(Uint8Array.from(args.context)) as Parameters<typeof normalizeWorkerBody>[0];
        const text = bytesToText(Uint8Array.from(args.response.body)) ?? '';
        // The normalized JSON, escaped to ASCII, goes out as a Candid blob literal through the native encoder.
        const body = escapeNonAscii(normalizeWorkerBody(format, text)).replace(/[\\"]/g, '\\$&');
        msgReply(candidEncode(`(record { status = (${args.response.status} : nat); headers = vec {}; body = blob "${body}" })`));
    }

    /** Outcall transform for health probes: the status alone decides. */
    @query([TransformArgs], HttpRequestResult, { hidden: true })
    transform_worker_health(args: TransformArgsT): HttpResponse {
        return { status: args.response.status, headers: [], body: new Uint8Array() };
    }
}
