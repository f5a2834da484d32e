/**
 * Unmodified agents against the devnet HTTP interface with the real probe wasm: @dfinity/agent 3.4.3
 * (v2 query, v3 call, v2 call + polling) and @icp-sdk/core 6.1.0 (v3 query, v4 call), with query signature
 * verification on and the root key fetched from /api/v2/status.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Actor, Certificate, CanisterStatus, HttpAgent, lookup_path, LookupPathStatus, pollForResponse } from '@dfinity/agent';
import { Ed25519KeyIdentity } from '@dfinity/identity';
import { IDL } from '@dfinity/candid';
import * as core from '@icp-sdk/core/agent';
import { Secp256k1KeyIdentity } from '@icp-sdk/core/identity/secp256k1';
import { idlFactory } from '../../fixtures/declarations/probe/probe.did.js';
import { probeIdl3, startHttpFixture, type HttpFixture } from './http-fixtures.js';
import { startDevnetServer } from '../../../src/devnet/http/index.js';

let fx: HttpFixture;
beforeAll(async () => {
    fx = await startHttpFixture();
});
afterAll(async () => fx?.close());

describe('GET /api/v2/status', () => {
    it('serves the 133-byte root key and a healthy status', async () => {
        const agent = await HttpAgent.create({ host: fx.server.url, shouldFetchRootKey: true });
        expect(new Uint8Array(agent.rootKey!)).toEqual(fx.server.rootKeyDer);
        const status = await agent.status();
        expect(status.replica_health_status).toBe('healthy');
    });
});

describe('@dfinity/agent 3.4.3', () => {
    it('queries and updates through an actor (v2 query with signature check, v3 sync call)', async () => {
        fx.requests.length = 0;
        const identity = Ed25519KeyIdentity.generate();
        const agent = await HttpAgent.create({ host: fx.server.url, shouldFetchRootKey: true, identity, verifyQuerySignatures: true });
        const probe = Actor.createActor(probeIdl3, { agent, canisterId: fx.probeId });
        expect((await probe.whoami()) as unknown).toEqual(identity.getPrincipal());
        const before = (await probe.get_counter()) as bigint;
        expect(await probe.inc()).toBe(before + 1n);
        expect(await probe.get_counter()).toBe(before + 1n);
        expect((await probe.whoami_update()) as unknown).toEqual(identity.getPrincipal());
        expect(await probe.init_arg()).toEqual(['http']);
        expect(new Set(fx.requests)).toEqual(
            new Set(['GET /api/v2/status', 'POST /api/v2/canister/*/query', 'POST /api/v2/canister/*/read_state', 'POST /api/v3/canister/*/call'])
        );
    });

    it('reports a canister trap as a reject with the replica error code', async () => {
        const agent = await HttpAgent.create({ host: fx.server.url, shouldFetchRootKey: true });
        const probe = Actor.createActor(probeIdl3, { agent, canisterId: fx.probeId });
        await expect(probe.trap_after_writes('boom')).rejects.toThrow(/IC0503|boom/);
    });

    it('v2 call answers 202 and the outcome is polled through read_state', async () => {
        const agent = await HttpAgent.create({ host: fx.server.url, shouldFetchRootKey: true });
        const arg = IDL.encode([], []);
        const { requestId, response } = await agent.call(fx.probeId, { methodName: 'inc', arg, callSync: false });
        expect(response.status).toBe(202);
        const { reply } = await pollForResponse(agent, fx.probeId, requestId);
        expect(IDL.decode([IDL.Nat64], reply)[0]).toBeTypeOf('bigint');
    });

    it('reads module_hash and controllers with read_state', async () => {
        const agent = await HttpAgent.create({ host: fx.server.url, shouldFetchRootKey: true });
        const status = await CanisterStatus.request({ canisterId: fx.probeId, agent, paths: ['module_hash', 'controllers'] });
        const info = fx.devnet.canisterInfo(fx.probeId)!;
        expect(status.get('module_hash')).toBe(Buffer.from(info.moduleHash!).toString('hex'));
        expect((status.get('controllers') as { toText(): string }[]).map((p) => p.toText()).sort()).toEqual(info.controllers.map((p) => p.toText()).sort());
    });

    it('certified data set by an update is served in a data certificate to queries', async () => {
        const agent = await HttpAgent.create({ host: fx.server.url, shouldFetchRootKey: true });
        const probe = Actor.createActor(probeIdl3, { agent, canisterId: fx.probeId });
        const data = new Uint8Array(32).fill(9);
        await probe.set_certified(data);
        const [cert] = (await probe.certificate()) as [Uint8Array];
        expect(cert).toBeDefined();
        const verified = await Certificate.create({ certificate: cert, rootKey: agent.rootKey!, canisterId: fx.probeId });
        const found = lookup_path(['canister', fx.probeId.toUint8Array(), 'certified_data'], verified.cert.tree);
        expect(found.status).toBe(LookupPathStatus.Found);
        expect(new Uint8Array((found as { value: Uint8Array }).value)).toEqual(data);
    });
});

describe('@icp-sdk/core 6.1.0', () => {
    it('queries (v3) and updates (v4) as a secp256k1 identity', async () => {
        fx.requests.length = 0;
        const identity = Secp256k1KeyIdentity.generate();
        const agent = await core.HttpAgent.create({ host: fx.server.url, shouldFetchRootKey: true, identity, verifyQuerySignatures: true });
        const probe = core.Actor.createActor(idlFactory as never, { agent, canisterId: fx.probeId.toText() });
        const before = (await probe.get_counter()) as bigint;
        expect(await probe.inc()).toBe(before + 1n);
        expect(((await probe.whoami()) as { toText(): string }).toText()).toBe(identity.getPrincipal().toText());
        expect(new Set(fx.requests)).toEqual(
            new Set(['GET /api/v2/status', 'POST /api/v3/canister/*/query', 'POST /api/v3/canister/*/read_state', 'POST /api/v4/canister/*/call'])
        );
    });
});

describe('v3/v4 calls that outlast the sync timeout', () => {
    it('answer 202 and @icp-sdk/core polls read_state for the outcome', async () => {
        const paths: string[] = [];
        const slow = await startDevnetServer({ devnet: fx.devnet, port: 0, keys: fx.server.keys, syncCallTimeoutMs: 0, onRequest: (e) => paths.push(`${e.status} ${e.path.split('/').slice(-1)[0]}`) });
        try {
            const agent = await core.HttpAgent.create({ host: slow.url, shouldFetchRootKey: true });
            const probe = core.Actor.createActor(idlFactory as never, { agent, canisterId: fx.probeId.toText() });
            const before = (await probe.get_counter()) as bigint;
            expect(await probe.inc()).toBe(before + 1n);
            expect(paths).toContain('202 call');
        } finally {
            await slow.close();
        }
    });
});
