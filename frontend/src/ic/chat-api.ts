/** Router and agent calls for the chat page. Transport failures become a message; router errors keep their variant. */
import type { BackendActor } from './backend-actor';
import { describeRouterError, routeFromJson, routeLabel, routePreference, type RouteLabel, type RoutePick } from '../model/chat-view';
import { describeError, transportError } from './api-error';

export type ChatOutcome<T> = { ok: true; value: T } | { ok: false; message: string; code: string };

async function run<T>(f: () => Promise<{ Ok: T } | { Err: object }>): Promise<ChatOutcome<T>> {
    try {
        const r = await f();
        if ('Ok' in r) return { ok: true, value: r.Ok };
        return { ok: false, message: describeRouterError(r.Err as Record<string, unknown>), code: Object.keys(r.Err)[0] ?? 'Unknown' };
    } catch (e) {
        return { ok: false, message: describeError(transportError(e)), code: 'Transport' };
    }
}

export interface Conversation { id: string; title: string; message_count: number; updated_ns: bigint }
export interface StoredMessage { index: number; role: string; content: string; created_ns: bigint; route: RouteLabel | null }
export interface Citation { kind: string; id: string; name: string }
export interface AgentAnswer { conversationId: string; content: string; route: RouteLabel; citations: Citation[]; rounds: number; stopped: string | null }
export interface Usage { requests: number; tokens: bigint; cycles: bigint; limits: { requests_per_day: number; tokens_per_day: bigint; cycles_per_day: bigint } }
export interface WorkerChoice { id: string; models: string[]; url: string }

/** Bounded listing sizes (the router's MAX_PAGE is 100). */
export const CONVERSATIONS_PAGE = 50;
export const MESSAGES_PAGE = 100;

export const listConversations = (a: BackendActor) =>
    run(() => a.list_conversations([], [CONVERSATIONS_PAGE])).then((r) => (r.ok ? { ...r, value: r.value.items as Conversation[] } : r));

export async function getMessages(a: BackendActor, id: string): Promise<ChatOutcome<StoredMessage[]>> {
    const r = await run(() => a.get_messages(id, [], [MESSAGES_PAGE]));
    if (!r.ok) return r;
    return { ok: true, value: r.value.map((m) => ({ index: m.index, role: m.role, content: m.content, created_ns: m.created_ns, route: routeFromJson(m.route_json[0] ?? null) })) };
}

export async function askAgent(a: BackendActor, args: { conversationId: string | null; message: string; model: string | null; route: RoutePick }): Promise<ChatOutcome<AgentAnswer>> {
    const r = await run(() => a.ask_agent({
        conversation_id: args.conversationId === null ? [] : [args.conversationId], model: args.model === null ? [] : [args.model], task: [],
        message: args.message, route: routePreference(args.route) as never,
    }));
    if (!r.ok) return r;
    const v = r.value;
    return {
        ok: true,
        value: { conversationId: v.reply.conversation_id, content: v.reply.content, route: routeLabel(v.reply.route as unknown as Record<string, unknown>), citations: v.citations, rounds: v.rounds.length, stopped: v.stopped[0] ?? null },
    };
}

export async function myUsage(a: BackendActor): Promise<ChatOutcome<Usage>> {
    const r = await run(() => a.my_usage());
    return r.ok ? { ok: true, value: { requests: r.value.requests, tokens: r.value.tokens, cycles: r.value.cycles, limits: r.value.limits } } : r;
}

export async function approvedWorkers(a: BackendActor): Promise<WorkerChoice[]> {
    try {
        const page = await a.list_workers([{ approved: null }], [], [100]);
        return page.items.map((w) => ({ id: w.id, url: w.url, models: w.models.map((m) => m.name) }));
    } catch {
        return [];
    }
}

export async function deleteConversation(a: BackendActor, id: string): Promise<ChatOutcome<number>> {
    return run(() => a.delete_conversation(id));
}
