/** One call to the LLM canister's v1_chat (outcalls.md §2): on-chain, free, no token counts. */
import { call, IDL } from 'azle';

import { decodeLlmCanisterResponse, encodeLlmCanisterRequest } from '../../../src/shared/chat/llm-canister';
import { llmCanisterIdl } from '../../../src/shared/chat/llm-canister.idl';
import type { ChatRequest } from '../../../src/shared/chat/types';
import { encodeArgs } from './candid-args';
import { describeCallError } from './call-errors';
import type { TargetCallResult } from './target-call';

const { ChatRequestV1, ChatResponseV1 } = llmCanisterIdl(IDL as never);

export async function callLlmCanister(canisterId: string, req: ChatRequest): Promise<TargetCallResult> {
    const wire = encodeLlmCanisterRequest(req);
    if (!wire.ok) return { ok: false, outcome: 'malformed', detail: wire.error.message, cycles: 0n };
    let reply: unknown;
    try {
        const raw = await call<Uint8Array, Uint8Array>(canisterId, 'v1_chat', { raw: true, args: encodeArgs('v1_chat', [ChatRequestV1 as never], [wire.value]) });
        reply = IDL.decode([ChatResponseV1 as never], raw)[0];
    } catch (e) {
        return { ok: false, ...describeCallError(e), cycles: 0n };
    }
    const decoded = decodeLlmCanisterResponse(reply, req.tools ?? []);
    if (!decoded.ok) return { ok: false, outcome: 'malformed', detail: `${decoded.error.path}: ${decoded.error.message}`, cycles: 0n };
    return { ok: true, response: decoded.value, cycles: 0n };
}
