/**
 * `Devnet`: an in-process local Internet Computer that runs real canister wasm (Miniflare-style engine API).
 * The HTTP interface (src/devnet/http) and the test helpers (src/devnet/testing) are thin adapters over it.
 */
import { randomBytes } from 'node:crypto';
import { IDL } from '@dfinity/candid';
import { Principal } from '@dfinity/principal';
import type {
    BuiltinCanister,
    Certifier,
    IngressCall,
    ManagementMethod,
    PendingOutcall,
    RequestStatus
} from './engine-api.js';
import { CanisterIdAllocator } from './core/canister-ids.js';
import { admissionReject } from './core/call-execution.js';
import { Engine, type CallInterceptor, type Logger, type OutcallInterceptor } from './core/engine.js';
import type { Rejected } from './core/errors.js';
import { LIVE_HEARTBEAT_INTERVAL_MS, LIVE_ROUND_INTERVAL_MS } from './core/limits.constants.js';
import type { MessageEvent } from './core/messages.js';
import { runHeartbeats } from './core/timers.js';
import { DevnetError } from './devnet-errors.js';
import { canisterInfo, type CanisterInfo } from './canister-info.js';
import { ManagementCanister } from './management/management-canister.js';
import { CanisterSettings, InstallCodeArgs, ProvisionalCreateArgs } from './management/ic.idl.js';
import { wireExternalMethods } from './management/external-methods.js';
import { queryCall, requestStatusOf, submitIngress, waitForRequest, type CallResult } from './ingress.js';
import { loadEngineState, readManifest, saveEngineState, type SaveOptions } from './persistence/state-store.js';

export interface DevnetOptions {
    /** 'manual' (default): time moves only via setTime/advanceTime, starting at the wall clock. 'live': follows the wall clock and runs rounds in the background. */
    clock?: 'manual' | 'live';
    /** Nodes in the subnet (scales cycles costs; default 13). */
    subnetSize?: number;
    /** Timeout of one HTTPS outcall (passed to the http_request method; default 30 000). */
    outcallTimeoutMs?: number;
    certifier?: Certifier;
    logger?: Logger;
    /** Wall clock in ns since the epoch (injectable for tests). */
    wallClockNs?: () => bigint;
    /** Randomness for raw_rand (injectable for reproducible tests). */
    randomBytes?: (n: number) => Uint8Array;
    /** Register http_request / threshold methods when their modules exist (default true). */
    externalMethods?: boolean;
}


export interface CreateCanisterOptions {
    controllers?: Principal[];
    cycles?: bigint;
    specifiedId?: Principal;
    /** Who creates it (becomes a controller when `controllers` is not given). Default: anonymous. */
    sender?: Principal;
}

export interface InstallOptions {
    canisterId: Principal;
    wasm: Uint8Array;
    arg?: Uint8Array;
    mode?: 'install' | 'reinstall' | 'upgrade';
    sender: Principal;
    skipPreUpgrade?: boolean;
}

const DEFAULT_SUBNET_SIZE = 13;
/** How often runUntilIdle re-checks while async work (outcalls, builtins) is in flight. */
const IDLE_POLL_MS = 10;
const wallClock = (): bigint => BigInt(Date.now()) * 1_000_000n;

export class Devnet {
    readonly engine: Engine;
    readonly management: ManagementCanister;
    readonly ids: CanisterIdAllocator;
    readonly options: Readonly<DevnetOptions>;
    private liveTimer: NodeJS.Timeout | undefined;

    private constructor(options: DevnetOptions, engine: Engine, ids: CanisterIdAllocator) {
        this.options = options;
        this.engine = engine;
        this.ids = ids;
        this.management = new ManagementCanister({ engine, ids, randomBytes: options.randomBytes });
        if (options.clock === 'live') {
            let lastHeartbeatMs = 0;
            this.liveTimer = setInterval(() => {
                const now = Number((options.wallClockNs ?? wallClock)() / 1_000_000n);
                if (now - lastHeartbeatMs >= LIVE_HEARTBEAT_INTERVAL_MS) {
                    lastHeartbeatMs = now;
                    this.engine.syncWallClock();
                    runHeartbeats(this.engine);
                }
                this.engine.drain();
            }, LIVE_ROUND_INTERVAL_MS);
            this.liveTimer.unref();
        }
    }

    /**
     * @example
     * const devnet = await Devnet.create();
     * const id = await devnet.createCanister({ sender });
     * await devnet.installCode({ canisterId: id, wasm, sender });
     */
    static async create(options: DevnetOptions = {}, state?: { timeNs?: bigint; nextCanisterIndex?: bigint }): Promise<Devnet> {
        const now = options.wallClockNs ?? wallClock;
        const engine = new Engine({
            subnetSize: options.subnetSize ?? DEFAULT_SUBNET_SIZE,
            startTimeNs: state?.timeNs ?? now(),
            certifier: options.certifier,
            logger: options.logger,
            wallClockNs: now,
            live: options.clock === 'live'
        });
        const devnet = new Devnet(options, engine, new CanisterIdAllocator(state?.nextCanisterIndex));
        if (options.externalMethods !== false) wireExternalMethods(devnet.management, options);
        return devnet;
    }

