/**
 * The devnet's single-subnet state machine: canisters, the message queue, time, ingress request records and
 * hooks. Executions are synchronous (wasm runs on this thread); async work (management methods such as
 * http_request, builtin canisters, async interceptors) completes later and enqueues its response.
 */
import { Principal } from '@dfinity/principal';
import type { BuiltinCanister, CallOutcome, Certifier, InterceptDecision, PendingCall, PendingOutcall } from '../engine-api.js';
import { newCanister, type Canister, type CallContext, type CallOrigin, type LogRecord } from './canister-state.js';
import type { ExecContext } from './exec-context.js';
import type { ContextSlot } from './execute.js';
import { MAX_CANISTER_LOG_BYTES, MAX_LOG_RECORD_BYTES, MAX_MESSAGES_PER_DRAIN, MAX_REQUEST_RECORDS } from './limits.constants.js';
import type { Message, MessageEvent } from './messages.js';
import { createIc0Imports } from './system-api.js';
import type { Ic0Imports, ScratchBuffer } from './wasm-instance.js';
import { deliverRequest, deliverResponse, expireCalls } from './call-execution.js';
import { fireDueTimers } from './timers.js';

export interface Logger {
    debug(message: string): void;
    info(message: string): void;
    warn(message: string): void;
}

export const silentLogger: Logger = { debug: () => {}, info: () => {}, warn: () => {} };

export interface EngineOptions {
    subnetSize: number;
    startTimeNs: bigint;
    certifier?: Certifier;
    logger?: Logger;
    /** Wall clock in ns; used by the live clock. */
    wallClockNs: () => bigint;
    live: boolean;
}

export interface RequestRecord {
    status: 'received' | 'processing' | 'replied' | 'rejected' | 'done';
    outcome: CallOutcome | undefined;
    waiters: ((outcome: CallOutcome) => void)[];
    instructions: bigint;
    cyclesCharged: bigint;
}

/** Handles requests addressed to aaaaa-aa from canisters (set by the management module). */
export type ManagementHandler = (req: { caller: Principal; method: string; arg: Uint8Array; cycles: bigint }) => Promise<CallOutcome & { cyclesKept: bigint }>;

export type CallInterceptor = (call: PendingCall) => InterceptDecision | Promise<InterceptDecision>;
export type OutcallInterceptor = (outcall: PendingOutcall) => InterceptDecision | Promise<InterceptDecision>;

export class Engine implements ContextSlot {
    readonly subnetSize: number;
    readonly logger: Logger;
    certifier: Certifier | undefined;
    readonly canisters = new Map<string, Canister>();
    readonly builtins = new Map<string, BuiltinCanister>();
    readonly requests = new Map<string, RequestRecord>();
    readonly queue: Message[] = [];
    readonly callInterceptors: CallInterceptor[] = [];
    readonly outcallInterceptors: OutcallInterceptor[] = [];
    readonly messageListeners: ((event: MessageEvent) => void)[] = [];
    readonly pendingOutcalls = new Map<number, PendingOutcall>();
    /** Outcalls an interceptor told to hang: runUntilIdle does not wait for them (they end at their timeout). */
    readonly hungOutcalls = new Set<number>();
    /** The per-message rollback buffer shared by all canisters (see ScratchBuffer). */
    readonly scratch: ScratchBuffer = {};
    management: ManagementHandler | undefined;
    lastMessage: MessageEvent | undefined;
    timeNs: bigint;
    /** Async operations (management, builtin, interceptors) whose completion will enqueue a message. */
    inFlight = new Set<Promise<unknown>>();
    private readonly imports = new Map<string, Ic0Imports>();
    private readonly running = new Map<string, ExecContext>();
    private nextIds = { call: 1, context: 1, pendingCall: 1, outcall: 1 };
    private draining = false;
    private drainScheduled = false;
    private readonly wallClockNs: () => bigint;
    private readonly live: boolean;

    constructor(options: EngineOptions) {
        this.subnetSize = options.subnetSize;
        this.logger = options.logger ?? silentLogger;
        this.certifier = options.certifier;
        this.timeNs = options.startTimeNs;
        this.wallClockNs = options.wallClockNs;
        this.live = options.live;
    }

    // ---- ids ----
    nextCallId(): number {
        return this.nextIds.call++;
    }
    nextPendingCallId(): number {
        return this.nextIds.pendingCall++;
    }
    nextOutcallId(): number {
        return this.nextIds.outcall++;
    }

    // ---- canisters ----
    addCanister(id: Principal, controllers: Principal[], cycles: bigint): Canister {
        const canister = newCanister(id, controllers, cycles, this.timeNs);
        this.canisters.set(canister.idText, canister);
        return canister;
    }

    canister(id: Principal | string): Canister | undefined {
        return this.canisters.get(typeof id === 'string' ? id : id.toText());
    }

