import { describe, it, expect } from 'vitest';
import { IdempotencyStore } from '../../src/worker/dedupe/idempotency-store';
import { KeyedSemaphore } from '../../src/worker/dedupe/keyed-semaphore';
import type { Clock, WorkerResponse } from '../../src/worker';

function manualClock(): Clock & { advance(ms: number): void } {
    let now = 0;
    return { nowMs: () => now, unixSeconds: () => Math.floor(now / 1000), advance: (ms) => void (now += ms) };
}
const ok = (text: string, status = 200): WorkerResponse => ({ status, headers: {}, body: new TextEncoder().encode(text) });

describe('IdempotencyStore', () => {
    it('coalesces concurrent runs of one key into one producer call', async () => {
        const store = new IdempotencyStore({ clock: manualClock(), ttlMs: 1000, maxEntries: 10, maxBytes: 1e6 });
        let calls = 0;
        let release!: () => void;
        const gate = new Promise<void>((r) => (release = r));
        const produce = async () => {
            calls++;
            await gate;
            return ok('answer');
        };
        const runs = [store.run('k', 'h', produce), store.run('k', 'h', produce), store.run('k', 'h', produce)];
        expect(store.size.pending).toBe(1);
        release();
        const results = await Promise.all(runs);
        expect(calls).toBe(1);
        expect(results.map((r) => r.outcome)).toEqual(['miss', 'coalesced', 'coalesced']);
        expect(new Set(results.map((r) => r.response)).size).toBe(1);
    });

    it('replays within the TTL and regenerates after it', async () => {
        const clock = manualClock();
        const store = new IdempotencyStore({ clock, ttlMs: 1000, maxEntries: 10, maxBytes: 1e6 });
        let calls = 0;
        const produce = async () => ok(`answer ${++calls}`);
        await store.run('k', 'h', produce);
        clock.advance(999);
        expect((await store.run('k', 'h', produce)).outcome).toBe('hit');
        clock.advance(2);
        expect((await store.run('k', 'h', produce)).outcome).toBe('miss');
        expect(calls).toBe(2);
    });

    it('does not cache errors, and shares a thrown error with waiting copies', async () => {
        const store = new IdempotencyStore({ clock: manualClock(), ttlMs: 1000, maxEntries: 10, maxBytes: 1e6 });
        await store.run('k', 'h', async () => ok('fail', 502));
        expect((await store.run('k', 'h', async () => ok('fine'))).outcome).toBe('miss');
        const boom = async () => {
            await new Promise((r) => setTimeout(r, 10));
            throw new Error('boom');
        };
        const both = [store.run('x', 'h', boom), store.run('x', 'h', boom)];
        for (const p of both) await expect(p).rejects.toThrow('boom');
        expect(store.size).toEqual({ entries: 1, bytes: expect.any(Number), pending: 0 });
    });

    it('reports a conflict for the same key with another body hash', async () => {
        const store = new IdempotencyStore({ clock: manualClock(), ttlMs: 1000, maxEntries: 10, maxBytes: 1e6 });
        await store.run('k', 'h1', async () => ok('a'));
        expect(await store.run('k', 'h2', async () => ok('b'))).toEqual({ outcome: 'conflict' });
    });

    it('evicts the oldest entries beyond maxEntries and maxBytes', async () => {
        const store = new IdempotencyStore({ clock: manualClock(), ttlMs: 1e9, maxEntries: 3, maxBytes: 1e6 });
        for (let i = 0; i < 5; i++) await store.run(`k${i}`, 'h', async () => ok(`v${i}`));
        expect(store.size.entries).toBe(3);
        expect((await store.run('k0', 'h', async () => ok('new'))).outcome).toBe('miss');
        expect((await store.run('k4', 'h', async () => ok('new'))).outcome).toBe('hit');
        const small = new IdempotencyStore({ clock: manualClock(), ttlMs: 1e9, maxEntries: 100, maxBytes: 1000 });
        for (let i = 0; i < 10; i++) await small.run(`k${i}`, 'h', async () => ok('x'.repeat(200)));
        expect(small.size.bytes).toBeLessThanOrEqual(1000);
        expect(small.size.entries).toBeLessThan(10);
    });
});

describe('KeyedSemaphore', () => {
    it('runs up to N per key, queues up to M, refuses beyond, and keys are independent', async () => {
        const sem = new KeyedSemaphore(1, 1);
        const r1 = await sem.acquire('a');
        const queued = sem.acquire('a');
        expect(await sem.acquire('a')).toBeNull();
        expect(await sem.acquire('b')).not.toBeNull();
        expect(sem.depth).toEqual({ running: 2, queued: 1 });
        r1!();
        const r2 = await queued;
        expect(r2).not.toBeNull();
        expect(sem.depth.queued).toBe(0);
    });

    it('removes an aborted waiter from the queue', async () => {
        const sem = new KeyedSemaphore(1, 5);
        await sem.acquire('a');
        const controller = new AbortController();
        const waiting = sem.acquire('a', controller.signal);
        controller.abort(new Error('deadline'));
        await expect(waiting).rejects.toThrow('deadline');
        expect(sem.depth.queued).toBe(0);
    });
});
