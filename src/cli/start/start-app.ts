/**
 * The whole local app, as `npm start` and the browser e2e tests run it: the devnet HTTP server, the backend
 * deployed from its built wasm (state kept in `<stateDir>` across restarts), the stand-in LLM canister and a local
 * worker for chat, demo roles for dev identity users, and the Vite dev server wired to the canister ids.
 * Everything started is stopped in reverse order by `close()`, or when a later step fails.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Principal } from '@dfinity/principal';
import type { ViteDevServer } from 'vite';
import { Devnet } from '../../devnet/index.js';
import { startDevnetServer, type DevnetServer } from '../../devnet/http/index.js';
import { createActor } from '../../devnet/testing/index.js';
import { idlFactory, type _SERVICE } from '../../declarations/backend/declarations/backend.did.js';
import { configureLocalRouter, ensureLlmStandin, startLocalWorker } from './chat-setup.js';
import { readCanisterIds, writeCanisterIds } from './canister-ids.js';
import { deployBackend, readBackendWasm } from './deploy-backend.js';
import { LLM_CANISTER_ID } from '../../shared/chat/llm-canister.idl.js';
import { controllerIdentity, DEMO_ROLES, devUserPrincipal } from './dev-users.js';

export { DEFAULT_VITE_PORT, DEFAULT_WORKER_PORT } from './start.constants.js';

export interface StartOptions {
    /** Devnet port (0 = any free port). */
    port: number;
    /** Vite port (0 = any free port). */
    vitePort: number;
    /** Port of the local stand-in worker gateway (0 = any free port); null = no worker. */
    workerPort: number | null;
    /** Where devnet state, keys and canister_ids.json live; null = nothing persists. */
    stateDir: string | null;
    clean: boolean;
    /**
     * Watch sources and hot-reload the browser (default true). Tests turn it off: in a tree that others edit,
     * a reload mid-test would be a flake, and half-invalidated module graphs can load a module twice.
     */
    watch?: boolean;
    log: (line: string) => void;
}

export interface RunningApp {
    readonly devnetUrl: string;
    readonly appUrl: string;
    readonly backendId: string;
    readonly devnet: Devnet;
    readonly server: DevnetServer;
    /** Principal of a dev identity provider user at the app's origin. */
    userPrincipal(user: string): Principal;
    close(): Promise<void>;
}

const STATE_SUBDIR = 'state';

async function openDevnet(stateDir: string | null, log: StartOptions['log']): Promise<Devnet> {
    const saved = stateDir === null ? null : join(stateDir, STATE_SUBDIR);
    if (saved !== null && existsSync(join(saved, 'devnet.json'))) {
        try {
            const devnet = await Devnet.load(saved, { clock: 'live' });
            log(`devnet state restored from ${saved}`);
            return devnet;
        } catch (e) {
            log(`could not restore ${saved} (${e instanceof Error ? e.message : String(e)}); starting fresh (use --clean to silence)`);
        }
    }
    return Devnet.create({ clock: 'live' });
}

export async function startApp(options: StartOptions): Promise<RunningApp> {
    const { stateDir, log } = options;
    const wasm = readBackendWasm();
    if (stateDir !== null) {
        if (options.clean) rmSync(stateDir, { recursive: true, force: true });
        mkdirSync(stateDir, { recursive: true });
    }
    const stops: (() => Promise<void>)[] = [];
    const stopAll = async () => {
        for (const stop of stops.reverse()) await stop().catch((e: unknown) => log(`while stopping: ${e instanceof Error ? e.message : String(e)}`));
        stops.length = 0;
    };
    try {
        const devnet = await openDevnet(stateDir, log);
        stops.push(async () => {
            if (stateDir !== null) await devnet.saveState(join(stateDir, STATE_SUBDIR));
            devnet.close();
        });
        const server = await startDevnetServer({ devnet, host: '127.0.0.1', port: options.port, ...(stateDir === null ? {} : { stateDir }) });
        stops.push(() => server.close());
        const controller = controllerIdentity(server.keys);
        const backendId = await deployBackend(devnet, wasm, controller.getPrincipal(), stateDir, log);
        const admin = createActor<_SERVICE>(devnet, idlFactory, Principal.fromText(backendId), controller);

        await ensureLlmStandin(devnet, controller.getPrincipal(), log);
        if (stateDir !== null) writeCanisterIds(stateDir, { ...readCanisterIds(stateDir), llm: { local: LLM_CANISTER_ID } });
        // The controller registers and approves the local worker, which needs the operator and curator roles.
        const self = await admin.set_roles(controller.getPrincipal(), [{ operator: null }, { curator: null }]);
        if ('Err' in self) throw new Error(`set_roles for the controller: ${JSON.stringify(self.Err)}`);
        await configureLocalRouter(admin);
        if (options.workerPort !== null) {
            const worker = await startLocalWorker(admin, backendId, options.workerPort, log);
            stops.push(() => worker.close(100));
        }

        const vite = await startVite(options.vitePort, options.watch ?? true, { VITE_BACKEND_CANISTER_ID: backendId, VITE_IC_HOST: server.url, VITE_II_URL: `${server.url}/_/identity/`, DFX_NETWORK: 'local' });
        stops.push(() => vite.close());
        const appUrl = (vite.resolvedUrls?.local[0] ?? '').replace(/\/$/, '');
        const origin = new URL(appUrl).origin;
        for (const [user, roles] of Object.entries(DEMO_ROLES)) {
            const granted = await admin.set_roles(devUserPrincipal(server.keys, user, origin), roles.map((r) => ({ [r]: null }) as { curator: null }));
            if (!('Ok' in granted)) log(`could not grant ${roles.join(', ')} to dev user "${user}": ${JSON.stringify(granted.Err)}`);
        }
        return {
            devnetUrl: server.url, appUrl, backendId, devnet, server,
            userPrincipal: (user) => devUserPrincipal(server.keys, user, origin),
            close: stopAll,
        };
    } catch (e) {
        await stopAll();
        throw e;
    }
}

async function startVite(port: number, watch: boolean, env: Record<string, string>): Promise<ViteDevServer> {
    // Vite exposes process.env keys with the configured prefixes to import.meta.env (they win over .env files).
    Object.assign(process.env, env);
    const { createServer } = await import('vite');
    const vite = await createServer({
        configFile: 'frontend/vite.config.ts', logLevel: 'warn',
        server: { port, strictPort: port !== 0, ...(watch ? {} : { watch: null, hmr: false }) },
    });
    await vite.listen();
    return vite;
}
