/**
 * `startDevnetServer`: the devnet's IC HTTP interface on a node:http server (plus the dev identity provider at
 * `/_/identity/`). It installs the certifier for data certificates and the built-in CMC and cycles ledger.
 *
 * @example
 * const devnet = await Devnet.create({ clock: 'live' });
 * const server = await startDevnetServer({ devnet, port: 4943, stateDir: '.devnet' });
 * // HttpAgent.create({ host: server.url, shouldFetchRootKey: true })
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Devnet } from '../index.js';
import { createCertifier, loadOrCreateKeys, type DevnetKeys } from '../certification/index.js';
import { registerBuiltins } from '../builtin/index.js';
import { identityProviderRoutes } from '../identity-provider/index.js';
import { devnetPort } from './devnet-adapter.js';
import { SYNC_CALL_TIMEOUT_MS } from './limits.constants.js';
import { RequestRegistry } from './request-registry.js';
import { createRequestListener, type Logger, type RequestRecordEvent } from './request-handler.js';

/** dfx's default replica address, which the project's icp.yaml points at. */
export const DEFAULT_DEVNET_PORT = 4943;
export const DEVNET_IMPL_VERSION = 'deai-devnet-0.1.0';

export interface DevnetServerOptions {
    devnet: Devnet;
    host?: string;
    /** 0 picks a free port. */
    port?: number;
    /** Where the root and node keys persist (browsers and icp-cli cache the root key). Fresh keys when absent. */
    stateDir?: string;
    /** Explicit keys (overrides stateDir). */
    keys?: DevnetKeys;
    syncCallTimeoutMs?: number;
    /** Serve the dev identity provider at /_/identity/ (default true; local networks only). */
    identityProvider?: boolean;
    logger?: Logger;
    /** Called after each answered request (access log, endpoint assertions in tests). */
    onRequest?: (event: RequestRecordEvent) => void;
}

export interface DevnetServer {
    /** e.g. `http://127.0.0.1:4943` */
    url: string;
    rootKeyDer: Uint8Array;
    keys: DevnetKeys;
    server: Server;
    close(): Promise<void>;
}

export async function startDevnetServer(options: DevnetServerOptions): Promise<DevnetServer> {
    const { devnet, host = '127.0.0.1', port = DEFAULT_DEVNET_PORT } = options;
    const keys = options.keys ?? loadOrCreateKeys(options.stateDir);
    devnet.setCertifier(createCertifier(keys));
    registerBuiltins(devnet, { subnetId: keys.subnetId });
    const ctx = {
        engine: devnetPort(devnet),
        keys,
        requests: new RequestRegistry(),
        syncCallTimeoutMs: options.syncCallTimeoutMs ?? SYNC_CALL_TIMEOUT_MS,
        implVersion: DEVNET_IMPL_VERSION
    };
    const extra = options.identityProvider === false ? undefined : identityProviderRoutes({ keys, nowNs: () => devnet.time() });
    const server = createServer(createRequestListener(ctx, { extra, logger: options.logger, onRequest: options.onRequest }));
    await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
            server.off('error', reject);
            resolve();
        });
    });
    const address = server.address() as AddressInfo;
    const hostText = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return {
        url: `http://${hostText}:${address.port}`,
        rootKeyDer: keys.rootKeyDer,
        keys,
        server,
        close: () =>
            new Promise<void>((resolve) => {
                server.close(() => resolve());
                server.closeAllConnections();
            })
    };
}
