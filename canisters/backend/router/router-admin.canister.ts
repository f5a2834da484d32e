/** Controller-only router administration: configuration, per-principal limits, probes on demand. */
import { IDL, isController, msgCaller, Principal, query, update } from 'azle';

import { ROUTER_LIMITS as L } from '../../../src/shared/router/router.constants';
import { armRouterTimers, probeRound } from './health.service';
import { workerAuthPublicKey } from './worker-auth';
import { routerConfig, setRouterConfig, type RouterConfig } from './router-config';
import { quotas } from './router-stores';
import { limitsOf, usageOf } from './quota.service';
import * as T from './router.idl';
import { fromWireLimits, routerErr, unopt, wireLimits, wireUsage, type WireResult } from './router-wire';

const denied = (): WireResult | null => (isController(msgCaller()) ? null : routerErr({ code: 'Unauthorized', reason: 'controllers only' }));

type WireConfig = Omit<RouterConfig, 'llm_canister_id' | 'default_limits'> & { llm_canister_id: Principal; default_limits: Parameters<typeof fromWireLimits>[0] };

function checkConfig(c: WireConfig): string | null {
    if (c.llm_models.length > L.MAX_TASKS || c.llm_models.some((m) => m.length === 0 || m.length > L.MAX_NAME_CHARS)) return 'llm_models';
    if (c.tasks.length > L.MAX_TASKS || c.tasks.some((t) => t.task.length === 0 || t.task.length > L.MAX_NAME_CHARS || t.model.length === 0 || t.model.length > L.MAX_NAME_CHARS)) return 'tasks';
    if (!['key_1', 'test_key_1', 'dfx_test_key'].includes(c.schnorr_key_name)) return 'schnorr_key_name';
    if (c.subnet_size < 1 || c.subnet_size > 64) return 'subnet_size';
    if (c.breaker.failure_threshold < 1 || c.breaker.cooldown_s < 1 || c.breaker.max_cooldown_s < c.breaker.cooldown_s) return 'breaker';
    if (c.probe_interval_s < 10 || c.probe_interval_s > 86_400) return 'probe_interval_s';
    if (c.default_model.length === 0 || c.default_model.length > L.MAX_NAME_CHARS) return 'default_model';
    return null;
}

export class RouterAdminApi {
    @query([], T.RouterConfig)
    get_router_config(): unknown {
        const c = routerConfig();
        return { ...c, llm_canister_id: Principal.fromText(c.llm_canister_id), default_limits: wireLimits(c.default_limits) };
    }

    @update([T.RouterConfig], T.RouterResult(IDL.Null))
    set_router_config(c: WireConfig): WireResult {
        const no = denied();
        if (no !== null) return no;
        const bad = checkConfig(c);
        if (bad !== null) return routerErr({ code: 'InvalidInput', field: bad, reason: 'out of bounds (see docs/router.md)' });
        const intervalChanged = c.probe_interval_s !== routerConfig().probe_interval_s;
        setRouterConfig({ ...c, llm_canister_id: c.llm_canister_id.toText(), default_limits: fromWireLimits(c.default_limits) });
        if (intervalChanged) armRouterTimers();
        return { Ok: null };
    }

    /** Sets (or with null clears) one principal's limits. */
    @update([IDL.Principal, IDL.Opt(T.QuotaLimits)], T.RouterResult(T.UsageView))
    set_quota(p: Principal, limits: [] | [Parameters<typeof fromWireLimits>[0]]): WireResult {
        const no = denied();
        if (no !== null) return no;
        const l = unopt(limits);
        if (l === null) quotas.remove(p.toText());
        else if (Number(quotas.len()) >= L.MAX_QUOTA_OVERRIDES && !quotas.containsKey(p.toText())) return routerErr({ code: 'LimitExceeded', limit: 'quota overrides', max: L.MAX_QUOTA_OVERRIDES });
        else quotas.insert(p.toText(), fromWireLimits(l));
        return { Ok: wireUsage(p.toText(), usageOf(p.toText()), limitsOf(p.toText())) };
    }

    /** Any principal's usage, for controllers. */
    @query([IDL.Principal], T.RouterResult(T.UsageView))
    usage_of(p: Principal): WireResult {
        const no = denied();
        if (no !== null) return no;
        return { Ok: wireUsage(p.toText(), usageOf(p.toText()), limitsOf(p.toText())) };
    }

    /** One probe round now (the timer does this every probe_interval_s). */
    @update([], T.RouterResult(IDL.Nat32))
    async probe_workers(): Promise<WireResult> {
        const no = denied();
        if (no !== null) return no;
        return { Ok: await probeRound() };
    }

    /** The ed25519 public key workers verify tokens with (hex in docs/worker-protocol.md §2.2 `--canister-key`). */
    @update([], IDL.Vec(IDL.Nat8))
    async worker_auth_public_key(): Promise<Uint8Array> {
        return workerAuthPublicKey(routerConfig().schnorr_key_name);
    }
}
