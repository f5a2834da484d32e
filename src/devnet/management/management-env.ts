/**
 * What each management method implementation gets: the engine, who called (a user via ingress or a canister),
 * the cycles attached, and helpers for controller checks and Candid.
 */
import { IDL } from '@dfinity/candid';
import type { Principal } from '@dfinity/principal';
import type { ManagementOutcome } from '../engine-api.js';
import type { Canister } from '../core/canister-state.js';
import { isController } from '../core/canister-state.js';
import type { Engine } from '../core/engine.js';
import { rejects, type Rejected } from '../core/errors.js';
import type { CanisterIdAllocator } from '../core/canister-ids.js';

export interface ManagementEnv {
    engine: Engine;
    ids: CanisterIdAllocator;
    caller: Principal;
    origin: 'ingress' | 'canister';
    cycles: bigint;
    method: string;
    /** Randomness source (raw_rand); injectable for reproducible tests. */
    randomBytes(n: number): Uint8Array;
}

export type InternalMethod = (env: ManagementEnv, arg: Uint8Array) => Promise<ManagementOutcome> | ManagementOutcome;

export class ManagementReject extends Error {
    constructor(readonly outcome: Rejected) {
        super(outcome.rejectMessage);
    }
}

export function decodeArg<T>(method: string, types: IDL.Type[], arg: Uint8Array): T {
    try {
        return IDL.decode(types, arg) as unknown as T;
    } catch (error) {
        throw new ManagementReject(rejects.invalidPayload(method, (error as Error).message));
    }
}

export function reply(types: IDL.Type[], values: unknown[], cyclesKept = 0n): ManagementOutcome {
    return { kind: 'replied', reply: new Uint8Array(IDL.encode(types, values)), cyclesKept };
}

export const EMPTY: () => ManagementOutcome = () => reply([], []);

/** The target canister, which must exist. */
export function target(env: ManagementEnv, id: Principal): Canister {
    const canister = env.engine.canister(id);
    if (canister === undefined) throw new ManagementReject(rejects.notFound(id.toText()));
    return canister;
}

/** The target canister, which the caller must control (management-canister.md: "only controllers"). */
export function controlled(env: ManagementEnv, id: Principal, options: { selfAllowed?: boolean } = {}): Canister {
    const canister = target(env, id);
    const callerBytes = env.caller.toUint8Array();
    const self = options.selfAllowed === true && env.caller.toText() === canister.idText;
    if (!self && !isController(canister, callerBytes)) throw new ManagementReject(rejects.notController(canister.idText, env.method));
    return canister;
}
