/** Domain `Result`s and `RegistryError`s to their Candid wire form. */
import type { WireType } from "./wire-mapping";

import type { Result } from '../../../src/shared/result';
import type { RegistryError } from '../../../src/shared/registry/types';
import { toWire } from './wire-mapping';

export type WireResult = { Ok: unknown } | { Err: unknown };

export function wireError(e: RegistryError): unknown {
    switch (e.code) {
        case 'NotFound':
            return { NotFound: { entity: { [e.entity]: null }, id: e.id } };
        case 'InvalidInput':
            return { InvalidInput: { field: e.field, reason: e.reason } };
        case 'Unauthorized':
            return { Unauthorized: { reason: e.reason } };
        case 'Conflict':
            return { Conflict: { id: e.id, reason: e.reason } };
        case 'LimitExceeded':
            return { LimitExceeded: { limit: e.limit, max: e.max } };
    }
}

/** `okType` is the IDL of the Ok payload, used to turn domain nulls and enums into wire opts and variants. */
export function wireResult<T>(okType: WireType, result: Result<T, RegistryError>): WireResult {
    return result.ok ? { Ok: toWire(okType, result.value) } : { Err: wireError(result.error) };
}

export function wireErr(e: RegistryError): WireResult {
    return { Err: wireError(e) };
}

export function fromOpt<T>(opt: [] | [T]): T | null {
    return opt.length === 0 ? null : opt[0];
}
