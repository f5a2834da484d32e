/**
 * StableMemory (pure): sparse pages, bounds, grow limit, and the copy-on-write journal used for rollback.
 */
import { describe, expect, it } from 'vitest';
import { StableMemory } from '../../src/devnet/core/stable-memory.js';
import { CanisterTrap } from '../../src/devnet/core/errors.js';

const PAGE = 65_536;

describe('StableMemory', () => {
    it('grows in pages, zero-filled, and refuses to pass the limit', () => {
        const m = new StableMemory();
        expect(m.grow(2n)).toBe(0n);
        expect(m.grow(1n, 3n)).toBe(2n);
        expect(m.grow(1n, 3n)).toBe(-1n);
        const out = new Uint8Array(8);
        m.read(BigInt(PAGE * 2 + 100), 8n, out);
        expect(out).toEqual(new Uint8Array(8));
    });

    it('writes and reads across page boundaries; out of bounds traps', () => {
        const m = new StableMemory();
        m.grow(2n);
        const data = Uint8Array.from({ length: 300 }, (_, i) => i % 251);
        m.write(BigInt(PAGE - 150), data);
        const out = new Uint8Array(300);
        m.read(BigInt(PAGE - 150), 300n, out);
        expect(out).toEqual(data);
        expect(() => m.write(BigInt(2 * PAGE - 1), new Uint8Array(2))).toThrow(CanisterTrap);
        expect(() => m.read(BigInt(2 * PAGE), 1n, new Uint8Array(1))).toThrow('stable memory out of bounds');
    });

    it('rollback restores content and size exactly; commit keeps them', () => {
        const m = new StableMemory();
        m.grow(1n);
        m.write(0n, new Uint8Array([1, 2, 3]));
        m.begin();
        m.write(1n, new Uint8Array([9]));
        m.grow(3n);
        m.write(BigInt(PAGE * 3), new Uint8Array([7]));
        m.rollback();
        const out = new Uint8Array(3);
        m.read(0n, 3n, out);
        expect(out).toEqual(new Uint8Array([1, 2, 3]));
        expect(m.size).toBe(1n);
        m.begin();
        m.write(0n, new Uint8Array([4]));
        m.commit();
        m.read(0n, 3n, out);
        expect(out).toEqual(new Uint8Array([4, 2, 3]));
    });

    it('clear inside a transaction is rolled back too', () => {
        const m = new StableMemory();
        m.grow(1n);
        m.write(0n, new Uint8Array([5]));
        m.begin();
        m.clear();
        expect(m.size).toBe(0n);
        m.rollback();
        const out = new Uint8Array(1);
        m.read(0n, 1n, out);
        expect(out).toEqual(new Uint8Array([5]));
    });
});
