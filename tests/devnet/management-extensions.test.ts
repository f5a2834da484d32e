/**
 * The management methods written outside the core, reached from a canister through the engine: http_request
 * (real node:http server on 127.0.0.1, transform run as a TQ query of the caller, onOutcall interception,
 * pendingOutcalls) and schnorr_public_key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { withProbe, withRelay } from './fixtures.js';

let server: Server;
let url: string;
let hits = 0;

beforeAll(async () => {
    server = createServer((_req, res) => {
        hits++;
        res.writeHead(200, { 'content-type': 'text/plain', 'x-noise': String(Math.random()) });
        res.end('hello');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/greeting`;
});

afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function relayOnly() {
    const { devnet } = await withProbe();
    return { devnet, ...(await withRelay(devnet)) };
}

describe('http_request from a canister', () => {
    it('non-replicated: one request; the transform (a hidden query of the caller) rewrites the response', async () => {
        const { relay } = await relayOnly();
        const before = hits;
        expect(await relay.fetch(url, false)).toEqual({ Ok: { status: 200n, body: 'hello|ctx', headers: 0 } });
        expect(hits - before).toBe(1);
    });

    it('replicated: every replica fetches; the transform makes the responses agree', async () => {
        const { relay } = await relayOnly();
        const before = hits;
        expect(await relay.fetch(url, true)).toEqual({ Ok: { status: 200n, body: 'hello|ctx', headers: 0 } });
        expect(hits - before).toBeGreaterThan(1);
    });

    it('onOutcall can answer in place of the server, and sees the pending outcall', async () => {
        const { devnet, relay } = await relayOnly();
        const seen: string[] = [];
        devnet.onOutcall((outcall) => {
            seen.push(`${outcall.method} ${outcall.url} ${devnet.pendingOutcalls().some((p) => p.id === outcall.id)}`);
            return { action: 'http-response', status: 503, headers: [], body: new TextEncoder().encode('injected') };
        });
        const before = hits;
        const result = await relay.fetch(url, false);
        expect(result).toEqual({ Ok: { status: 503n, body: 'injected|ctx', headers: 0 } });
        expect(hits).toBe(before);
        expect(seen[0]).toMatch(/^get http:\/\/127\.0\.0\.1:\d+\/greeting true$/i);
        expect(devnet.pendingOutcalls()).toEqual([]);
    });
});

describe('threshold keys from a canister', () => {
    it('schnorr_public_key (ed25519, dfx_test_key) returns a 32-byte key, the same each time', async () => {
        const { relay } = await relayOnly();
        const a = await relay.schnorr_key();
        const b = await relay.schnorr_key();
        expect(a.length).toBe(32);
        expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    });
});

describe('runUntilIdle and outcalls in flight', () => {
    it('waits for a real outcall that is still running (a slow server), and not for one told to hang', async () => {
        const slow = createServer((_req, res) => setTimeout(() => res.end('late'), 400));
        await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
        try {
            const slowUrl = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/slow`;
            const { devnet, relayId } = await relayOnly();
            const { IDL } = await import('@icp-sdk/core/candid');
            const arg = new Uint8Array(IDL.encode([IDL.Text, IDL.Bool], [slowUrl, false]));
            const sender = relayId;
            // Not awaited: the call stays in flight while the server sleeps.
            const rejected = await devnet.submitUpdate({ canisterId: relayId, method: 'fetch', arg, sender }, 'slow-fetch');
            expect(rejected).toBeUndefined();
            await devnet.runUntilIdle();
            expect(devnet.requestStatus('slow-fetch')?.status).toBe('replied');

            const stop = devnet.onOutcall(() => ({ action: 'hang' }));
            const started = Date.now();
            await devnet.submitUpdate({ canisterId: relayId, method: 'fetch', arg, sender }, 'hung-fetch');
            await devnet.runUntilIdle();
            expect(Date.now() - started).toBeLessThan(5_000);
            expect(devnet.requestStatus('hung-fetch')?.status).not.toBe('replied');
            stop();
        } finally {
            await new Promise<void>((resolve) => slow.close(() => resolve()));
        }
    });
});
