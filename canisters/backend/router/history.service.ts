/**
 * Conversations per principal in stable memory. Only the owner lists, reads or deletes them; the user's
 * message is appended before any routing so no failure can lose it.
 */
import { err, ok, type Result } from '../../../src/shared/result';
import type { RouterError } from '../../../src/shared/router/router-error';
import { ROUTER_LIMITS } from '../../../src/shared/router/router.constants';
import { conversationIndex, conversations, messages, nextRouterSequence, padded, type Conversation, type StoredMessage } from './router-stores';

const messageKey = (conversationId: string, index: number): string => `${conversationId}:${index.toString().padStart(6, '0')}`;

/** The caller's conversation, or NotFound (also for someone else's: ids are not secrets, contents are). */
export function ownedConversation(owner: string, id: string): Result<Conversation, RouterError> {
    const c = id.length <= ROUTER_LIMITS.MAX_ID_CHARS ? conversations.get(id) : undefined;
    if (c === undefined || c.owner !== owner) return err({ code: 'NotFound', entity: 'conversation', id });
    return ok(c);
}

export function createConversation(owner: string, title: string, now_ns: bigint): Result<Conversation, RouterError> {
    const ids = conversationIndex.get(owner) ?? [];
    if (ids.length >= ROUTER_LIMITS.MAX_CONVERSATIONS_PER_PRINCIPAL) {
        return err({ code: 'LimitExceeded', limit: 'conversations per principal (delete some)', max: ROUTER_LIMITS.MAX_CONVERSATIONS_PER_PRINCIPAL });
    }
    const id = padded('c', nextRouterSequence('conversation'));
    const c: Conversation = { id, owner, title: Array.from(title).slice(0, ROUTER_LIMITS.MAX_TITLE_CHARS).join(''), created_ns: now_ns, updated_ns: now_ns, message_count: 0 };
    conversations.insert(id, c);
    conversationIndex.insert(owner, [...ids, id]);
    return ok(c);
}

/** Appends one message; returns its index. */
export function appendMessage(conversationId: string, m: StoredMessage): Result<number, RouterError> {
    const c = conversations.get(conversationId);
    if (c === undefined) return err({ code: 'NotFound', entity: 'conversation', id: conversationId });
    if (c.message_count >= ROUTER_LIMITS.MAX_MESSAGES_PER_CONVERSATION) {
        return err({ code: 'LimitExceeded', limit: 'messages per conversation (start a new one)', max: ROUTER_LIMITS.MAX_MESSAGES_PER_CONVERSATION });
    }
    messages.insert(messageKey(conversationId, c.message_count), m);
    conversations.insert(conversationId, { ...c, message_count: c.message_count + 1, updated_ns: m.created_ns });
    return ok(c.message_count);
}

/** Messages [start, start + limit) of a conversation. */
export function messagePage(c: Conversation, start: number, limit: number): StoredMessage[] {
    const out: StoredMessage[] = [];
    for (let i = start; i < Math.min(c.message_count, start + limit); i++) {
        const m = messages.get(messageKey(c.id, i));
        if (m !== undefined) out.push(m);
    }
    return out;
}

/** The newest `max` messages, oldest first. */
export function recentMessages(c: Conversation, max: number): StoredMessage[] {
    return messagePage(c, Math.max(0, c.message_count - max), max);
}

export function listConversations(owner: string, start: number, limit: number): { items: Conversation[]; total: number } {
    const ids = conversationIndex.get(owner) ?? [];
    // Newest first.
    const page = ids.slice().reverse().slice(start, start + limit);
    return { items: page.map((id) => conversations.get(id)).filter((c): c is Conversation => c !== undefined), total: ids.length };
}

export function deleteConversation(owner: string, id: string): Result<number, RouterError> {
    const owned = ownedConversation(owner, id);
    if (!owned.ok) return owned;
    for (let i = 0; i < owned.value.message_count; i++) messages.remove(messageKey(id, i));
    conversations.remove(id);
    const ids = (conversationIndex.get(owner) ?? []).filter((x) => x !== id);
    if (ids.length === 0) conversationIndex.remove(owner);
    else conversationIndex.insert(owner, ids);
    return ok(owned.value.message_count);
}
