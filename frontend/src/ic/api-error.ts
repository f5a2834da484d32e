/**
 * Candid `Result` errors and transport failures as one tagged union, with messages a person can act on
 * (the pattern of Internet Identity's `iiConnection.ts`: map each `Err` variant, wrap exceptions as transport errors).
 */
import { fromCandidError, type CandidRegistryError, type RegistryError } from '../../../src/shared/registry';

export type ApiError = { readonly kind: 'registry'; readonly error: RegistryError } | { readonly kind: 'transport'; readonly message: string };
export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

/** Longest transport message shown (replica rejects can carry whole wasm traps). */
export const ERROR_MESSAGE_MAX_CHARS = 400;

export function fromCandidResult<T>(r: { Ok: T } | { Err: unknown }): ApiResult<T> {
    if ('Ok' in r) return { ok: true, value: r.Ok };
    return { ok: false, error: { kind: 'registry', error: fromCandidError(r.Err as CandidRegistryError) } };
}

export function transportError(e: unknown): ApiError {
    const message = e instanceof Error ? e.message : String(e);
    return { kind: 'transport', message: message.length > ERROR_MESSAGE_MAX_CHARS ? `${message.slice(0, ERROR_MESSAGE_MAX_CHARS)}…` : message };
}

/** Runs a canister call; exceptions (network, rejects, traps) become transport errors. */
export async function call<T>(run: () => Promise<{ Ok: T } | { Err: unknown }>): Promise<ApiResult<T>> {
    try {
        return fromCandidResult(await run());
    } catch (e) {
        return { ok: false, error: transportError(e) };
    }
}

export function describeError(e: ApiError): string {
    if (e.kind === 'transport') return `Could not reach the canister: ${e.message}`;
    const r = e.error;
    switch (r.code) {
        case 'NotFound': return `No ${r.entity} with id "${r.id}".`;
        case 'InvalidInput': return `Invalid ${r.field}: ${r.reason}`;
        case 'Unauthorized': return `Not allowed: ${r.reason}`;
        case 'Conflict': return `Conflict on "${r.id}": ${r.reason}`;
        case 'LimitExceeded': return `Limit exceeded: ${r.limit} (max ${r.max})`;
    }
}
