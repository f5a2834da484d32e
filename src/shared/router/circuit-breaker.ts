/**
 * Per-target circuit breaker (pure). Closed: calls go through and consecutive failures are counted. At the
 * threshold it opens: the target is skipped until the cool-down ends. Then it is half-open: exactly one trial
 * call is admitted (others keep skipping while it runs); success closes it, failure reopens it with a doubled
 * cool-down (capped). Times are whole seconds of IC time.
 */
import { BREAKER_DEFAULTS } from './router.constants';

export interface BreakerConfig {
    readonly failure_threshold: number;
    readonly cooldown_s: number;
    readonly max_cooldown_s: number;
}

export const DEFAULT_BREAKER: BreakerConfig = {
    failure_threshold: BREAKER_DEFAULTS.FAILURE_THRESHOLD,
    cooldown_s: BREAKER_DEFAULTS.COOLDOWN_S,
    max_cooldown_s: BREAKER_DEFAULTS.MAX_COOLDOWN_S
};

export interface BreakerState {
    readonly consecutive_failures: number;
    /** 0 when closed; otherwise the end of the current cool-down. */
    readonly open_until_s: number;
    readonly cooldown_s: number;
    /** While a half-open trial runs, others are refused until this time (the trial's own deadline). */
    readonly trial_until_s: number;
}

export const CLOSED: BreakerState = { consecutive_failures: 0, open_until_s: 0, cooldown_s: 0, trial_until_s: 0 };

export type BreakerPhase = 'closed' | 'open' | 'half_open';

export function phaseOf(s: BreakerState, now_s: number): BreakerPhase {
    if (s.open_until_s === 0) return 'closed';
    return now_s < s.open_until_s ? 'open' : 'half_open';
}

/** Whether a call may go to the target now, and the state to store if it does. */
export function admit(s: BreakerState, now_s: number, cfg: BreakerConfig): { admitted: boolean; state: BreakerState } {
    const phase = phaseOf(s, now_s);
    if (phase === 'closed') return { admitted: true, state: s };
    if (phase === 'open') return { admitted: false, state: s };
    if (now_s < s.trial_until_s) return { admitted: false, state: s };
    return { admitted: true, state: { ...s, trial_until_s: now_s + Math.max(s.cooldown_s, cfg.cooldown_s) } };
}

export function onSuccess(): BreakerState {
    return CLOSED;
}

export function onFailure(s: BreakerState, now_s: number, cfg: BreakerConfig): BreakerState {
    if (s.open_until_s !== 0) {
        // A failed half-open trial (or a late failure while open): back off harder.
        const cooldown = Math.min(Math.max(s.cooldown_s, cfg.cooldown_s) * 2, cfg.max_cooldown_s);
        return { consecutive_failures: s.consecutive_failures + 1, open_until_s: now_s + cooldown, cooldown_s: cooldown, trial_until_s: 0 };
    }
    const failures = s.consecutive_failures + 1;
    if (failures < cfg.failure_threshold) return { ...s, consecutive_failures: failures };
    return { consecutive_failures: failures, open_until_s: now_s + cfg.cooldown_s, cooldown_s: cfg.cooldown_s, trial_until_s: 0 };
}
