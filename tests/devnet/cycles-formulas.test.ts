/**
 * Cycles formulas (pure): scaling by subnet size, execution fee, cost_call, freezing limit, liquid balance.
 */
import { describe, expect, it } from 'vitest';
import { callCost, executionCost, freezingLimit, idleCyclesPerDay, liquidBalance, scaleCost } from '../../src/devnet/core/cycles.js';

describe('cycles formulas', () => {
    it('fees are quoted for 13 nodes and scale linearly', () => {
        expect(scaleCost(1_300n, 13)).toBe(1_300n);
        expect(scaleCost(1_300n, 34)).toBe(3_400n);
    });

    it('an update costs 5 M base plus 0.4 cycles per instruction', () => {
        expect(executionCost(0n, 13)).toBe(5_000_000n);
        expect(executionCost(1_000_000n, 13)).toBe(5_400_000n);
    });

    it('cost_call is 260 k plus 1 k per byte of method name and payload', () => {
        expect(callCost(4n, 6n, 13)).toBe(270_000n);
    });

    it('the freezing limit is the idle burn over the threshold; liquid = balance − limit, never negative', () => {
        const gib = 1n << 30n;
        expect(idleCyclesPerDay(gib, 13)).toBe(127_000n * 86_400n);
        expect(freezingLimit(gib, 86_400n, 13)).toBe(127_000n * 86_400n);
        expect(liquidBalance(100n, 30n)).toBe(70n);
        expect(liquidBalance(10n, 30n)).toBe(0n);
    });
});
