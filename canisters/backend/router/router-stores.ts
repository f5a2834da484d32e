/**
 * The router's stable structures (memory ids 20‥26 reserved in storage/memory-ids.ts, 30+ added here).
 * Values are JSON through the integrator's cheap codecs (storage/json-serializable.ts), bigint-aware where
 * records carry cycles or nanoseconds.
 */
import { StableBTreeMap } from 'azle';

import type { BreakerState } from '../../../src/shared/router/circuit-breaker';
import type { HealthWindow } from '../../../src/shared/router/health-window';
import type { QuotaLimits, Usage } from '../../../src/shared/router/quota';
import type { Worker } from '../../../src/shared/router/router.types';
import { bigintJson, utf8Key } from '../storage/json-serializable';
import { MEMORY_IDS } from '../storage/memory-ids';

/** Memory ids beyond the reserved block; never renumber. */
export const ROUTER_EXTRA_MEMORY_IDS = { conversationIndex: MEMORY_IDS.conversationIndex, routeStats: MEMORY_IDS.routeStats } as const;

export interface Conversation {
    readonly id: string;
    readonly owner: string;
    readonly title: string;
    readonly created_ns: bigint;
    readonly updated_ns: bigint;
    /** Messages stored: their keys are `<id>:<0-padded index>` for 0 ≤ index < message_count. */
    readonly message_count: number;
}

export interface StoredMessage {
    readonly role: 'system' | 'user' | 'assistant';
    readonly content: string;
    readonly created_ns: bigint;
    /** The route that produced an assistant message, as JSON text (null for user messages). */
    readonly route_json: string | null;
}

export interface TargetHealth {
    readonly window: HealthWindow;
    readonly breaker: BreakerState;
}

export interface RouteStats {
    readonly requests: number;
    readonly failures: number;
    readonly input_tokens: number;
    readonly output_tokens: number;
    readonly cycles: bigint;
}

export const conversations = new StableBTreeMap<string, Conversation>(MEMORY_IDS.conversations, utf8Key, bigintJson);
export const messages = new StableBTreeMap<string, StoredMessage>(MEMORY_IDS.messages, utf8Key, bigintJson);
export const workers = new StableBTreeMap<string, Worker>(MEMORY_IDS.workers, utf8Key, bigintJson);
export const usage = new StableBTreeMap<string, Usage>(MEMORY_IDS.usage, utf8Key, bigintJson);
export const quotas = new StableBTreeMap<string, QuotaLimits>(MEMORY_IDS.quotas, utf8Key, bigintJson);
/** `config`, counters (`seq:*`), the cached worker-auth public key. */
export const routerMeta = new StableBTreeMap<string, unknown>(MEMORY_IDS.routerConfig, utf8Key, bigintJson);
/** `llm` or `w:<worker id>` → probe window and circuit breaker. */
export const targetHealth = new StableBTreeMap<string, TargetHealth>(MEMORY_IDS.workerHealth, utf8Key, bigintJson);
/** principal text → ids of its conversations, oldest first (bounded by MAX_CONVERSATIONS_PER_PRINCIPAL). */
export const conversationIndex = new StableBTreeMap<string, string[]>(ROUTER_EXTRA_MEMORY_IDS.conversationIndex, utf8Key, bigintJson);
/** target key → counters for the aggregate view. */
export const routeStats = new StableBTreeMap<string, RouteStats>(ROUTER_EXTRA_MEMORY_IDS.routeStats, utf8Key, bigintJson);

export function nextRouterSequence(name: string): bigint {
    const next = ((routerMeta.get(`seq:${name}`) as bigint | undefined) ?? 0n) + 1n;
    routerMeta.insert(`seq:${name}`, next);
    return next;
}

export function padded(prefix: string, n: bigint | number): string {
    return `${prefix}${n.toString().padStart(12, '0')}`;
}
