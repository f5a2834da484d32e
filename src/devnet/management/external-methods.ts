/**
 * Management methods implemented outside the core: `http_request` (src/devnet/outcalls) and the threshold
 * signature methods (src/devnet/threshold).
 */
import { createHttpRequest } from '../outcalls/index.js';
import { ecdsaPublicKey, schnorrPublicKey, signWithEcdsa, signWithSchnorr } from '../threshold/index.js';
import type { ManagementCanister } from './management-canister.js';

export interface ExternalMethodOptions {
    subnetSize?: number;
    outcallTimeoutMs?: number;
}

export function wireExternalMethods(management: ManagementCanister, options: ExternalMethodOptions): void {
    management.register('http_request', createHttpRequest({ subnetSize: options.subnetSize, timeoutMs: options.outcallTimeoutMs }));
    management.register('schnorr_public_key', schnorrPublicKey);
    management.register('sign_with_schnorr', signWithSchnorr);
    management.register('ecdsa_public_key', ecdsaPublicKey);
    management.register('sign_with_ecdsa', signWithEcdsa);
}
