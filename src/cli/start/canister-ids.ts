/** `.devnet/canister_ids.json` in dfx's format (`{"backend": {"local": "<id>"}}`) plus the installed wasm hash. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type CanisterIds = Record<string, { local: string }>;
export interface Deployed { wasmSha256: Record<string, string> }

export function readCanisterIds(stateDir: string): CanisterIds {
    const file = join(stateDir, 'canister_ids.json');
    if (!existsSync(file)) return {};
    try {
        return JSON.parse(readFileSync(file, 'utf8')) as CanisterIds;
    } catch {
        return {};
    }
}

export function writeCanisterIds(stateDir: string, ids: CanisterIds): void {
    writeFileSync(join(stateDir, 'canister_ids.json'), `${JSON.stringify(ids, null, 2)}\n`);
}

export function readDeployed(stateDir: string): Deployed {
    try {
        return JSON.parse(readFileSync(join(stateDir, 'deployed.json'), 'utf8')) as Deployed;
    } catch {
        return { wasmSha256: {} };
    }
}

export function writeDeployed(stateDir: string, d: Deployed): void {
    writeFileSync(join(stateDir, 'deployed.json'), `${JSON.stringify(d, null, 2)}\n`);
}