    /** The ic0 imports bound to one canister; stable for the canister's lifetime so rebuilt instances share them. */
    importsFor(canister: Canister): Ic0Imports {
        let imports = this.imports.get(canister.idText);
        if (imports === undefined) {
            const key = canister.idText;
            imports = createIc0Imports({
                current: () => this.running.get(key),
                subnetSize: this.subnetSize,
                appendLog: (ctx, content) => this.appendLog(ctx.canister, content, ctx.timeNs)
            });
            this.imports.set(key, imports);
        }
        return imports;
    }

    set(canister: Canister, ctx: ExecContext | undefined): void {
        if (ctx === undefined) this.running.delete(canister.idText);
        else this.running.set(canister.idText, ctx);
    }

    appendLog(canister: Canister, content: Uint8Array, timeNs: bigint): void {
        const record: LogRecord = { idx: canister.nextLogIdx++, timestampNanos: timeNs, content: content.slice(0, MAX_LOG_RECORD_BYTES) };
        canister.logs.push(record);
        canister.logBytes += record.content.length;
        while (canister.logBytes > MAX_CANISTER_LOG_BYTES && canister.logs.length > 1) {
            canister.logBytes -= canister.logs.shift()!.content.length;
        }
        this.logger.debug(`[${canister.idText}] ${new TextDecoder().decode(record.content)}`);
    }

    // ---- call contexts ----
    openContext(canister: Canister, origin: CallOrigin, caller: Uint8Array, cycles: bigint, deadline?: bigint): CallContext {
        canister.openContexts++;
        return {
            id: this.nextIds.context++,
            origin,
            caller,
            cyclesAvailable: cycles,
            responded: false,
            outstanding: 0,
            instructions: 0n,
            lastTrap: undefined,
            deadline
        };
    }

    // ---- ingress requests ----
    recordRequest(requestId: string): RequestRecord {
        const record: RequestRecord = { status: 'received', outcome: undefined, waiters: [], instructions: 0n, cyclesCharged: 0n };
        this.requests.set(requestId, record);
        if (this.requests.size > MAX_REQUEST_RECORDS) this.pruneRequests();
        return record;
    }

    /** Forget the oldest finished requests (the IC forgets them after the ingress expiry, ~5 minutes). */
    private pruneRequests(): void {
        for (const [id, record] of this.requests) {
            if (this.requests.size <= MAX_REQUEST_RECORDS / 2) break;
            if (record.outcome !== undefined) this.requests.delete(id);
        }
    }

    completeRequest(requestId: string, outcome: CallOutcome): void {
        const record = this.requests.get(requestId);
        if (record === undefined || record.outcome !== undefined) return;
        record.outcome = outcome;
        record.status = outcome.kind;
        for (const waiter of record.waiters.splice(0)) waiter(outcome);
    }

    // ---- queue and rounds ----
    enqueue(message: Message): void {
        this.queue.push(message);
        this.scheduleDrain();
    }

    /**
     * Track an async operation; when it settles the queue is drained again. `awaited` operations (management
     * methods, builtin canisters) are waited for by runUntilIdle; test-controlled ones (async interceptors) are not,
     * so a test holding an interceptor back cannot deadlock the devnet.
     */
    track<T>(promise: Promise<T>, awaited = true): void {
        const tracked = promise.then(
            () => undefined,
            (error: unknown) => this.logger.warn(`devnet async operation failed: ${String(error)}`)
        );
        if (awaited) this.inFlight.add(tracked);
        void tracked.finally(() => {
            this.inFlight.delete(tracked);
            this.scheduleDrain();
        });
    }

    scheduleDrain(): void {
        if (this.drainScheduled) return;
        this.drainScheduled = true;
        setImmediate(() => {
            this.drainScheduled = false;
            this.drain();
        });
    }

    /** Delivers queued messages, expires bounded-wait calls and fires due timers until nothing is ready. */
    drain(): number {
        if (this.draining) return 0;
        this.draining = true;
        let delivered = 0;
        try {
            for (;;) {
                if (this.live) this.syncWallClock();
                expireCalls(this);
                fireDueTimers(this);
                const message = this.queue.shift();
                if (message === undefined) break;
                if (message.type === 'request') deliverRequest(this, message);
                else deliverResponse(this, message);
                if (++delivered >= MAX_MESSAGES_PER_DRAIN) {
                    this.scheduleDrain();
                    break;
                }
            }
        } finally {
            this.draining = false;
        }
        return delivered;
    }

    /** In live mode, bring devnet time up to the wall clock (never backwards); a no-op in manual mode. */
    refreshClock(): bigint {
        if (this.live) this.syncWallClock();
        return this.timeNs;
    }

    /** Forget a deleted canister and its bound imports. */
    removeCanister(idText: string): void {
        this.canisters.delete(idText);
        this.imports.delete(idText);
        this.running.delete(idText);
    }

    syncWallClock(): void {
        const wall = this.wallClockNs();
        if (wall > this.timeNs) this.timeNs = wall;
    }

    emit(event: MessageEvent): void {
        this.lastMessage = event;
        for (const listener of this.messageListeners) listener(event);
    }

    static principalBytesToText(bytes: Uint8Array): string {
        return Principal.fromUint8Array(bytes).toText();
    }
}
