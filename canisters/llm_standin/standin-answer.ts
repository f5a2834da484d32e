/** The stand-in's deterministic "model" (pure; see index.ts for the rules). */
import type { ChatRequest, ChatResponse, JsonValue, ToolCall } from '../../src/shared/chat/index';

const TOOL_LINE = /^TOOL ([A-Za-z0-9_-]{1,64}) (\{.*\})\s*$/gm;
const SUMMARY_CHARS = 400;

export function answer(req: ChatRequest): ChatResponse {
    const msgs = req.messages;
    const last = msgs[msgs.length - 1];
    if (last?.role === 'tool') {
        const results: string[] = [];
        for (let i = msgs.length - 1; i >= 0 && msgs[i]?.role === 'tool'; i--) results.unshift((msgs[i]?.content ?? '').slice(0, SUMMARY_CHARS));
        return text(`stand-in summary of ${results.length} tool result(s): ${results.join(' | ')}`);
    }
    const user = [...msgs].reverse().find((m) => m.role === 'user')?.content ?? '';
    const calls: ToolCall[] = [];
    if ((req.tools ?? []).length > 0) {
        for (const m of user.matchAll(TOOL_LINE)) {
            try {
                const args = JSON.parse(m[2] as string) as Record<string, JsonValue>;
                calls.push({ id: `call_${calls.length}`, name: m[1] as string, arguments: args });
            } catch {
                // Not JSON: treated as plain text.
            }
        }
    }
    if (calls.length > 0) return { message: { role: 'assistant', content: null, toolCalls: calls }, finishReason: 'tool_calls', usage: null };
    const bytes = msgs.reduce((a, m) => a + (m.content?.length ?? 0), 0);
    return text(`stand-in reply (${req.model}, ${msgs.length} messages, ${bytes} prompt chars): ${user}`);
}

function text(content: string): ChatResponse {
    return { message: { role: 'assistant', content, toolCalls: [] }, finishReason: 'stop', usage: null };
}
