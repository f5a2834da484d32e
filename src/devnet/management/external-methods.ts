/**
 * Management methods implemented outside the core: `http_request` (src/devnet/outcalls) and the threshold
 * Schnorr methods (src/devnet/threshold, loaded only if that module exists yet).
 */
import type { ManagementMethod } from '../engine-api.js';
import { createHttpRequest } from '../outcalls/index.js';
import type { ManagementCanister } from './management-canister.js';

export interface ExternalMethodOptions {
    subnetSize?: number;
    outcallTimeoutMs?: number;
}

const THRESHOLD_MODULE = '../threshold/index.js';
const THRESHOLD_METHODS: Record<string, string> = {
    schnorr_public_key: 'schnorrPublicKey',
    sign_with_schnorr: 'signWithSchnorr',
    ecdsa_public_key: 'ecdsaPublicKey',
    sign_with_ecdsa: 'signWithEcdsa'
};

export async function wireExternalMethods(management: ManagementCanister, options: ExternalMethodOptions): Promise<void> {
    management.register('http_request', createHttpRequest({ subnetSize: options.subnetSize, timeoutMs: options.outcallTimeoutMs }));
    const threshold = await optionalModule(THRESHOLD_MODULE);
    if (threshold === undefined) return;
    for (const [method, exportName] of Object.entries(THRESHOLD_METHODS)) {
        const impl = threshold[exportName];
        if (typeof impl === 'function') management.register(method, impl as ManagementMethod);
    }
}

async function optionalModule(specifier: string): Promise<Record<string, unknown> | undefined> {
    try {
        return (await import(/* @vite-ignore */ specifier)) as Record<string, unknown>;
    } catch {
        return undefined;
    }
}
