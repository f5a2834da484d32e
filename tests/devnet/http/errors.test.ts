/**
 * The IC's answers to bad requests (https-interface.md; replica http_endpoints): tampered signatures, expired
 * ingress, delegation targets, oversize bodies, malformed CBOR, wrong effective canister ids, pre-execution
 * rejections, and CORS. Requests are built by hand so each fault is exact.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Principal } from '@dfinity/principal';
import { Ed25519KeyIdentity, DelegationChain } from '@dfinity/identity';
import { IDL } from '@dfinity/candid';
import { cborEncode, type CborMap } from '../../../src/devnet/certification/index.js';
import { MAX_REQUEST_BODY_BYTES } from '../../../src/devnet/http/index.js';
import { envelope, nowNs, post, readStateEnvelope, startHttpFixture, type HttpFixture } from './http-fixtures.js';

let fx: HttpFixture;
beforeAll(async () => {
    fx = await startHttpFixture();
});
afterAll(async () => fx?.close());

const callPath = (v: number, id: Principal = fx.probeId) => `/api/v${v}/canister/${id.toText()}/call`;
const queryPath = (v: number, id: Principal = fx.probeId) => `/api/v${v}/canister/${id.toText()}/query`;

describe('authentication failures are the replica 400s', () => {
    it('rejects a tampered signature', async () => {
        const { body } = await envelope({ canisterId: fx.probeId, method: 'inc' }, Ed25519KeyIdentity.generate(), { tamper: true });
        const res = await post(fx.server.url, callPath(4), body);
        expect(res.status).toBe(400);
        expect(res.text).toMatch(/Invalid signature/);
    });

    it('rejects a sender that does not match the public key', async () => {
        const other = Ed25519KeyIdentity.generate();
        const { body } = await envelope({ canisterId: fx.probeId, method: 'get_counter', type: 'query', sender: other.getPrincipal() }, Ed25519KeyIdentity.generate());
        const res = await post(fx.server.url, queryPath(3), body);
        expect(res.status).toBe(400);
        expect(res.text).toMatch(/does not match the public key/);
    });

    it('rejects expired and too-distant ingress expiry with the text agent-js re-syncs on', async () => {
        for (const expiry of [nowNs() - 60_000_000_000n, nowNs() + 3_600_000_000_000n]) {
            const { body } = await envelope({ canisterId: fx.probeId, method: 'inc', expiry });
            const res = await post(fx.server.url, callPath(3), body);
            expect(res.status).toBe(400);
            expect(res.text.startsWith('Invalid request expiry: ')).toBe(true);
        }
    });

    it('rejects a delegation whose targets exclude the canister', async () => {
        const root = Ed25519KeyIdentity.generate();
        const session = Ed25519KeyIdentity.generate();
        const chain = await DelegationChain.create(root, session.getPublicKey(), new Date(Date.now() + 600_000), {
            targets: [Principal.fromText('um5iw-rqaaa-aaaaq-qaaba-cai')]
        });
        const delegation = chain.delegations.map((d) => ({
            delegation: { pubkey: new Uint8Array(d.delegation.pubkey), expiration: d.delegation.expiration, targets: d.delegation.targets!.map((t) => t.toUint8Array()) },
            signature: new Uint8Array(d.signature)
        }));
        const { body } = await envelope({ canisterId: fx.probeId, method: 'inc', sender: root.getPrincipal() }, session, {
            delegation,
            senderPubkey: new Uint8Array(chain.publicKey)
        });
        const res = await post(fx.server.url, callPath(4), body);
        expect(res.status).toBe(400);
        expect(res.text).toMatch(/not one of the delegation targets/);
    });
});

describe('malformed and oversize requests', () => {
    it('answers 413 for a body above the ingress limit plus envelope overhead', async () => {
        const res = await post(fx.server.url, callPath(4), new Uint8Array(MAX_REQUEST_BODY_BYTES + 1));
        expect(res.status).toBe(413);
    });

    it('answers 413 for an arg above 2 MiB inside a body that fits', async () => {
        const { body } = await envelope({ canisterId: fx.probeId, method: 'inc', arg: new Uint8Array(2 * 1024 * 1024 + 1) });
        const res = await post(fx.server.url, callPath(3), body);
        expect(res.status).toBe(413);
    });

    it('answers 400 for malformed CBOR and envelopes, and keeps serving', async () => {
        for (const body of [Uint8Array.of(0xff, 0x00), cborEncode({ content: 'x' }), cborEncode({ content: { request_type: 'query' } })]) {
            const res = await post(fx.server.url, callPath(4), body);
            expect(res.status).toBe(400);
        }
        const status = await fetch(`${fx.server.url}/api/v2/status`);
        expect(status.status).toBe(200);
    });

    it('answers 400 when canister_id differs from the URL effective canister id', async () => {
        const { body } = await envelope({ canisterId: Principal.fromText('rkp4c-7iaaa-aaaaa-aaaca-cai'), method: 'get_default_subnets', type: 'query' });
        const res = await post(fx.server.url, queryPath(3), body);
        expect(res.status).toBe(400);
        expect(res.text).toMatch(/does not match effective canister id/);
    });

    it('checks the effective canister id of management calls', async () => {
        const arg = new Uint8Array(IDL.encode([IDL.Record({ canister_id: IDL.Principal })], [{ canister_id: fx.probeId }]));
        const { body } = await envelope({ canisterId: Principal.managementCanister(), method: 'canister_status', arg });
        const wrong = await post(fx.server.url, callPath(4, Principal.fromText('rkp4c-7iaaa-aaaaa-aaaca-cai')), body);
        expect(wrong.status).toBe(400);
        const right = await post(fx.server.url, callPath(4), body);
        expect(right.status).toBe(200);
        expect((right.cbor as CborMap).status).toBe('replied');
    });

    it('answers 404 for unknown endpoints and OPTIONS with CORS headers', async () => {
        expect((await fetch(`${fx.server.url}/api/v9/canister/aaaaa-aa/call`, { method: 'POST' })).status).toBe(404);
        const pre = await fetch(`${fx.server.url}/api/v3/canister/${fx.probeId.toText()}/call`, {
            method: 'OPTIONS',
            headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' }
        });
        expect(pre.status).toBe(204);
        expect(pre.headers.get('access-control-allow-origin')).toBe('*');
        expect(pre.headers.get('access-control-allow-headers')).toBe('content-type');
    });
});

describe('pre-execution rejections are non-replicated', () => {
    it('v3/v4: status non_replicated_rejection with error_code; v2: reject fields', async () => {
        const missing = Principal.fromText('ryjl3-tyaaa-aaaaa-aaaba-cai');
        for (const v of [3, 4]) {
            const { body } = await envelope({ canisterId: missing, method: 'inc' });
            const res = await post(fx.server.url, callPath(v, missing), body);
            expect(res.status).toBe(200);
            expect(res.cbor).toMatchObject({ status: 'non_replicated_rejection', reject_code: 3, error_code: 'IC0301' });
        }
        const { body } = await envelope({ canisterId: fx.probeId, method: 'forbidden' });
        const v2 = await post(fx.server.url, callPath(2), body);
        expect(v2.status).toBe(200);
        expect(v2.cbor).toMatchObject({ reject_code: 4, error_code: 'IC0406' });
    });

    it('query rejects carry error_code and a node signature', async () => {
        const { body } = await envelope({ canisterId: fx.probeId, method: 'no_such_method', type: 'query' });
        const res = await post(fx.server.url, queryPath(2), body);
        expect(res.status).toBe(200);
        const reply = res.cbor as CborMap;
        expect(reply).toMatchObject({ status: 'rejected', error_code: 'IC0536' });
        expect((reply.signatures as unknown[]).length).toBe(1);
    });
});

describe('read_state permissions', () => {
    it('refuses request_status of another sender’s request and canister paths of another canister', async () => {
        const alice = Ed25519KeyIdentity.generate();
        const { body, requestId } = await envelope({ canisterId: fx.probeId, method: 'inc' }, alice);
        expect((await post(fx.server.url, callPath(2), body)).status).toBe(202);
        const readBy = async (who: Ed25519KeyIdentity | undefined, paths: Uint8Array[][]) =>
            post(fx.server.url, `/api/v3/canister/${fx.probeId.toText()}/read_state`, await readStateEnvelope(paths, who));
        const enc = new TextEncoder();
        expect((await readBy(alice, [[enc.encode('request_status'), requestId]])).status).toBe(200);
        expect((await readBy(undefined, [[enc.encode('request_status'), requestId]])).status).toBe(403);
        const other = Principal.fromText('rkp4c-7iaaa-aaaaa-aaaca-cai').toUint8Array();
        expect((await readBy(undefined, [[enc.encode('canister'), other, enc.encode('module_hash')]])).status).toBe(400);
        expect((await readBy(undefined, [[enc.encode('no_such_path')]])).status).toBe(404);
    });
});

describe('robustness', () => {
    it('answers random bodies on every endpoint with a 4xx and keeps serving', async () => {
        let seed = 12345;
        const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
        const paths = [callPath(2), callPath(3), callPath(4), queryPath(2), queryPath(3), `/api/v3/canister/${fx.probeId.toText()}/read_state`];
        for (let i = 0; i < 120; i++) {
            const len = Math.floor(rand() * 200);
            const body = Uint8Array.from({ length: len }, () => Math.floor(rand() * 256));
            if (i % 3 === 0 && len > 3) body.set([0xd9, 0xd9, 0xf7, 0xa1]); // tagged map prefix: reach deeper decoding paths
            const res = await post(fx.server.url, paths[i % paths.length]!, body);
            expect(res.status, `body ${Buffer.from(body).toString('hex')}`).toBeGreaterThanOrEqual(400);
            expect(res.status).toBeLessThan(500);
        }
        expect((await fetch(`${fx.server.url}/api/v2/status`)).status).toBe(200);
    });
});
