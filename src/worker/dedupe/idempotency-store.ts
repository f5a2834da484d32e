import type { Clock, WorkerResponse } from '../app/types';

/**
 * In-flight coalescing plus a bounded TTL cache, keyed by (canister, idempotency key): the replicated copies of
 * one outcall (13 on a 13-node subnet, outcalls.md §1.7) cause one generation and all get the same bytes.
 * Only 2xx responses are cached; an error is shared with the copies already waiting but not replayed later,
 * so a retry after a failure runs again.
 */
export type DedupeOutcome = 'miss' | 'coalesced' | 'hit' | 'conflict';

type Entry =
    | { state: 'pending'; bodyHash: string; promise: Promise<WorkerResponse> }
    | { state: 'done'; bodyHash: string; response: WorkerResponse; expiresAtMs: number; bytes: number };

export interface IdempotencyStoreOptions {
    clock: Clock;
    ttlMs: number;
    maxEntries: number;
    maxBytes: number;
}

export class IdempotencyStore {
    // Map iteration order is insertion order; finished entries are re-inserted, so the front is the oldest.
    private readonly entries = new Map<string, Entry>();
    private cachedBytes = 0;
    private pendingCount = 0;

    constructor(private readonly options: IdempotencyStoreOptions) {}

    get size(): { entries: number; bytes: number; pending: number } {
        return { entries: this.entries.size - this.pendingCount, bytes: this.cachedBytes, pending: this.pendingCount };
    }

    async run(key: string, bodyHash: string, produce: () => Promise<WorkerResponse>): Promise<{ outcome: DedupeOutcome; response?: WorkerResponse }> {
        this.evictExpired();
        const existing = this.entries.get(key);
        // 1. Same key, different body: a different request reusing a key (409), never served someone else's answer.
        if (existing && existing.bodyHash !== bodyHash) return { outcome: 'conflict' };
        // 2. The same request is being generated: wait for it.
        if (existing?.state === 'pending') return { outcome: 'coalesced', response: await existing.promise };
        // 3. Already answered within the TTL: replay the stored bytes.
        if (existing?.state === 'done') return { outcome: 'hit', response: existing.response };
        // 4. First copy: generate, and let later copies find the pending promise.
        const promise = produce().then(
            (response) => {
                this.settle(key, bodyHash, response);
                return response;
            },
            (error: unknown) => {
                this.remove(key);
                throw error;
            }
        );
        this.entries.set(key, { state: 'pending', bodyHash, promise });
        this.pendingCount++;
        return { outcome: 'miss', response: await promise };
    }

    private settle(key: string, bodyHash: string, response: WorkerResponse): void {
        this.remove(key);
        if (response.status < 200 || response.status > 299) return;
        const bytes = response.body.length + key.length + 256; // body + key + bookkeeping estimate
        if (bytes > this.options.maxBytes) return;
        this.entries.set(key, { state: 'done', bodyHash, response, expiresAtMs: this.options.clock.nowMs() + this.options.ttlMs, bytes });
        this.cachedBytes += bytes;
        this.evictOverflow();
    }

    private remove(key: string): void {
        const e = this.entries.get(key);
        if (!e) return;
        this.entries.delete(key);
        if (e.state === 'pending') this.pendingCount--;
        else this.cachedBytes -= e.bytes;
    }

    private evictExpired(): void {
        const now = this.options.clock.nowMs();
        for (const [key, e] of this.entries) {
            if (e.state === 'pending') continue;
            if (e.expiresAtMs > now) break; // entries behind this one were cached later
            this.remove(key);
        }
    }

    private evictOverflow(): void {
        for (const [key, e] of this.entries) {
            if (this.entries.size - this.pendingCount <= this.options.maxEntries && this.cachedBytes <= this.options.maxBytes) return;
            if (e.state === 'done') this.remove(key);
        }
    }
}
