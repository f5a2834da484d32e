/**
 * Worker registry: operators register, curators approve or reject, owners and curators suspend. Only
 * approved workers are probed and routed to.
 */
import { err, ok, type Result } from '../../../src/shared/result';
import type { RouterError } from '../../../src/shared/router/router-error';
import { ROUTER_LIMITS } from '../../../src/shared/router/router.constants';
import type { Worker, WorkerRegistration, WorkerStatus } from '../../../src/shared/router/router.types';
import { validateRegistration } from '../../../src/shared/router/worker-validate';
import { routerConfig } from './router-config';
import { nextRouterSequence, padded, workers } from './router-stores';

export function registerWorker(owner: string, r: WorkerRegistration, now_ns: bigint): Result<Worker, RouterError> {
    const valid = validateRegistration(r, routerConfig().allow_http_loopback);
    if (!valid.ok) return valid;
    if (Number(workers.len()) >= ROUTER_LIMITS.MAX_WORKERS) return err({ code: 'LimitExceeded', limit: 'workers', max: ROUTER_LIMITS.MAX_WORKERS });
    const w: Worker = { ...valid.value, id: padded('w', nextRouterSequence('worker')), owner, status: 'pending', created_ns: now_ns, reviewed_by: null };
    workers.insert(w.id, w);
    return ok(w);
}

export function getWorker(id: string): Result<Worker, RouterError> {
    const w = id.length <= ROUTER_LIMITS.MAX_ID_CHARS ? workers.get(id) : undefined;
    return w === undefined ? err({ code: 'NotFound', entity: 'worker', id }) : ok(w);
}

/** Curators approve, reject or suspend; an owner may only suspend its own worker. */
export function setWorkerStatus(id: string, status: WorkerStatus, actor: string, isCurator: boolean): Result<Worker, RouterError> {
    const found = getWorker(id);
    if (!found.ok) return found;
    const w = found.value;
    if (!isCurator && !(w.owner === actor && status === 'suspended')) {
        return err({ code: 'Unauthorized', reason: 'curators review workers; owners may only suspend their own' });
    }
    if (status === 'pending') return err({ code: 'InvalidInput', field: 'status', reason: 'a worker cannot be set back to pending' });
    const next: Worker = { ...w, status, reviewed_by: actor };
    workers.insert(id, next);
    return ok(next);
}

export function listWorkers(status: WorkerStatus | null, start: number, limit: number): { items: Worker[]; total: number } {
    const all = workers.values(0, ROUTER_LIMITS.MAX_WORKERS);
    const matching = status === null ? all : all.filter((w) => w.status === status);
    return { items: matching.slice(start, start + limit), total: matching.length };
}

export function approvedWorkers(): Worker[] {
    return workers.values(0, ROUTER_LIMITS.MAX_WORKERS).filter((w) => w.status === 'approved');
}
