/**
 * Stable memory (canister-interface.md §"Stable memory"): sparse 64 KiB pages, zero until written, with a
 * copy-on-write page journal so a trapped message can be rolled back exactly without copying the whole memory.
 */
import { CanisterTrap } from './errors.js';
import { MAX_STABLE_PAGES, STABLE_PAGE_BYTES } from './limits.constants.js';

const PAGE = STABLE_PAGE_BYTES;

interface Journal {
    sizePages: bigint;
    /** Original content of each page touched since begin(); `undefined` = the page was absent (all zero). */
    pages: Map<number, Uint8Array | undefined>;
}

export class StableMemory {
    private pages = new Map<number, Uint8Array>();
    private sizePages = 0n;
    private journal: Journal | undefined;

    get size(): bigint {
        return this.sizePages;
    }

    get byteLength(): bigint {
        return this.sizePages * BigInt(PAGE);
    }

    /** stable64_grow: returns the old size or -1 when the limit would be exceeded. */
    grow(additionalPages: bigint, maxPages: bigint = MAX_STABLE_PAGES): bigint {
        const old = this.sizePages;
        if (additionalPages < 0n || old + additionalPages > maxPages) return -1n;
        this.sizePages = old + additionalPages;
        return old;
    }

    write(offset: bigint, data: Uint8Array): void {
        this.checkBounds(offset, BigInt(data.length), 'stable64_write');
        let pos = Number(offset);
        let done = 0;
        while (done < data.length) {
            const pageIndex = Math.floor(pos / PAGE);
            const inPage = pos % PAGE;
            const n = Math.min(PAGE - inPage, data.length - done);
            this.writablePage(pageIndex).set(data.subarray(done, done + n), inPage);
            done += n;
            pos += n;
        }
    }

    read(offset: bigint, length: bigint, into: Uint8Array): void {
        this.checkBounds(offset, length, 'stable64_read');
        let pos = Number(offset);
        let done = 0;
        const total = Number(length);
        while (done < total) {
            const pageIndex = Math.floor(pos / PAGE);
            const inPage = pos % PAGE;
            const n = Math.min(PAGE - inPage, total - done);
            const page = this.pages.get(pageIndex);
            if (page === undefined) into.fill(0, done, done + n);
            else into.set(page.subarray(inPage, inPage + n), done);
            done += n;
            pos += n;
        }
    }

    /** Start a transaction; nested begin() is a programming error. */
    begin(): void {
        if (this.journal !== undefined) throw new Error('stable memory transaction already open');
        this.journal = { sizePages: this.sizePages, pages: new Map() };
    }

    commit(): void {
        this.journal = undefined;
    }

    rollback(): void {
        const journal = this.journal;
        if (journal === undefined) return;
        for (const [index, original] of journal.pages) {
            if (original === undefined) this.pages.delete(index);
            else this.pages.set(index, original);
        }
        this.sizePages = journal.sizePages;
        this.journal = undefined;
    }

    get inTransaction(): boolean {
        return this.journal !== undefined;
    }

    /** Wipe (reinstall, uninstall). Journaled like any other change. */
    clear(): void {
        if (this.journal !== undefined) {
            for (const [index, page] of this.pages) if (!this.journal.pages.has(index)) this.journal.pages.set(index, page);
        }
        this.pages = new Map();
        this.sizePages = 0n;
    }

    /** Non-zero pages, for persistence. */
    snapshotPages(): { sizePages: bigint; pages: [number, Uint8Array][] } {
        return { sizePages: this.sizePages, pages: [...this.pages.entries()].map(([i, p]) => [i, p.slice()]) };
    }

    static fromPages(sizePages: bigint, pages: [number, Uint8Array][]): StableMemory {
        const memory = new StableMemory();
        memory.sizePages = sizePages;
        for (const [i, p] of pages) memory.pages.set(i, p);
        return memory;
    }

    private writablePage(index: number): Uint8Array {
        const existing = this.pages.get(index);
        if (this.journal !== undefined && !this.journal.pages.has(index)) {
            // Keep the original page object and write into a copy, so rollback just swaps it back.
            this.journal.pages.set(index, existing);
            const copy = existing === undefined ? new Uint8Array(PAGE) : existing.slice();
            this.pages.set(index, copy);
            return copy;
        }
        if (existing !== undefined) return existing;
        const fresh = new Uint8Array(PAGE);
        this.pages.set(index, fresh);
        return fresh;
    }

    private checkBounds(offset: bigint, length: bigint, api: string): void {
        if (offset < 0n || length < 0n || offset + length > this.byteLength) {
            void api; // the replica's text names no details
            throw new CanisterTrap('wasm-trap', 'stable memory out of bounds');
        }
    }
}
