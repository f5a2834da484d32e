/**
 * The dev identity provider at /_/identity/: the page is served, and the delegation chain the page hands to
 * AuthClient (built here exactly as @dfinity/auth-client 3.4.3 `_handleSuccess` builds it) is accepted by the
 * HTTP layer when calling the real backend wasm, with a stable non-anonymous principal per user and origin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Actor, HttpAgent } from '@dfinity/agent';
import { Delegation, DelegationChain, DelegationIdentity, ECDSAKeyIdentity } from '@dfinity/identity';
import { IDL } from '@dfinity/candid';
import type { Principal } from '@dfinity/principal';
import { deployCanister } from '../../../src/devnet/testing/index.js';
import { BACKEND_WASM } from '../fixtures.js';
import { readStableWasm, startHttpFixture, type HttpFixture } from './http-fixtures.js';

const APP_ORIGIN = 'http://localhost:5173';
const backendIdl: IDL.InterfaceFactory = ({ IDL: I }) =>
    I.Service({
        whoami: I.Func(
            [],
            [
                I.Record({
                    principal: I.Principal,
                    level: I.Variant({ controller: I.Null, anonymous: I.Null, curator: I.Null, contributor: I.Null }),
                    roles: I.Vec(I.Variant({ operator: I.Null, curator: I.Null }))
                })
            ],
            ['query']
        ),
        version: I.Func([], [I.Text], ['query'])
    });

let fx: HttpFixture;
let backendId: Principal;
beforeAll(async () => {
    fx = await startHttpFixture();
    backendId = await deployCanister(fx.devnet, { wasm: await readStableWasm(BACKEND_WASM) });
});
afterAll(async () => fx?.close());

interface DelegationJson {
    userPublicKey: string;
    principal: string;
    delegations: { delegation: { pubkey: string; expiration: string }; signature: string }[];
}

async function requestDelegation(body: Record<string, unknown>): Promise<{ status: number; json?: DelegationJson; text: string }> {
    const res = await fetch(`${fx.server.url}/_/identity/delegation`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, text, json: res.ok ? (JSON.parse(text) as DelegationJson) : undefined };
}

/** What the provider page posts as `authorize-client-success`, turned into an identity the way AuthClient does. */
async function login(user: string, origin = APP_ORIGIN) {
    const session = await ECDSAKeyIdentity.generate();
    const hex = Buffer.from(session.getPublicKey().toDer()).toString('hex');
    const { json } = await requestDelegation({ user, origin, sessionPublicKey: hex, maxTimeToLive: String(8n * 3600n * 1_000_000_000n) });
    const fromHex = (h: string) => new Uint8Array(Buffer.from(h, 'hex'));
    const message = {
        kind: 'authorize-client-success',
        delegations: json!.delegations.map((d) => ({ delegation: { pubkey: fromHex(d.delegation.pubkey), expiration: BigInt(d.delegation.expiration) }, signature: fromHex(d.signature) })),
        userPublicKey: fromHex(json!.userPublicKey)
    };
    const chain = DelegationChain.fromDelegations(
        message.delegations.map((d) => ({ delegation: new Delegation(d.delegation.pubkey, d.delegation.expiration), signature: d.signature as never })),
        message.userPublicKey
    );
    return { identity: DelegationIdentity.fromDelegation(session, chain), principal: json!.principal, expiration: message.delegations[0]!.delegation.expiration };
}

describe('dev identity provider', () => {
    it('serves the provider page speaking the II client protocol', async () => {
        const res = await fetch(`${fx.server.url}/_/identity/`);
        expect(res.status).toBe(200);
        const html = await res.text();
        expect(html).toContain("kind: 'authorize-ready'");
        expect(html).toContain("kind: 'authorize-client-success'");
    });

    it('yields a delegation the HTTP layer accepts, with a stable non-anonymous principal per user and origin', async () => {
        const alice = await login('10000');
        expect(alice.identity.getPrincipal().toText()).toBe(alice.principal);
        const agent = await HttpAgent.create({ host: fx.server.url, shouldFetchRootKey: true, identity: alice.identity });
        const backend = Actor.createActor(backendIdl, { agent, canisterId: backendId });
        const me = (await backend.whoami()) as { principal: Principal; level: Record<string, null> };
        expect(me.principal.toText()).toBe(alice.principal);
        expect(me.principal.isAnonymous()).toBe(false);
        expect(Object.keys(me.level)).toEqual(['contributor']);
        expect(await backend.version()).toBeTypeOf('string');

        expect((await login('10000')).principal).toBe(alice.principal);
        expect((await login('10001')).principal).not.toBe(alice.principal);
        expect((await login('10000', 'http://localhost:4943')).principal).not.toBe(alice.principal);
        const hours = Number((alice.expiration - fx.devnet.time()) / 3_600_000_000_000n);
        expect(hours).toBe(7); // 8 h requested, a little of it already elapsed
    });

    it('rejects malformed delegation requests with 400', async () => {
        expect((await requestDelegation({ user: 'x', origin: 'not a url', sessionPublicKey: '00' })).status).toBe(400);
        expect((await requestDelegation({ user: '../etc', origin: APP_ORIGIN, sessionPublicKey: '00' })).status).toBe(400);
        const bad = await requestDelegation({ user: 'u', origin: APP_ORIGIN, sessionPublicKey: 'abcd' });
        expect(bad.status).toBe(400);
        expect(bad.text).toMatch(/sessionPublicKey/);
    });
});
