/** The agent's Candid API: `ask_agent`, a chat whose answers come from registry tools run in the canister. */
import { IDL, msgArgData, update } from 'azle';

import { replyWith } from '../router/candid-reply';
import { routeJson } from '../router/route-json';

import { signedIn } from '../router/router.canister';
import * as T from '../router/router.idl';
import { fromWirePreference, opt, routerErr, unopt, wireRoute, type WirePreference, type WireResult } from '../router/router-wire';
import { agentChat } from './agent.service';

const Citation = IDL.Record({ kind: IDL.Text, id: IDL.Text, name: IDL.Text });
const ToolTrace = IDL.Record({ name: IDL.Text, arguments_json: IDL.Text, ok: IDL.Bool, result_chars: IDL.Nat32 });
/** Each round's route as JSON text (the final one is typed in `reply.route`): keeps the reply natively encodable. */
const AgentRound = IDL.Record({ route_json: IDL.Text, tool_calls: IDL.Vec(ToolTrace), tool_instructions: IDL.Nat64 });
const AgentReply = IDL.Record({ reply: T.ChatReply, rounds: IDL.Vec(AgentRound), citations: IDL.Vec(Citation), stopped: IDL.Opt(IDL.Text) });
const AgentArgs = IDL.Record({ conversation_id: IDL.Opt(IDL.Text), model: IDL.Opt(IDL.Text), task: IDL.Opt(IDL.Text), message: IDL.Text, route: IDL.Opt(T.RoutePreference) });

const AgentResult = T.RouterResult(AgentReply);

type WireArgs = { conversation_id: [] | [string]; model: [] | [string]; task: [] | [string]; message: string; route: [] | [WirePreference] };

export class AgentApi {
    /** Manual reply, encoded natively (router/candid-reply.ts). */
    @update([AgentArgs], AgentResult, { manual: true })
    async ask_agent(): Promise<void> {
        replyWith(AgentResult, await this.ask(IDL.decode([AgentArgs], msgArgData())[0] as unknown as WireArgs));
    }

    private async ask(args: WireArgs): Promise<WireResult> {
        const who = signedIn();
        if (typeof who !== 'string') return who;
        const r = await agentChat(who, { conversation_id: unopt(args.conversation_id), model: unopt(args.model), task: unopt(args.task), message: args.message, preference: fromWirePreference(args.route) });
        if (!r.ok) return routerErr(r.error);
        const v = r.value;
        return {
            Ok: {
                reply: { ...v.reply, route: wireRoute(v.reply.route) },
                rounds: v.rounds.map((x) => ({ route_json: routeJson(x.route), tool_calls: x.tool_calls, tool_instructions: x.tool_instructions })),
                citations: v.citations,
                stopped: opt(v.stopped)
            }
        };
    }
}
