/**
 * Persists the devnet keys in a state directory, so browsers and icp-cli that cached the root key keep working
 * across restarts. IO adapter over devnet-keys.ts.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHex, toHex } from './bytes.js';
import { devnetKeys, generateKeySecrets, type DevnetKeys } from './devnet-keys.js';

export const KEY_FILE_NAME = 'devnet-keys.json';

/** Loads the keys from `stateDir/devnet-keys.json`, creating them on first use; fresh keys when no dir is given. */
export function loadOrCreateKeys(stateDir?: string): DevnetKeys {
    if (stateDir === undefined) return devnetKeys(generateKeySecrets());
    const file = join(stateDir, KEY_FILE_NAME);
    try {
        const json = JSON.parse(readFileSync(file, 'utf8')) as { rootSecret?: unknown; nodeSecret?: unknown };
        if (typeof json.rootSecret === 'string' && typeof json.nodeSecret === 'string') {
            return devnetKeys({ rootSecret: fromHex(json.rootSecret), nodeSecret: fromHex(json.nodeSecret) });
        }
        throw new Error(`${file}: missing rootSecret/nodeSecret`);
    } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    const secrets = generateKeySecrets();
    mkdirSync(stateDir, { recursive: true });
    writeFileSync(file, JSON.stringify({ rootSecret: toHex(secrets.rootSecret), nodeSecret: toHex(secrets.nodeSecret) }), { mode: 0o600 });
    return devnetKeys(secrets);
}
