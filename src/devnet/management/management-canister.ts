/**
 * The management canister aaaaa-aa (management-canister.md): dispatch by method name, the ingress/canister-only
 * rules (ic-interface.md §3.1), and a ManagementContext for methods written outside the core (http_request,
 * threshold signatures), which receive the calling canister, its cycles and the outcall hooks.
 */
import { randomBytes } from 'node:crypto';
import type { Principal } from '@dfinity/principal';
import { RejectCode, type CallOutcome, type ManagementContext, type ManagementMethod, type ManagementOutcome } from '../engine-api.js';
import type { Engine } from '../core/engine.js';
import type { CanisterIdAllocator } from '../core/canister-ids.js';
import { reject } from '../core/errors.js';
import { runTransform } from '../core/query-execution.js';
import * as lifecycle from './canister-methods.js';
import * as code from './code-methods.js';
import { ManagementReject, type InternalMethod, type ManagementEnv } from './management-env.js';

const INTERNAL: Record<string, InternalMethod> = {
    create_canister: lifecycle.createCanister,
    provisional_create_canister_with_cycles: lifecycle.provisionalCreateCanisterWithCycles,
    provisional_top_up_canister: lifecycle.provisionalTopUpCanister,
    update_settings: lifecycle.updateSettings,
    start_canister: lifecycle.startCanister,
    stop_canister: lifecycle.stopCanister,
    delete_canister: lifecycle.deleteCanister,
    uninstall_code: lifecycle.uninstall,
    canister_status: lifecycle.canisterStatus,
    deposit_cycles: lifecycle.depositCycles,
    fetch_canister_logs: lifecycle.fetchCanisterLogs,
    raw_rand: lifecycle.rawRand,
    install_code: code.installCodeMethod,
    install_chunked_code: code.installChunkedCode,
    upload_chunk: code.uploadChunk,
    clear_chunk_store: code.clearChunkStore,
    stored_chunks: code.storedChunks
};

/** Methods that users may call by ingress (ic-interface.md §3.1); everything else is canister-only. */
const INGRESS_ALLOWED = new Set([
    'provisional_create_canister_with_cycles',
    'provisional_top_up_canister',
    'update_settings',
    'upload_chunk',
    'clear_chunk_store',
    'stored_chunks',
    'install_code',
    'install_chunked_code',
    'uninstall_code',
    'canister_status',
    'start_canister',
    'stop_canister',
    'delete_canister',
    'fetch_canister_logs'
]);

/** Management methods callable as (non-replicated) queries. */
export const MANAGEMENT_QUERY_METHODS = new Set(['canister_status', 'fetch_canister_logs']);

export interface ManagementCanisterOptions {
    engine: Engine;
    ids: CanisterIdAllocator;
    randomBytes?: (n: number) => Uint8Array;
}

export class ManagementCanister {
    private readonly external = new Map<string, ManagementMethod>();
    private readonly engine: Engine;
    private readonly ids: CanisterIdAllocator;
    private readonly random: (n: number) => Uint8Array;

    constructor(options: ManagementCanisterOptions) {
        this.engine = options.engine;
        this.ids = options.ids;
        this.random = options.randomBytes ?? ((n) => new Uint8Array(randomBytes(n)));
        this.engine.management = (req) => this.fromCanister(req.caller, req.method, req.arg, req.cycles);
    }

    /** Adds a method implemented outside the core (http_request, schnorr_public_key, ...). */
    register(name: string, method: ManagementMethod): void {
        this.external.set(name, method);
    }

    has(name: string): boolean {
        return name in INTERNAL || this.external.has(name);
    }

    /** A user's call to aaaaa-aa. */
    async fromIngress(sender: Principal, method: string, arg: Uint8Array): Promise<CallOutcome> {
        if (!this.has(method)) return methodNotFound(method);
        if (!INGRESS_ALLOWED.has(method)) {
            return reject(RejectCode.CanisterReject, 'IC0406', `Only canisters can call ic00 method ${method}`);
        }
        const { cyclesKept: _kept, ...outcome } = await this.dispatch(sender, 'ingress', method, arg, 0n);
        return outcome as CallOutcome;
    }

    /** A canister's call to aaaaa-aa (cycles attached; the unkept part is refunded by the caller of this). */
    fromCanister(caller: Principal, method: string, arg: Uint8Array, cycles: bigint): Promise<ManagementOutcome> {
        if (!this.has(method)) return Promise.resolve({ ...methodNotFound(method), cyclesKept: 0n });
        return this.dispatch(caller, 'canister', method, arg, cycles);
    }

    private async dispatch(caller: Principal, origin: 'ingress' | 'canister', method: string, arg: Uint8Array, cycles: bigint): Promise<ManagementOutcome> {
        try {
            const internal = INTERNAL[method];
            if (internal !== undefined) {
                const env: ManagementEnv = { engine: this.engine, ids: this.ids, caller, origin, cycles, method, randomBytes: this.random };
                return await internal(env, arg);
            }
            const registered: number[] = [];
            try {
                return await this.external.get(method)!(this.contextFor(caller, cycles, registered), arg);
            } finally {
                for (const id of registered) {
                    this.engine.pendingOutcalls.delete(id);
                    this.engine.hungOutcalls.delete(id);
                }
            }
        } catch (error) {
            if (error instanceof ManagementReject) return { ...error.outcome, cyclesKept: 0n };
            throw error;
        }
    }

    /** The ManagementContext given to external methods (engine-api.ts). */
    contextFor(caller: Principal, cycles: bigint, registered: number[] = []): ManagementContext {
        const engine = this.engine;
        return {
            caller,
            cyclesAttached: cycles,
            now: () => engine.timeNs,
            runTransform: async (canisterId, method, arg) => runTransform(engine, canisterId, method, arg),
            interceptOutcall: async (outcall) => {
                // Visible through Devnet.pendingOutcalls() until the method that made it finishes.
                engine.pendingOutcalls.set(outcall.id, outcall);
                registered.push(outcall.id);
                let decision = { action: 'pass' } as Awaited<ReturnType<ManagementContext['interceptOutcall']>>;
                for (const interceptor of engine.outcallInterceptors) {
                    decision = await interceptor(outcall);
                    if (decision.action !== 'pass') break;
                }
                if (decision.action === 'hang') engine.hungOutcalls.add(outcall.id);
                return decision;
            }
        };
    }
}

function methodNotFound(method: string): CallOutcome {
    return reject(RejectCode.DestinationInvalid, 'IC0536', `Management canister has no method '${method}'`);
}
