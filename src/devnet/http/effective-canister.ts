/**
 * Effective canister id checks (https-interface.md §"Effective canister id"): a call to a canister must name it in
 * the URL; a call to aaaaa-aa must name the canister its argument targets (any id for canister creation).
 */
import { Principal } from '@dfinity/principal';
import { bytesEqual } from '../certification/index.js';
import type { EnginePort } from './engine-port.js';
import type { CallEnvelope } from './envelope.js';
import { badRequest } from './http-error.js';
import type { Target } from './routes.js';

const MANAGEMENT = Principal.managementCanister();

export function checkEffectiveCanisterId(env: CallEnvelope, target: Target, engine: EnginePort): void {
    if (target.kind !== 'canister') throw badRequest('Calls and queries to subnet targets are not supported by the devnet; use /api/v*/canister/<id>/...');
    const ecid = target.id;
    const canisterId = Principal.fromUint8Array(env.canisterId);
    if (!bytesEqual(env.canisterId, MANAGEMENT.toUint8Array())) {
        if (!bytesEqual(env.canisterId, ecid.toUint8Array())) {
            throw badRequest(`Specified CanisterId ${canisterId.toText()} does not match effective canister id in URL ${ecid.toText()}`);
        }
        return;
    }
    const expected = engine.managementEffectiveCanisterId(env.methodName, env.arg);
    if (expected.kind === 'invalid') throw badRequest(`Invalid management canister call: ${expected.reason.slice(0, 500)}`);
    if (expected.kind === 'canister' && !bytesEqual(expected.id.toUint8Array(), ecid.toUint8Array())) {
        throw badRequest(`Specified CanisterId ${ecid.toText()} does not match effective canister id ${expected.id.toText()} of management call ${env.methodName.slice(0, 100)}`);
    }
}
