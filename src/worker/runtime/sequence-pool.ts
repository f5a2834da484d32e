/** A fixed set of items handed out one at a time, FIFO waiters; used for llama.cpp context sequences. */
export class Pool<T> {
    private readonly free: T[];
    private readonly waiters: Array<(item: T) => void> = [];

    constructor(items: readonly T[]) {
        this.free = [...items];
    }

    get waiting(): number {
        return this.waiters.length;
    }

    take(): Promise<T> {
        const item = this.free.pop();
        if (item !== undefined) return Promise.resolve(item);
        return new Promise((resolve) => this.waiters.push(resolve));
    }

    give(item: T): void {
        const waiter = this.waiters.shift();
        if (waiter) waiter(item);
        else this.free.push(item);
    }
}
