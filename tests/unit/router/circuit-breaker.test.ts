import { describe, expect, it } from 'vitest';

import { admit, CLOSED, onFailure, onSuccess, phaseOf, type BreakerConfig } from '../../../src/shared/router/circuit-breaker';

const cfg: BreakerConfig = { failure_threshold: 2, cooldown_s: 60, max_cooldown_s: 200 };

describe('circuit breaker', () => {
    it('opens at the threshold of consecutive failures, not before', () => {
        const one = onFailure(CLOSED, 100, cfg);
        expect(phaseOf(one, 100)).toBe('closed');
        const two = onFailure(one, 101, cfg);
        expect(phaseOf(two, 101)).toBe('open');
        expect(two.open_until_s).toBe(161);
        expect(admit(two, 160, cfg).admitted).toBe(false);
    });

    it('admits exactly one half-open trial after the cool-down', () => {
        const open = onFailure(onFailure(CLOSED, 0, cfg), 0, cfg);
        const first = admit(open, 60, cfg);
        expect(first.admitted).toBe(true);
        expect(admit(first.state, 61, cfg).admitted).toBe(false); // the trial is still running
        expect(admit(first.state, 121, cfg).admitted).toBe(true); // the trial's deadline passed
    });

    it('doubles the cool-down on a failed trial up to the cap, and closes on success', () => {
        let s = onFailure(onFailure(CLOSED, 0, cfg), 0, cfg);
        s = onFailure(admit(s, 60, cfg).state, 60, cfg);
        expect(s.open_until_s).toBe(180);
        s = onFailure(admit(s, 180, cfg).state, 180, cfg);
        expect(s.cooldown_s).toBe(200);
        expect(onSuccess()).toEqual(CLOSED);
    });
});
