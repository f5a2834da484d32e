/**
 * The `chat` flow: validate, store the user's message (before anything can fail), load the history, route
 * one generation, store the answer with its route.
 */
import { time } from 'azle';

import type { ChatMessage, ChatRequest } from '../../../src/shared/chat/types';
import { err, ok, type Result } from '../../../src/shared/result';
import { invalid, type RouterError } from '../../../src/shared/router/router-error';
import { ROUTER_LIMITS as L } from '../../../src/shared/router/router.constants';
import type { RoutePreference } from '../../../src/shared/router/router.types';
import { utf8Length } from '../../../src/shared/router/utf8-native';
import { appendMessage, createConversation, ownedConversation, recentMessages } from './history.service';
import { routerConfig } from './router-config';
import type { Conversation } from './router-stores';
import { runRound, type RouteInfo } from './route-round';
import { routeJson } from './route-json';

export interface ChatInput {
    readonly conversation_id: string | null;
    readonly model: string | null;
    readonly task: string | null;
    readonly message: string;
    readonly system: string | null;
    readonly max_tokens: number | null;
    readonly temperature: number | null;
    readonly preference: RoutePreference;
}

export interface ChatReply {
    readonly conversation_id: string;
    readonly message_index: number;
    readonly content: string;
    readonly finish_reason: string;
    readonly route: RouteInfo;
}

export function checkChatInput(i: ChatInput): RouterError | null {
    const bytes = utf8Length(i.message);
    if (bytes === 0) return invalid('message', 'must not be empty');
    if (bytes > L.MAX_USER_MESSAGE_BYTES) return { code: 'InputTooLong', field: 'message', limit: L.MAX_USER_MESSAGE_BYTES, actual: bytes };
    if (i.system !== null && utf8Length(i.system) > L.MAX_SYSTEM_PROMPT_BYTES) return { code: 'InputTooLong', field: 'system', limit: L.MAX_SYSTEM_PROMPT_BYTES, actual: utf8Length(i.system) };
    if (i.max_tokens !== null && (!Number.isInteger(i.max_tokens) || i.max_tokens < 1 || i.max_tokens > L.MAX_OUTPUT_TOKENS)) return invalid('max_tokens', `1‥${L.MAX_OUTPUT_TOKENS}`);
    if (i.temperature !== null && !(i.temperature >= 0 && i.temperature <= 2)) return invalid('temperature', '0‥2');
    if (i.model !== null && (i.model.length === 0 || i.model.length > L.MAX_NAME_CHARS)) return invalid('model', `1‥${L.MAX_NAME_CHARS} characters`);
    if (i.task !== null && i.task.length > L.MAX_NAME_CHARS) return invalid('task', `at most ${L.MAX_NAME_CHARS} characters`);
    return null;
}

export function resolveModel(model: string | null, task: string | null): Result<string, RouterError> {
    if (model !== null) return ok(model);
    const cfg = routerConfig();
    if (task === null) return ok(cfg.default_model);
    const t = cfg.tasks.find((x) => x.task === task);
    return t === undefined ? err(invalid('task', `unknown task; known: ${cfg.tasks.map((x) => x.task).join(', ')}`)) : ok(t.model);
}

/** Opens or continues the caller's conversation and stores the user's message in it. */
export function storeUserMessage(owner: string, conversationId: string | null, text: string): Result<Conversation, RouterError> {
    const now = time();
    const c = conversationId === null ? createConversation(owner, text, now) : ownedConversation(owner, conversationId);
    if (!c.ok) return c;
    const appended = appendMessage(c.value.id, { role: 'user', content: text, created_ns: now, route_json: null });
    if (!appended.ok) return appended;
    return ownedConversation(owner, c.value.id);
}

/** History as canonical messages, newest last, within the history bounds. */
export function historyMessages(c: Conversation): ChatMessage[] {
    const stored = recentMessages(c, L.MAX_HISTORY_MESSAGES);
    const out: ChatMessage[] = [];
    let bytes = 0;
    for (let i = stored.length - 1; i >= 0; i--) {
        const m = stored[i]!;
        bytes += utf8Length(m.content);
        if (bytes > L.MAX_HISTORY_BYTES && out.length > 0) break;
        out.unshift(m.role === 'assistant' ? { role: 'assistant', content: m.content, toolCalls: [] } : { role: m.role, content: m.content });
    }
    return out;
}

export async function chat(caller: string, input: ChatInput): Promise<Result<ChatReply, RouterError>> {
    const bad = checkChatInput(input);
    if (bad !== null) return err(bad);
    const model = resolveModel(input.model, input.task);
    if (!model.ok) return model;
    const conversation = storeUserMessage(caller, input.conversation_id, input.message);
    if (!conversation.ok) return conversation;
    const system: ChatMessage[] = input.system === null ? [] : [{ role: 'system', content: input.system }];
    const params = input.temperature === null ? { maxTokens: input.max_tokens ?? L.DEFAULT_OUTPUT_TOKENS } : { maxTokens: input.max_tokens ?? L.DEFAULT_OUTPUT_TOKENS, temperature: input.temperature };
    const request: ChatRequest = { model: model.value, messages: [...system, ...historyMessages(conversation.value)], params };
    const round = await runRound(caller, request, input.preference);
    if (!round.ok) return round;
    const content = round.value.response.message.content ?? '';
    const index = appendMessage(conversation.value.id, { role: 'assistant', content, created_ns: time(), route_json: routeJson(round.value.route) });
    if (!index.ok) return index;
    return ok({ conversation_id: conversation.value.id, message_index: index.value, content, finish_reason: round.value.response.finishReason, route: round.value.route });
}
