/** One call to the LLM canister's v1_chat (outcalls.md §2): on-chain, free, no token counts. */
import { call, IDL } from 'azle';

import { decodeLlmCanisterResponse, encodeLlmCanisterRequest } from '../../../src/shared/chat/llm-canister';
import { llmCanisterIdl } from '../../../src/shared/chat/llm-canister.idl';
import type { ChatRequest } from '../../../src/shared/chat/types';
import { describeCallError } from './call-errors';
import type { TargetCallResult } from './target-call';

const { ChatRequestV1, ChatResponseV1 } = llmCanisterIdl(IDL as never);

export async function callLlmCanister(canisterId: string, req: ChatRequest): Promise<TargetCallResult> {
    const wire = encodeLlmCanisterRequest(req);
    if (!wire.ok) return { ok: false, outcome: 'malformed', detail: wire.error.message, cycles: 0n };
    let reply: unknown;
    try {
        reply = await call(canisterId, 'v1_chat', { paramIdlTypes: [ChatRequestV1 as never], returnIdlType: ChatResponseV1 as never, args: [wire.value] });
    } catch (e) {
        return { ok: false, ...describeCallError(e), cycles: 0n };
    }
    const decoded = decodeLlmCanisterResponse(reply, req.tools ?? []);
    if (!decoded.ok) return { ok: false, outcome: 'malformed', detail: `${decoded.error.path}: ${decoded.error.message}`, cycles: 0n };
    return { ok: true, response: decoded.value, cycles: 0n };
}
