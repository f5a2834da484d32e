import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { ed25519 } from '@noble/curves/ed25519';
import { createWorkerApp, openAiRuntime, type WorkerApp, type WorkerRequest } from '../../src/worker';
import { AUDIENCE, canisterSigner, chatBody, ISSUER } from './helpers/canister-signer';
import { startServer, type TestServer } from './helpers/http-servers';

/** In-process requests (no socket), as Hono tests do; the upstream is a real server counting what reaches it. */
function request(body: string, headers: Record<string, string>): WorkerRequest {
    const bytes = new TextEncoder().encode(body);
    return { method: 'POST', path: '/v1/chat', headers: { 'content-length': String(bytes.length), ...headers }, body: (async function* () { yield bytes; })() };
}

describe('gateway auth: only tokens signed by the canister key, for this audience, in time, for this body', () => {
    const signer = canisterSigner();
    let upstream: TestServer;
    let app: WorkerApp;
    const nowS = Math.floor(Date.now() / 1000);

    beforeAll(async () => {
        upstream = await startServer((_req, _body, res) => void res.end('{}'));
        app = createWorkerApp({
            runtime: openAiRuntime({ upstream: `${upstream.url}/v1`, fetch, maxResponseBytes: 1e6 }),
            auth: { publicKeys: [signer.publicKey], audiences: [AUDIENCE], issuers: [ISSUER] }
        });
    });
    afterAll(() => upstream?.close());

    const expectRejected = async (body: string, headers: Record<string, string>, status: number, code: string) => {
        const res = await app.handle(request(body, headers));
        expect(res.status).toBe(status);
        expect(JSON.parse(new TextDecoder().decode(res.body))).toEqual({ error: { code, message: expect.any(String) } });
        if (status === 401) expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    };
    const body = chatBody('m', 'hi');

    it('rejects a missing or non-Bearer Authorization header', async () => {
        await expectRejected(body, {}, 401, 'token_missing');
        await expectRejected(body, { authorization: 'Basic abc' }, 401, 'token_malformed');
    });

    it('rejects a forged token (signed by another key)', async () => {
        const forger = canisterSigner(ed25519.utils.randomPrivateKey());
        await expectRejected(body, { authorization: `Bearer ${forger.token(body, { idk: 'k1' })}` }, 401, 'token_signature');
    });

    it('rejects an expired token and one issued in the future', async () => {
        await expectRejected(body, { authorization: `Bearer ${signer.token(body, { idk: 'k2' }, nowS - 600)}` }, 401, 'token_expired');
        await expectRejected(body, { authorization: `Bearer ${signer.token(body, { idk: 'k3' }, nowS + 600)}` }, 401, 'token_not_yet_valid');
    });

    it('rejects a wrong audience and a wrong issuer', async () => {
        await expectRejected(body, { authorization: `Bearer ${signer.token(body, { idk: 'k4', aud: 'https://other.worker' })}` }, 401, 'token_audience');
        await expectRejected(body, { authorization: `Bearer ${signer.token(body, { idk: 'k5', iss: 'aaaaa-aa' })}` }, 401, 'token_issuer');
    });

    it('rejects a valid token replayed with another body, and a mismatching Idempotency-Key header', async () => {
        const token = signer.token(body, { idk: 'k6' });
        await expectRejected(chatBody('m', 'swapped body'), { authorization: `Bearer ${token}` }, 401, 'token_body_mismatch');
        await expectRejected(body, { authorization: `Bearer ${token}`, 'idempotency-key': 'other' }, 400, 'idempotency_key_mismatch');
    });

    it('never reached the upstream for any rejected request', () => {
        expect(upstream.requests).toBe(0);
        expect(app.metrics.requests.get({ route: 'chat', status: '401' })).toBeGreaterThanOrEqual(8);
    });

    it('rejects invalid JSON and invalid canonical requests after auth with 400 and the chat error code', async () => {
        const bad = '{not json';
        await expectRejected(bad, { authorization: `Bearer ${signer.token(bad, { idk: 'k7' })}` }, 400, 'invalid_json');
        const noMessages = JSON.stringify({ model: 'm', params: { maxTokens: 5 } });
        await expectRejected(noMessages, { authorization: `Bearer ${signer.token(noMessages, { idk: 'k8' })}` }, 400, 'missing_field');
        expect(upstream.requests).toBe(0);
    });
});