    /** Stops the live clock loop. The devnet stays usable in manual mode. */
    close(): void {
        if (this.liveTimer !== undefined) clearInterval(this.liveTimer);
        this.liveTimer = undefined;
    }

    // ---- canister lifecycle helpers (management calls made as the sender) ----

    async createCanister(options: CreateCanisterOptions = {}): Promise<Principal> {
        const sender = options.sender ?? Principal.anonymous();
        const settings = options.controllers === undefined ? [] : [{ ...emptySettings(), controllers: [options.controllers] }];
        const arg = IDL.encode([ProvisionalCreateArgs], [
            { amount: options.cycles === undefined ? [] : [options.cycles], settings, specified_id: options.specifiedId === undefined ? [] : [options.specifiedId], sender_canister_version: [] }
        ]);
        const outcome = await this.management.fromIngress(sender, 'provisional_create_canister_with_cycles', new Uint8Array(arg));
        if (outcome.kind === 'rejected') throw DevnetError.rejected('provisional_create_canister_with_cycles', outcome);
        const [result] = IDL.decode([IDL.Record({ canister_id: IDL.Principal })], outcome.reply) as unknown as [{ canister_id: Principal }];
        return result.canister_id;
    }

    async installCode(options: InstallOptions): Promise<void> {
        const mode = options.mode ?? 'install';
        const modeValue = mode === 'upgrade' ? { upgrade: [{ skip_pre_upgrade: options.skipPreUpgrade === true ? [true] : [], wasm_memory_persistence: [] }] } : { [mode]: null };
        const arg = IDL.encode([InstallCodeArgs], [
            { mode: modeValue, canister_id: options.canisterId, wasm_module: options.wasm, arg: options.arg ?? new Uint8Array(IDL.encode([], [])), sender_canister_version: [] }
        ]);
        // Direct dispatch: the ingress size limit does not apply to this in-process helper (use chunks over HTTP).
        const outcome = await this.management.fromIngress(options.sender, 'install_code', new Uint8Array(arg));
        if (outcome.kind === 'rejected') throw DevnetError.rejected(`install_code (${mode})`, outcome);
    }

    upgradeCanister(options: Omit<InstallOptions, 'mode'>): Promise<void> {
        return this.installCode({ ...options, mode: 'upgrade' });
    }

    reinstallCode(options: Omit<InstallOptions, 'mode'>): Promise<void> {
        return this.installCode({ ...options, mode: 'reinstall' });
    }

    // ---- calls ----

    /** Runs an update call (ingress) to its terminal outcome. */
    async update(call: IngressCall): Promise<CallResult> {
        const requestId = randomBytes(32).toString('hex');
        const early = await this.submitUpdate(call, requestId);
        const record = this.engine.requests.get(requestId)!;
        const outcome = early ?? (await waitForRequest(this.engine, record));
        this.engine.requests.delete(requestId);
        return { ...outcome, stats: { instructions: record.instructions, cyclesCharged: record.cyclesCharged } };
    }

    /**
     * Starts an ingress update under `requestId`; returns the rejection when it fails before execution
     * (canister missing, stopped, empty, frozen, inspect_message refused), else undefined and the call runs.
     */
    async submitUpdate(call: IngressCall, requestId: string): Promise<Rejected | undefined> {
        return submitIngress(this.engine, this.management, call, requestId);
    }

    requestStatus(requestId: string): RequestStatus | undefined {
        return requestStatusOf(this.engine, requestId);
    }

