/**
 * Builds the canisters, then starts the app once for all e2e files, as `npm start` does but on free ports and
 * without persisted state. Test files get the URLs through `inject('appUrl')` / `inject('devnetUrl')`.
 */
import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { Principal } from '@dfinity/principal';
import { startApp, type RunningApp } from '../../src/cli/start/start-app.js';
import { controllerIdentity } from '../../src/cli/start/dev-users.js';
import { createActor } from '../../src/devnet/testing/index.js';
import { idlFactory, type _SERVICE } from '../../src/declarations/backend/declarations/backend.did.js';
import { CHROMIUM } from './chromium.js';
import { FRUGAL_LIMITS, FRUGAL_USER } from './e2e-users.js';

declare module 'vitest' {
    export interface ProvidedContext {
        appUrl: string;
        devnetUrl: string;
        backendId: string;
    }
}

let app: RunningApp | undefined;

export async function setup(project: TestProject): Promise<void> {
    if (!CHROMIUM) {
        project.provide('appUrl', '');
        project.provide('devnetUrl', '');
        project.provide('backendId', '');
        return;
    }
    execFileSync('npx', ['tsx', 'src/cli/build-canisters.ts'], { stdio: 'inherit', timeout: 600_000 });
    app = await startApp({ port: 0, vitePort: 0, workerPort: 0, stateDir: null, clean: false, watch: false, log: (l) => console.log(`[e2e app] ${l}`) });
    const admin = createActor<_SERVICE>(app.devnet, idlFactory, Principal.fromText(app.backendId), controllerIdentity(app.server.keys));
    const quota = await admin.set_quota(app.userPrincipal(FRUGAL_USER), [FRUGAL_LIMITS]);
    if ('Err' in quota) throw new Error(`set_quota: ${JSON.stringify(quota.Err, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))}`);
    project.provide('appUrl', app.appUrl);
    project.provide('devnetUrl', app.devnetUrl);
    project.provide('backendId', app.backendId);
}

export async function teardown(): Promise<void> {
    await app?.close();
}
