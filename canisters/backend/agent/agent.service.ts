/**
 * The IC-hosted agent: a system prompt, registry tools executed inside the canister, and a bounded
 * tool-call loop over the router (every round is a routed, accounted generation). The final answer lists
 * the registry records the tools returned.
 */
import { performanceCounter, time } from 'azle';

import type { ChatMessage, ChatRequest, ToolCall } from '../../../src/shared/chat/types';
import { err, ok, type Result } from '../../../src/shared/result';
import type { RouterError } from '../../../src/shared/router/router-error';
import { ROUTER_LIMITS } from '../../../src/shared/router/router.constants';
import type { RoutePreference } from '../../../src/shared/router/router.types';
import { checkChatInput, historyMessages, resolveModel, storeUserMessage, type ChatReply } from '../router/chat.service';
import { appendMessage } from '../router/history.service';
import { routeJson } from '../router/route-json';
import { runRound, type RouteInfo } from '../router/route-round';
import { AGENT_TOOLS, executeTool, type Citation } from './agent-tools';

/** Generations per question: tool rounds plus the final answer. */
export const MAX_AGENT_ROUNDS = 4;
export const MAX_TOOL_CALLS_PER_ROUND = 4;
export const AGENT_MAX_TOKENS = 800;
export const MAX_CITATIONS = 24;

export const AGENT_SYSTEM_PROMPT = [
    'You are the DeAI Atlas assistant. Answer questions about AI hardware, runtimes and models from the registry only.',
    'Use the tools: search_registry to find ids, get_model for variants, search_hardware, fit, recommend_hardware and compare_hardware for facts.',
    'Never invent numbers or prices; if the registry has no data, say so. Cite the record ids you used.'
].join(' ');

export interface ToolTrace {
    readonly name: string;
    readonly arguments_json: string;
    readonly ok: boolean;
    readonly result_chars: number;
}

export interface AgentRound {
    readonly route: RouteInfo;
    readonly tool_calls: readonly ToolTrace[];
    readonly tool_instructions: bigint;
}

export interface AgentReply {
    readonly reply: ChatReply;
    readonly rounds: readonly AgentRound[];
    readonly citations: readonly Citation[];
    readonly stopped: string | null;
}

export interface AgentInput {
    readonly conversation_id: string | null;
    readonly model: string | null;
    readonly task: string | null;
    readonly message: string;
    readonly preference: RoutePreference;
}

function runTools(calls: readonly ToolCall[], cited: Map<string, Citation>): { messages: ChatMessage[]; traces: ToolTrace[]; instructions: bigint } {
    const start = performanceCounter(0);
    const messages: ChatMessage[] = [];
    const traces: ToolTrace[] = [];
    calls.forEach((c, i) => {
        const out = i < MAX_TOOL_CALLS_PER_ROUND ? executeTool(c.name, c.arguments) : { ok: false, content: `{"error":"at most ${MAX_TOOL_CALLS_PER_ROUND} tool calls per round"}`, citations: [] };
        for (const ci of out.citations) if (cited.size < MAX_CITATIONS) cited.set(`${ci.kind}/${ci.id}`, ci);
        messages.push({ role: 'tool', toolCallId: c.id, content: out.content });
        traces.push({ name: c.name, arguments_json: JSON.stringify(c.arguments).slice(0, 512), ok: out.ok, result_chars: out.content.length });
    });
    return { messages, traces, instructions: performanceCounter(0) - start };
}

function withSources(content: string, cited: Map<string, Citation>): string {
    if (cited.size === 0) return content;
    return `${content}\n\nRegistry records used: ${[...cited.values()].map((c) => `${c.kind}/${c.id} (${c.name})`).join('; ')}`;
}

export async function agentChat(caller: string, input: AgentInput): Promise<Result<AgentReply, RouterError>> {
    const bad = checkChatInput({ ...input, system: null, max_tokens: null, temperature: null });
    if (bad !== null) return err(bad);
    const model = resolveModel(input.model, input.task);
    if (!model.ok) return model;
    const conversation = storeUserMessage(caller, input.conversation_id, input.message);
    if (!conversation.ok) return conversation;
    const messages: ChatMessage[] = [{ role: 'system', content: AGENT_SYSTEM_PROMPT }, ...historyMessages(conversation.value)];
    const rounds: AgentRound[] = [];
    const cited = new Map<string, Citation>();
    for (let round = 1; ; round++) {
        const last = round === MAX_AGENT_ROUNDS;
        const req: ChatRequest = { model: model.value, messages, params: { maxTokens: AGENT_MAX_TOKENS, temperature: 0 }, ...(last ? {} : { tools: AGENT_TOOLS }) };
        const r = await runRound(caller, req, input.preference);
        if (!r.ok) return r;
        const { response, route } = r.value;
        const calls = response.message.toolCalls;
        if (calls.length === 0 || last) {
            rounds.push({ route, tool_calls: [], tool_instructions: 0n });
            const stopped = calls.length > 0 ? `stopped after ${MAX_AGENT_ROUNDS} rounds with tool calls pending` : null;
            const content = withSources(response.message.content ?? '', cited).slice(0, ROUTER_LIMITS.MAX_USER_MESSAGE_BYTES);
            const index = appendMessage(conversation.value.id, { role: 'assistant', content, created_ns: time(), route_json: routeJson(route) });
            if (!index.ok) return index;
            const reply: ChatReply = { conversation_id: conversation.value.id, message_index: index.value, content, finish_reason: response.finishReason, route };
            return ok({ reply, rounds, citations: [...cited.values()], stopped });
        }
        const tools = runTools(calls, cited);
        rounds.push({ route, tool_calls: tools.traces, tool_instructions: tools.instructions });
        messages.push({ role: 'assistant', content: response.message.content, toolCalls: calls.slice(0, MAX_TOOL_CALLS_PER_ROUND) }, ...tools.messages.slice(0, MAX_TOOL_CALLS_PER_ROUND));
    }
}
