/**
 * Checks shared by all endpoints before anything executes (https-interface.md §"Authentication", §"Request ids"):
 * ingress expiry, then signatures and delegations. Failures are the replica's 400s.
 */
import type { Principal } from '@dfinity/principal';
import { authenticate, checkIngressExpiry } from '../certification/index.js';
import type { CallEnvelope, ReadStateEnvelope } from './envelope.js';
import { badRequest } from './http-error.js';

export function validateRequest(
    env: CallEnvelope | ReadStateEnvelope,
    { nowNs, rootKeyDer, targetCanisters }: { nowNs: bigint; rootKeyDer: Uint8Array; targetCanisters: readonly Uint8Array[] }
): Principal {
    const expiry = checkIngressExpiry(env.ingressExpiry, nowNs);
    if (!expiry.ok) throw badRequest(expiry.message);
    const auth = authenticate({
        sender: env.sender,
        senderPubkey: env.senderPubkey,
        senderSig: env.senderSig,
        senderDelegation: env.senderDelegation,
        requestId: env.requestId,
        requestType: env.type,
        targetCanisters,
        nowNs,
        rootKeyDer
    });
    if (!auth.ok) throw badRequest(`Failed to authenticate request 0x${env.requestIdHex} due to: ${auth.message}`);
    return auth.sender;
}
