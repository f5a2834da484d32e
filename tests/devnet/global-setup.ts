/**
 * Builds the fixture canisters once per test run (skipped when their sources are unchanged) and the backend wasm
 * if it is missing.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { buildFixtures } from '../fixtures/build-fixtures.js';

const run = promisify(execFile);
export const BACKEND_WASM = '.azle/backend/backend.wasm';

export default async function setup(): Promise<void> {
    await buildFixtures();
    if (!existsSync(BACKEND_WASM)) {
        await run('npx', ['azle', 'build', 'backend'], { env: { ...process.env, CANISTER_CANDID_PATH: 'canisters/backend/backend.did' }, timeout: 300_000 });
    }
}
