/** Classifies a rejected inter-canister call (Azle rejects with a plain object, azle.md §1.6). */
import type { AttemptOutcome } from '../../../src/shared/router/router.types';
import { ROUTER_LIMITS } from '../../../src/shared/router/router.constants';

/** IC reject codes (interface spec "Reject codes"). */
const SYS_FATAL = 1;

export function describeCallError(e: unknown): { outcome: AttemptOutcome; detail: string } {
    const o = (typeof e === 'object' && e !== null ? e : {}) as { type?: string; rejectCode?: number; rejectMessage?: string; message?: string };
    const message = String(o.rejectMessage ?? o.message ?? e).slice(0, ROUTER_LIMITS.MAX_ERROR_TEXT_CHARS);
    const code = o.rejectCode;
    if (/No consensus could be reached/i.test(message)) return { outcome: 'consensus_failure', detail: message };
    if (/timeout|timed out|deadline/i.test(message) || (code === SYS_FATAL && /expired/i.test(message))) return { outcome: 'timeout', detail: message };
    const kind = o.type === 'CallRejected' ? `reject code ${code}` : o.type ?? 'error';
    return { outcome: 'rejected', detail: `${kind}: ${message}` };
}
