import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestServer {
    url: string;
    requests: number;
    close(): Promise<void>;
}

/** Starts a real node:http server on 127.0.0.1:<ephemeral> running `handler`, counting requests. */
export async function startServer(handler: (req: IncomingMessage, body: string, res: ServerResponse) => void | Promise<void>): Promise<TestServer> {
    const state = { requests: 0 };
    const server: Server = createServer(async (req, res) => {
        state.requests++;
        const chunks: Buffer[] = [];
        for await (const c of req) chunks.push(c as Buffer);
        await handler(req, Buffer.concat(chunks).toString('utf8'), res);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const { port } = server.address() as AddressInfo;
    return {
        url: `http://127.0.0.1:${port}`,
        get requests() {
            return state.requests;
        },
        close: () =>
            new Promise<void>((r) => {
                server.closeAllConnections();
                server.close(() => r());
            })
    };
}

/** A port that nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
    const s = createServer();
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
    const { port } = s.address() as AddressInfo;
    await new Promise<void>((r) => s.close(() => r()));
    return port;
}
