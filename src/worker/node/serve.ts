import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WorkerApp } from '../app/create-app';
import type { Logger } from '../app/types';
import { sendWorkerResponse, toWorkerRequest } from './node-adapter';

export interface RunningWorker {
    server: Server;
    url: string;
    /** Graceful: stop accepting, let in-flight requests finish up to `graceMs`, then abort them and close. */
    close(graceMs: number): Promise<void>;
}

/** The Node listener: a thin adapter from node:http to `app.handle`. */
export async function serveWorker({ app, host, port, logger, keepAliveTimeoutMs = 5_000 }: {
    app: WorkerApp;
    host: string;
    port: number;
    logger: Logger;
    /** Idle keep-alive sockets close after this long. */
    keepAliveTimeoutMs?: number;
}): Promise<RunningWorker> {
    const server = createServer((req, res) => {
        app.handle(toWorkerRequest(req)).then(
            (response) => sendWorkerResponse(res, response),
            (error: unknown) => {
                logger.error('handler failed', { error: String(error) });
                res.destroy();
            }
        );
    });
    // Request headers must arrive within 10 s.
    server.headersTimeout = 10_000;
    server.keepAliveTimeout = keepAliveTimeoutMs;
    server.requestTimeout = 0; // generation deadlines are the timeout middleware's job
    await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve());
    });
    const address = server.address() as AddressInfo;
    const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
    logger.info('worker listening', { url });

    const close = async (graceMs: number): Promise<void> => {
        app.drain();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const deadline = Date.now() + graceMs;
        while (app.inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
        if (app.inFlight > 0) {
            logger.warn('aborting in-flight requests', { inFlight: app.inFlight });
            app.abortAll();
            await new Promise((r) => setTimeout(r, 100));
        }
        server.closeAllConnections();
        await closed;
    };
    return { server, url, close };
}
