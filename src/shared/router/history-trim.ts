/**
 * Fitting a conversation into a target's limits (pure). The router never truncates silently: it either
 * routes to a target with room, or trims whole oldest turns here and reports what it dropped.
 */
import { LLM_CANISTER_LIMITS } from '../chat/llm-canister-limits';
import type { ChatMessage } from '../chat/types';
import { maxInputTokens } from './quota';
import { utf8Length } from './utf8-native';

export interface Trimmed {
    readonly messages: readonly ChatMessage[];
    readonly dropped_messages: number;
    readonly dropped_bytes: number;
}

/** Prompt bytes as the LLM canister counts them (llm-canister-limits.ts), with native UTF-8 lengths. */
export function messageBytes(m: ChatMessage): number {
    let n = m.content === null ? 0 : utf8Length(m.content);
    if (m.role === 'assistant') for (const c of m.toolCalls) n += utf8Length(c.name) + utf8Length(JSON.stringify(c.arguments));
    return n;
}

export function promptBytes(messages: readonly ChatMessage[]): number {
    let n = 0;
    for (const m of messages) n += messageBytes(m);
    return n;
}

/**
 * Keeps every system message and the newest other messages within `maxMessages` and `maxBytes`, dropping
 * whole turns from the oldest end (a tool result is never kept without the call before it). Null when even
 * the system messages plus the last message do not fit.
 */
export function trimHistory(messages: readonly ChatMessage[], maxMessages: number, maxBytes: number): Trimmed | null {
    const system = messages.filter((m) => m.role === 'system');
    const rest = messages.filter((m) => m.role !== 'system');
    let count = system.length;
    let bytes = system.reduce((a, m) => a + messageBytes(m), 0);
    let keepFrom = rest.length;
    for (let i = rest.length - 1; i >= 0; i--) {
        const b = messageBytes(rest[i] as ChatMessage);
        if (count + 1 > maxMessages || bytes + b > maxBytes) break;
        count += 1;
        bytes += b;
        keepFrom = i;
    }
    if (keepFrom === rest.length && rest.length > 0) return null;
    while (keepFrom < rest.length && rest[keepFrom]?.role === 'tool') keepFrom += 1;
    if (keepFrom === rest.length && rest.length > 0) return null;
    const kept = rest.slice(keepFrom);
    const dropped = rest.slice(0, keepFrom);
    return {
        messages: [...system, ...kept],
        dropped_messages: dropped.length,
        dropped_bytes: dropped.reduce((a, m) => a + messageBytes(m), 0)
    };
}

export function fitsLlmCanister(messages: readonly ChatMessage[]): boolean {
    return messages.length <= LLM_CANISTER_LIMITS.MAX_MESSAGES && promptBytes(messages) <= LLM_CANISTER_LIMITS.MAX_PROMPT_BYTES;
}

export function trimForLlmCanister(messages: readonly ChatMessage[]): Trimmed | null {
    return trimHistory(messages, LLM_CANISTER_LIMITS.MAX_MESSAGES, LLM_CANISTER_LIMITS.MAX_PROMPT_BYTES);
}

/** Pessimistic prompt tokens (for quotas) and a typical estimate (~3 bytes per token, for context fit). */
export function promptTokens(messages: readonly ChatMessage[]): { max: number; estimate: number } {
    const bytes = promptBytes(messages);
    return { max: maxInputTokens(bytes, messages.length), estimate: Math.ceil(bytes / 3) + 8 * messages.length };
}
