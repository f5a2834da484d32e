/**
 * Demo users of the dev identity provider and the roles `npm start` grants them. The provider derives one key per
 * (user name, frontend origin), so these principals are known before anyone signs in (docs/frontend.md).
 */
import { Ed25519KeyIdentity } from '@dfinity/identity';
import { Principal } from '@dfinity/principal';
import { createHash } from 'node:crypto';
import { deriveUserKey, providerSecretFrom } from '../../devnet/identity-provider/index.js';
import type { DevnetKeys } from '../../devnet/certification/devnet-keys.js';

/** User name → roles. Every other user name signs in as a plain contributor. */
export const DEMO_ROLES: Readonly<Record<string, readonly ('curator' | 'operator')[]>> = {
    curator: ['curator'],
    operator: ['operator', 'curator'],
};

export function devUserPrincipal(keys: DevnetKeys, user: string, origin: string): Principal {
    return deriveUserKey(providerSecretFrom(keys.secrets.rootSecret), user, origin).principal;
}

/** The controller that installs the backend: derived from the devnet root secret, so it survives restarts with `.devnet/`. */
export function controllerIdentity(keys: DevnetKeys): Ed25519KeyIdentity {
    const seed = createHash('sha256').update('deai-start/controller\0').update(keys.secrets.rootSecret).digest();
    return Ed25519KeyIdentity.generate(new Uint8Array(seed));
}
