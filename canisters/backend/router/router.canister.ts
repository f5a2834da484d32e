/**
 * The chat router's Candid API: chat, history and usage. Reads of one's own data need a signed-in caller;
 * anonymous callers cannot chat.
 */
import { IDL, msgArgData, msgCaller, query, update } from 'azle';

import { ROUTER_LIMITS as L } from '../../../src/shared/router/router.constants';
import { replyWith } from './candid-reply';
import { chat } from './chat.service';
import { deleteConversation, listConversations, messagePage, ownedConversation } from './history.service';
import { limitsOf, totals, usageOf } from './quota.service';
import { routeStats } from './router-stores';
import * as T from './router.idl';
import { fromWirePreference, opt, routerErr, unopt, wireRoute, wireUsage, type WirePreference, type WireResult } from './router-wire';

/** The signed-in caller's principal text, or the Unauthorized result to return. */
export function signedIn(): string | WireResult {
    const caller = msgCaller();
    if (caller.isAnonymous()) return routerErr({ code: 'Unauthorized', reason: 'anonymous callers cannot chat or keep history; sign in' });
    return caller.toText();
}

const pageLimit = (limit: [] | [number]): number => Math.max(1, Math.min(unopt(limit) ?? 20, L.MAX_PAGE));

type WireChatArgs = {
    conversation_id: [] | [string]; model: [] | [string]; task: [] | [string]; message: string; system: [] | [string];
    max_tokens: [] | [number]; temperature: [] | [number]; route: [] | [WirePreference];
};

const ChatResult = T.RouterResult(T.ChatReply);

export class RouterApi {
    /** Manual reply: encoded natively from Candid text (candid-reply.ts), about 80 M instructions cheaper. */
    @update([T.ChatArgs], ChatResult, { manual: true })
    async chat(): Promise<void> {
        replyWith(ChatResult, await this.doChat(IDL.decode([T.ChatArgs], msgArgData())[0] as unknown as WireChatArgs));
    }

    private async doChat(args: WireChatArgs): Promise<WireResult> {
        const who = signedIn();
        if (typeof who !== 'string') return who;
        const r = await chat(who, {
            conversation_id: unopt(args.conversation_id), model: unopt(args.model), task: unopt(args.task), message: args.message,
            system: unopt(args.system), max_tokens: unopt(args.max_tokens), temperature: unopt(args.temperature), preference: fromWirePreference(args.route)
        });
        if (!r.ok) return routerErr(r.error);
        return { Ok: { ...r.value, route: wireRoute(r.value.route) } };
    }

    @query([IDL.Opt(IDL.Nat32), IDL.Opt(IDL.Nat32)], T.RouterResult(T.ConversationPage))
    list_conversations(start: [] | [number], limit: [] | [number]): WireResult {
        const who = signedIn();
        if (typeof who !== 'string') return who;
        const page = listConversations(who, unopt(start) ?? 0, pageLimit(limit));
        return { Ok: { items: page.items.map(({ owner: _o, ...c }) => c), total: page.total } };
    }

    @query([IDL.Text, IDL.Opt(IDL.Nat32), IDL.Opt(IDL.Nat32)], T.RouterResult(IDL.Vec(T.StoredMessage)))
    get_messages(conversationId: string, start: [] | [number], limit: [] | [number]): WireResult {
        const who = signedIn();
        if (typeof who !== 'string') return who;
        const c = ownedConversation(who, conversationId);
        if (!c.ok) return routerErr(c.error);
        const from = unopt(start) ?? 0;
        return { Ok: messagePage(c.value, from, pageLimit(limit)).map((m, i) => ({ index: from + i, role: m.role, content: m.content, created_ns: m.created_ns, route_json: opt(m.route_json) })) };
    }

    @update([IDL.Text], T.RouterResult(IDL.Nat32))
    delete_conversation(conversationId: string): WireResult {
        const who = signedIn();
        if (typeof who !== 'string') return who;
        const r = deleteConversation(who, conversationId);
        return r.ok ? { Ok: r.value } : routerErr(r.error);
    }

    /** The caller's usage today, reservations in flight and limits. */
    @query([], T.RouterResult(T.UsageView))
    my_usage(): WireResult {
        const who = signedIn();
        if (typeof who !== 'string') return who;
        return { Ok: wireUsage(who, usageOf(who), limitsOf(who)) };
    }

    /** Aggregate usage over all principals and per route (open to everyone). */
    @query([], T.UsageTotals)
    usage_totals(): unknown {
        const t = totals();
        const routes = routeStats.items(0, L.MAX_WORKERS + 1).map(([target, s]) => ({
            target, requests: BigInt(s.requests), failures: BigInt(s.failures), input_tokens: BigInt(s.input_tokens), output_tokens: BigInt(s.output_tokens), cycles: s.cycles
        }));
        return { principals: t.principals, requests: BigInt(t.requests), tokens: BigInt(t.tokens), cycles: t.cycles, routes };
    }
}
