/** Controller-set router configuration, stored in stable memory with defaults for every field. */
import { LLM_CANISTER_ID } from '../../../src/shared/chat/llm-canister.idl';
import { LLM_CANISTER_MODELS } from '../../../src/shared/chat/llm-canister-limits';
import { DEFAULT_BREAKER, type BreakerConfig } from '../../../src/shared/router/circuit-breaker';
import { DEFAULT_LIMITS, type QuotaLimits } from '../../../src/shared/router/quota';
import { HEALTH } from '../../../src/shared/router/router.constants';
import { routerMeta } from './router-stores';

export interface TaskRoute {
    readonly task: string;
    readonly model: string;
}

export interface RouterConfig {
    readonly llm_canister_id: string;
    readonly llm_enabled: boolean;
    readonly llm_models: readonly string[];
    /** Threshold key for worker tokens: `key_1` on mainnet, `test_key_1`, or `dfx_test_key` locally. */
    readonly schnorr_key_name: string;
    /** Allow `http://127.0.0.1…` worker URLs (local networks only; mainnet outcalls need https). */
    readonly allow_http_loopback: boolean;
    /** Nodes of this canister's subnet: scales outcall fees. */
    readonly subnet_size: number;
    readonly default_limits: QuotaLimits;
    readonly breaker: BreakerConfig;
    readonly default_model: string;
    readonly tasks: readonly TaskRoute[];
    readonly probe_interval_s: number;
}

/** dfx.json lists LLM_CANISTER_ID in the backend's `custom.env`: a build-time override of the default (azle.md §1.10). */
const BUILD_LLM_CANISTER_ID = typeof process !== 'undefined' ? process.env['LLM_CANISTER_ID'] : undefined;

export const DEFAULT_CONFIG: RouterConfig = {
    llm_canister_id: BUILD_LLM_CANISTER_ID !== undefined && BUILD_LLM_CANISTER_ID !== '' ? BUILD_LLM_CANISTER_ID : LLM_CANISTER_ID,
    llm_enabled: true,
    llm_models: [...LLM_CANISTER_MODELS],
    schnorr_key_name: 'key_1',
    allow_http_loopback: false,
    subnet_size: 13,
    default_limits: DEFAULT_LIMITS,
    breaker: DEFAULT_BREAKER,
    default_model: 'llama3.1:8b',
    tasks: [
        { task: 'chat', model: 'llama3.1:8b' },
        { task: 'reasoning', model: 'qwen3:32b' }
    ],
    probe_interval_s: HEALTH.PROBE_INTERVAL_S
};

let cached: RouterConfig | null = null;

export function routerConfig(): RouterConfig {
    if (cached === null) cached = { ...DEFAULT_CONFIG, ...((routerMeta.get('config') as Partial<RouterConfig> | undefined) ?? {}) };
    return cached;
}

export function setRouterConfig(c: RouterConfig): void {
    routerMeta.insert('config', c);
    cached = c;
}
