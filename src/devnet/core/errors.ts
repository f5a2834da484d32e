/**
 * Reject outcomes with the replica's error codes and messages (ic-interface spec https-interface.md §"Reject codes";
 * replica `rs/types/error_types/src/lib.rs`), plus the trap exception thrown out of System API imports.
 */
import { RejectCode, type CallOutcome } from '../engine-api.js';
import { MAX_REJECT_MESSAGE_BYTES } from './limits.constants.js';

export type Rejected = Extract<CallOutcome, { kind: 'rejected' }>;

export const ErrorCode = {
    CanisterNotFound: 'IC0301',
    CanisterRejectedMessage: 'IC0406',
    CanisterTrapped: 'IC0502',
    CanisterCalledTrap: 'IC0503',
    CanisterContractViolation: 'IC0504',
    CanisterDidNotReply: 'IC0506',
    CanisterOutOfCycles: 'IC0501',
    CanisterStopped: 'IC0508',
    CanisterStopping: 'IC0509',
    CanisterNotStopped: 'IC0510',
    CanisterInvalidController: 'IC0512',
    CanisterInstructionLimitExceeded: 'IC0522',
    CanisterMethodNotFound: 'IC0536',
    CanisterWasmModuleNotFound: 'IC0537',
    CanisterNonEmpty: 'IC0538',
    InvalidManagementPayload: 'IC0542',
    CanisterRejectedByManagement: 'IC0402',
    SystemTransient: 'IC0205',
    DeadlineExpired: 'IC0602'
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export function reject(rejectCode: RejectCode, errorCode: string, message: string): Rejected {
    return { kind: 'rejected', rejectCode, errorCode, rejectMessage: truncate(message) };
}

export function replied(reply: Uint8Array): CallOutcome {
    return { kind: 'replied', reply };
}

function truncate(message: string): string {
    return message.length > MAX_REJECT_MESSAGE_BYTES ? `${message.slice(0, MAX_REJECT_MESSAGE_BYTES)}...` : message;
}

export const rejects = {
    notFound: (id: string): Rejected => reject(RejectCode.DestinationInvalid, ErrorCode.CanisterNotFound, `Canister ${id} not found`),
    noWasm: (id: string): Rejected =>
        reject(
            RejectCode.CanisterError,
            ErrorCode.CanisterWasmModuleNotFound,
            `Error from Canister ${id}: Attempted to execute a message, but the canister contains no Wasm module.`
        ),
    stopped: (id: string): Rejected => reject(RejectCode.CanisterError, ErrorCode.CanisterStopped, `Canister ${id} is stopped`),
    stopping: (id: string): Rejected => reject(RejectCode.CanisterError, ErrorCode.CanisterStopping, `Canister ${id} is stopping`),
    methodNotFound: (id: string, kind: 'query' | 'update', method: string): Rejected =>
        reject(RejectCode.CanisterError, ErrorCode.CanisterMethodNotFound, `Error from Canister ${id}: Canister has no ${kind} method '${method}'.${ERROR_HINTS.methodNotFound}`),
    didNotReply: (id: string): Rejected =>
        reject(RejectCode.CanisterError, ErrorCode.CanisterDidNotReply, `Error from Canister ${id}: Canister did not produce a response`),
    inspectRejected: (id: string): Rejected =>
        reject(
            RejectCode.CanisterReject,
            ErrorCode.CanisterRejectedMessage,
            `Error from Canister ${id}: Canister rejected the message`
        ),
    notController: (id: string, method: string): Rejected =>
        reject(
            RejectCode.CanisterError,
            ErrorCode.CanisterInvalidController,
            `Only the controllers of the canister ${id} can control it (method ${method}).`
        ),
    invalidPayload: (method: string, detail: string): Rejected =>
        reject(RejectCode.CanisterError, ErrorCode.InvalidManagementPayload, `Error decoding candid for management method ${method}: ${detail}`),
    canisterReject: (message: string): Rejected => reject(RejectCode.CanisterReject, ErrorCode.CanisterRejectedMessage, message),
    outOfCycles: (id: string, needed: bigint, available: bigint): Rejected =>
        reject(
            RejectCode.CanisterError,
            ErrorCode.CanisterOutOfCycles,
            `Canister ${id} is out of cycles: please top up the canister with at least ${needed - available} additional cycles`
        ),
    deadlineExpired: (): Rejected => reject(RejectCode.SysUnknown, ErrorCode.DeadlineExpired, 'Call deadline has expired.')
};

/** Why a wasm execution stopped early. `code`/`message` form the reject of the message. */
export type TrapKind = 'called-trap' | 'wasm-trap' | 'contract-violation' | 'out-of-instructions';

/** Thrown from System API imports to unwind the wasm stack; caught by the executor. */
export class CanisterTrap extends Error {
    constructor(
        readonly kind: TrapKind,
        readonly detail: string
    ) {
        super(detail);
        this.name = 'CanisterTrap';
    }
}

/** The replica appends a hint with a link to the execution-errors page to these rejects. */
const DOCS = 'https://internetcomputer.org/docs/current/references/execution-errors';
const TRAP_HINT = 'Consider gracefully handling failures from this canister or altering the canister to handle exceptions.';
export const ERROR_HINTS = {
    calledTrap: `.\n${TRAP_HINT} See documentation: ${DOCS}#trapped-explicitly`,
    wasmTrap: `.\n${TRAP_HINT} See documentation: ${DOCS}#trapped`,
    methodNotFound: `.\nCheck that the method being called is exported by the target canister. See documentation: ${DOCS}#method-not-found`,
    instructionLimit: `\nTry optimizing this method to consume fewer instructions or split the work across multiple messages. See documentation: ${DOCS}#instruction-limit-exceeded`
} as const;

/** Map a trap to the reject the caller sees, with the replica's wording. */
export function trapToReject(canisterId: string, trap: CanisterTrap): Rejected {
    const prefix = `Error from Canister ${canisterId}: `;
    switch (trap.kind) {
        case 'called-trap':
            return reject(RejectCode.CanisterError, ErrorCode.CanisterCalledTrap, `${prefix}Canister called \`ic0.trap\` with message: '${trap.detail}'${ERROR_HINTS.calledTrap}`);
        case 'wasm-trap':
            return reject(RejectCode.CanisterError, ErrorCode.CanisterTrapped, `${prefix}Canister trapped: ${trap.detail}${ERROR_HINTS.wasmTrap}`);
        case 'contract-violation':
            return reject(RejectCode.CanisterError, ErrorCode.CanisterContractViolation, `${prefix}Canister violated contract: ${trap.detail}`);
        case 'out-of-instructions':
            return reject(
                RejectCode.CanisterError,
                ErrorCode.CanisterInstructionLimitExceeded,
                `${prefix}Canister exceeded the instruction limit for single message execution.${ERROR_HINTS.instructionLimit}`
            );
    }
}

/** Classify anything thrown out of a wasm invocation. Node's RuntimeError messages are mapped to the replica's trap codes. */
export function classifyThrown(error: unknown): CanisterTrap {
    if (error instanceof CanisterTrap) return error;
    if (error instanceof WebAssembly.RuntimeError) return new CanisterTrap('wasm-trap', wasmTrapText(error.message));
    if (error instanceof RangeError && /call stack/i.test(error.message)) return new CanisterTrap('wasm-trap', 'stack overflow');
    throw error; // a host bug, not a canister trap: surface it
}

function wasmTrapText(message: string): string {
    if (/unreachable/.test(message)) return 'unreachable';
    if (/memory access out of bounds/.test(message)) return 'heap out of bounds';
    if (/divide by zero|remainder by zero/.test(message)) return 'integer division by 0';
    if (/integer overflow/.test(message)) return 'integer overflow';
    if (/table index|null function|indirect call/.test(message)) return 'table out of bounds';
    return message;
}