    /** Waits up to `timeoutMs` for a request to become terminal; returns its status then. */
    async awaitRequest(requestId: string, timeoutMs: number): Promise<RequestStatus | undefined> {
        const record = this.engine.requests.get(requestId);
        if (record === undefined) return undefined;
        if (record.outcome === undefined) {
            let timer: NodeJS.Timeout | undefined;
            await Promise.race([waitForRequest(this.engine, record), new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
            clearTimeout(timer);
        }
        return this.requestStatus(requestId);
    }

    /** A non-replicated query (or composite query); all state changes are discarded. */
    query(call: IngressCall): Promise<CallResult> {
        return queryCall(this.engine, this.management, call);
    }

    // ---- time and rounds ----

    /** Devnet time in ns (in live mode, the wall clock). */
    time(): bigint {
        return this.engine.refreshClock();
    }

    /** Sets the devnet time (ns) and runs a round so due timers fire. Time never goes backwards. */
    async setTime(timeNs: bigint): Promise<void> {
        if (timeNs < this.engine.timeNs) throw new DevnetError('time_went_backwards', `cannot set time to ${timeNs}: it is already ${this.engine.timeNs}`);
        this.engine.timeNs = timeNs;
        await this.runUntilIdle();
    }

    async advanceTime(deltaNs: bigint): Promise<void> {
        if (deltaNs < 0n) throw new DevnetError('invalid_argument', 'advanceTime needs a non-negative delta');
        await this.setTime(this.engine.timeNs + deltaNs);
    }

    /** One round: heartbeats, due timers, queued messages and finished async work. */
    async tick(): Promise<void> {
        runHeartbeats(this.engine);
        this.engine.drain();
        await new Promise<void>((resolve) => setImmediate(resolve));
        this.engine.drain();
    }

    /** Runs rounds until no message is queued and no async operation (other than hung ones) is in flight. */
    async runUntilIdle(): Promise<void> {
        for (;;) {
            this.engine.drain();
            // Let promise chains of finished work (e.g. replies to awaiting callers) run before deciding.
            await new Promise<void>((resolve) => setImmediate(resolve));
            if (this.engine.queue.length > 0) continue;
            if (this.engine.inFlight.size === 0 || this.allInFlightHung()) return;
            await Promise.race([...this.engine.inFlight, new Promise((resolve) => setTimeout(resolve, IDLE_POLL_MS))]);
        }
    }

    /** Only outcalls told to hang are skipped: real outcalls in flight (a timer's health probe, say) are awaited. */
    private allInFlightHung(): boolean {
        return this.engine.inFlight.size > 0 && this.engine.hungOutcalls.size >= this.engine.inFlight.size;
    }

    // ---- introspection ----

    canisterIds(): Principal[] {
        return [...this.engine.canisters.values()].map((c) => c.id);
    }

    canisterInfo(id: Principal): CanisterInfo | undefined {
        const canister = this.engine.canister(id);
        return canister === undefined ? undefined : canisterInfo(canister);
    }

    /** Stats of the last executed message (any canister). */
    get lastMessageStats(): MessageEvent | undefined {
        return this.engine.lastMessage;
    }

    /** Subscribe to per-message stats; returns an unsubscribe function. */
    onMessage(listener: (event: MessageEvent) => void): () => void {
        this.engine.messageListeners.push(listener);
        return () => remove(this.engine.messageListeners, listener);
    }

    // ---- extension points ----

    registerBuiltinCanister(id: Principal, impl: BuiltinCanister): void {
        this.engine.builtins.set(id.toText(), impl);
    }

    registerManagementMethod(name: string, method: ManagementMethod): void {
        this.management.register(name, method);
    }

    setCertifier(certifier: Certifier | undefined): void {
        this.engine.certifier = certifier;
    }

    /** Intercept HTTPS outcalls (fault injection); returns an unsubscribe function. */
    onOutcall(interceptor: OutcallInterceptor): () => void {
        this.engine.outcallInterceptors.push(interceptor);
        return () => remove(this.engine.outcallInterceptors, interceptor);
    }

    /** Intercept inter-canister calls before delivery (pass / reject / reply / hang). */
    onCanisterCall(interceptor: CallInterceptor): () => void {
        this.engine.callInterceptors.push(interceptor);
        return () => remove(this.engine.callInterceptors, interceptor);
    }

    pendingOutcalls(): PendingOutcall[] {
        return [...this.engine.pendingOutcalls.values()];
    }

    // ---- persistence ----

    /** Writes all canister state (modules, wasm and stable memory, globals, settings, cycles, time) to `dir`. */
    async saveState(dir: string, options: SaveOptions = {}): Promise<void> {
        await this.runUntilIdle();
        await saveEngineState(this.engine, this.ids.nextIndex, dir, options);
    }

    /** A devnet restored from `saveState(dir)`; options as for `create` (the clock resumes from the saved time). */
    static async load(dir: string, options: DevnetOptions = {}): Promise<Devnet> {
        const manifest = await readManifest(dir);
        const devnet = await Devnet.create(options, { timeNs: BigInt(manifest.timeNs), nextCanisterIndex: BigInt(manifest.nextCanisterIndex) });
        await loadEngineState(devnet.engine, dir);
        return devnet;
    }

    /** Why a call to this canister would be rejected before execution, if it would. */
    admission(id: Principal): Rejected | undefined {
        return admissionReject(this.engine.canister(id), id.toText());
    }
}

function remove<T>(list: T[], item: T): void {
    const i = list.indexOf(item);
    if (i >= 0) list.splice(i, 1);
}

function emptySettings(): Record<string, []> {
    const fields = (CanisterSettings as unknown as { _fields: [string, unknown][] })._fields;
    return Object.fromEntries(fields.map(([name]) => [name, []]));
}
