import { describe, expect, it } from 'vitest';

import type { ChatMessage } from '../../../src/shared/chat/types';
import { fitsLlmCanister, promptBytes, promptTokens, trimForLlmCanister, trimHistory } from '../../../src/shared/router/history-trim';

const user = (content: string): ChatMessage => ({ role: 'user', content });
const bot = (content: string): ChatMessage => ({ role: 'assistant', content, toolCalls: [] });

describe('history trimming', () => {
    it('keeps system messages and the newest turns within the message limit', () => {
        const msgs: ChatMessage[] = [{ role: 'system', content: 'sys' }, ...Array.from({ length: 12 }, (_, i) => (i % 2 ? bot(`b${i}`) : user(`u${i}`)))];
        const t = trimForLlmCanister(msgs);
        expect(t?.messages).toHaveLength(10);
        expect(t?.messages[0]).toEqual({ role: 'system', content: 'sys' });
        expect(t?.messages[1]).toEqual(bot('b3'));
        expect(t).toMatchObject({ dropped_messages: 3, dropped_bytes: 6 });
    });

    it('respects the byte limit in UTF-8 bytes and never starts with an orphan tool result', () => {
        const msgs: ChatMessage[] = [user('é'.repeat(3000)), { role: 'assistant', content: null, toolCalls: [{ id: 'c', name: 't', arguments: {} }] }, { role: 'tool', toolCallId: 'c', content: 'x'.repeat(5000) }, user('q')];
        expect(promptBytes(msgs)).toBe(6000 + 3 + 5000 + 1);
        expect(trimHistory(msgs, 10, 5010)?.messages).toEqual(msgs.slice(1)); // the call stays with its result
        const t = trimHistory(msgs, 10, 5002);
        expect(t?.messages).toEqual([user('q')]); // a result without its call is dropped too
        expect(trimHistory([user('x'.repeat(20_000))], 10, 10_240)).toBeNull();
    });

    it('decides fit and estimates tokens', () => {
        expect(fitsLlmCanister([user('hi')])).toBe(true);
        expect(fitsLlmCanister([user('x'.repeat(10_241))])).toBe(false);
        expect(promptTokens([user('abcdef')])).toEqual({ max: 14, estimate: 10 });
    });
});
