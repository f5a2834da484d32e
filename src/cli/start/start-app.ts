/**
 * The whole local app, as `npm start` and the browser e2e tests run it: the devnet HTTP server, the backend
 * deployed from its built wasm (state kept in `<stateDir>` across restarts), demo roles for dev identity users,
 * and the Vite dev server wired to the canister ids. Every piece closes in `close()`.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Principal } from '@dfinity/principal';
import { IDL } from '@dfinity/candid';
import type { ViteDevServer } from 'vite';
import { Devnet } from '../../devnet/index.js';
import { startDevnetServer, type DevnetServer } from '../../devnet/http/index.js';
import { createActor } from '../../devnet/testing/index.js';
import { idlFactory, type _SERVICE } from '../../declarations/backend/declarations/backend.did.js';
import { readCanisterIds, readDeployed, writeCanisterIds, writeDeployed } from './canister-ids.js';
import { controllerIdentity, DEMO_ROLES, devUserPrincipal } from './dev-users.js';

export const BACKEND_WASM = '.azle/backend/backend.wasm';
/** Cycles for the backend: plenty for a long local session (the devnet charges like a 13-node subnet). */
export const BACKEND_CYCLES = 100_000_000_000_000n;
export const DEFAULT_VITE_PORT = 5173;

export interface StartOptions {
    /** Devnet port (0 = any free port). */
    port: number;
    /** Vite port (0 = any free port). */
    vitePort: number;
    /** Where devnet state, keys and canister_ids.json live; null = nothing persists. */
    stateDir: string | null;
    clean: boolean;
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
    if (stateDir !== null) {
        if (options.clean) rmSync(stateDir, { recursive: true, force: true });
        mkdirSync(stateDir, { recursive: true });
    }
    const devnet = await openDevnet(stateDir, log);
    const server = await startDevnetServer({ devnet, host: '127.0.0.1', port: options.port, ...(stateDir === null ? {} : { stateDir }) });
    const controller = controllerIdentity(server.keys);
    const wasm = new Uint8Array(readFileSync(BACKEND_WASM));
    const wasmSha = createHash('sha256').update(wasm).digest('hex');

    const ids = stateDir === null ? {} : readCanisterIds(stateDir);
    const known = new Set(devnet.canisterIds().map((p) => p.toText()));
    let backendId = ids.backend?.local;
    const deployed = stateDir === null ? { wasmSha256: {} } : readDeployed(stateDir);
    if (backendId === undefined || !known.has(backendId)) {
        const id = await devnet.createCanister({ sender: controller.getPrincipal(), controllers: [controller.getPrincipal()], cycles: BACKEND_CYCLES });
        await devnet.installCode({ canisterId: id, wasm, arg: new Uint8Array(IDL.encode([], [])), sender: controller.getPrincipal() });
        backendId = id.toText();
        log(`backend installed: ${backendId}`);
    } else if (deployed.wasmSha256.backend !== wasmSha) {
        await devnet.upgradeCanister({ canisterId: Principal.fromText(backendId), wasm, arg: new Uint8Array(IDL.encode([], [])), sender: controller.getPrincipal() });
        log(`backend upgraded to the new build: ${backendId}`);
    }
    if (stateDir !== null) {
        writeCanisterIds(stateDir, { ...ids, backend: { local: backendId } });
        writeDeployed(stateDir, { wasmSha256: { ...deployed.wasmSha256, backend: wasmSha } });
    }

    const vite = await startVite(options.vitePort, { VITE_BACKEND_CANISTER_ID: backendId, VITE_IC_HOST: server.url, VITE_II_URL: `${server.url}/_/identity/`, DFX_NETWORK: 'local' });
    const appUrl = (vite.resolvedUrls?.local[0] ?? '').replace(/\/$/, '');
    const origin = new URL(appUrl).origin;
    const backend = createActor<_SERVICE>(devnet, idlFactory, Principal.fromText(backendId), controller);
    for (const [user, roles] of Object.entries(DEMO_ROLES)) {
        const granted = await backend.set_roles(devUserPrincipal(server.keys, user, origin), roles.map((r) => ({ [r]: null }) as { curator: null }));
        if (!('Ok' in granted)) log(`could not grant ${roles.join(', ')} to dev user "${user}": ${JSON.stringify(granted.Err)}`);
    }

    let closed = false;
    return {
        devnetUrl: server.url, appUrl, backendId, devnet, server,
        userPrincipal: (user) => devUserPrincipal(server.keys, user, origin),
        async close() {
            if (closed) return;
            closed = true;
            await vite.close();
            await server.close();
            if (stateDir !== null) await devnet.saveState(join(stateDir, STATE_SUBDIR));
            devnet.close();
        },
    };
}

async function startVite(port: number, env: Record<string, string>): Promise<ViteDevServer> {
    // Vite exposes process.env keys with the configured prefixes to import.meta.env (they win over .env files).
    Object.assign(process.env, env);
    const { createServer } = await import('vite');
    const vite = await createServer({ configFile: 'frontend/vite.config.ts', server: { port, strictPort: port !== 0 }, logLevel: 'warn' });
    await vite.listen();
    return vite;
}
