/**
 * A per-key concurrency limit with a bounded FIFO queue: `acquire` resolves with a release function, or
 * returns null at once when the key's queue is full (the caller answers 429).
 */
export class KeyedSemaphore {
    private readonly state = new Map<string, { running: number; queue: Array<() => void> }>();
    private runningTotal = 0;
    private queuedTotal = 0;

    constructor(private readonly maxRunning: number, private readonly maxQueued: number) {}

    get depth(): { running: number; queued: number } {
        return { running: this.runningTotal, queued: this.queuedTotal };
    }

    acquire(key: string, signal?: AbortSignal): Promise<(() => void) | null> {
        let s = this.state.get(key);
        if (!s) this.state.set(key, (s = { running: 0, queue: [] }));
        const slot = s;
        const grant = (): (() => void) => {
            slot.running++;
            this.runningTotal++;
            let released = false;
            return () => {
                if (released) return;
                released = true;
                slot.running--;
                this.runningTotal--;
                const next = slot.queue.shift();
                if (next) {
                    this.queuedTotal--;
                    next();
                } else if (slot.running === 0) this.state.delete(key);
            };
        };
        if (slot.running < this.maxRunning) return Promise.resolve(grant());
        if (slot.queue.length >= this.maxQueued) return Promise.resolve(null);
        return new Promise((resolve, reject) => {
            const wake = (): void => {
                signal?.removeEventListener('abort', onAbort);
                resolve(grant());
            };
            const onAbort = (): void => {
                const i = slot.queue.indexOf(wake);
                if (i >= 0) {
                    slot.queue.splice(i, 1);
                    this.queuedTotal--;
                }
                reject(signal?.reason);
            };
            slot.queue.push(wake);
            this.queuedTotal++;
            signal?.addEventListener('abort', onAbort, { once: true });
        });
    }
}
