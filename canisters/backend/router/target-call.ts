/** What calling one target produced: the response, or a classified failure, and the cycles it spent. */
import type { ChatResponse } from '../../../src/shared/chat/types';
import type { AttemptOutcome } from '../../../src/shared/router/router.types';

export type TargetCallResult =
    | { readonly ok: true; readonly response: ChatResponse; readonly cycles: bigint }
    | { readonly ok: false; readonly outcome: AttemptOutcome; readonly detail: string; readonly cycles: bigint };
