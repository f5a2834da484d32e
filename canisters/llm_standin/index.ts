/**
 * Stand-in for DFINITY's LLM canister (`w36hm-eqaaa-aaaal-qr76a-cai`, /work/shared/candid/llm.did) for local
 * networks and devnet tests: same `v1_chat`/`v0_chat` interface and documented limits (10 messages, 10 KiB
 * prompt, three models: outcalls.md §2), deterministic answers instead of a model:
 * - a conversation ending in tool results → "stand-in summary of N tool result(s): <first 400 chars of each>";
 * - a user turn with lines `TOOL <name> <json object>` (and tools offered) → those tool calls;
 * - otherwise → `stand-in reply (<model>, <n> messages, <bytes> prompt bytes): <last user text>`.
 * Over-limit requests trap (the caller sees a reject), as limits are enforced by the real canister.
 */
import { IDL, query, trap, update } from 'azle';

import { checkLlmCanisterLimits } from '../../src/shared/chat/llm-canister-limits';
import { llmCanisterIdl } from '../../src/shared/chat/llm-canister.idl';
import { decodeLlmCanisterRequest, encodeLlmCanisterResponse } from '../../src/shared/chat/llm-canister-server';
import type { ChatRequest, ChatResponse, ToolCall } from '../../src/shared/chat/types';
import { answer } from './standin-answer';

const L = llmCanisterIdl(IDL as never);

let calls = 0n;

function respond(req: ChatRequest): ChatResponse {
    const limits = checkLlmCanisterLimits(req);
    if (!limits.ok) trap(`LLM canister limit: ${limits.error.message}`);
    calls += 1n;
    return answer(req);
}

export default class LlmStandin {
    @update([L.ChatRequestV1 as never], L.ChatResponseV1 as never)
    v1_chat(wire: unknown): unknown {
        const req = decodeLlmCanisterRequest(wire);
        if (!req.ok) trap(`invalid request: ${req.error.path}: ${req.error.message}`);
        return encodeLlmCanisterResponse(respond(req.value));
    }

    @update([L.ChatRequestV0 as never], IDL.Text)
    v0_chat(wire: { model: string; messages: { content: string; role: object }[] }): string {
        const messages = wire.messages.map((m) => ({ role: Object.keys(m.role)[0] as 'user', content: m.content }));
        return respond({ model: wire.model, messages, params: { maxTokens: 1000 } }).message.content ?? '';
    }

    /** How many chats were answered since the last install or upgrade (tests check routing with it). */
    @query([], IDL.Nat64)
    calls(): bigint {
        return calls;
    }
}

export type { ToolCall };
