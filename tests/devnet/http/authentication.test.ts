import { describe, it, expect } from 'vitest';
import { Principal } from '@dfinity/principal';
import { Ed25519KeyIdentity, ECDSAKeyIdentity, DelegationChain, DelegationIdentity } from '@dfinity/identity';
import { Secp256k1KeyIdentity } from '@icp-sdk/core/identity/secp256k1';
import type { SignIdentity } from '@dfinity/agent';
import {
    authenticate,
    cborEncode,
    concatBytes,
    createCertifier,
    devnetKeys,
    fromHex,
    generateKeySecrets,
    hashOfMap,
    reconstruct,
    requestId,
    sha256,
    stateDir,
    toHashTree,
    utf8,
    type CborValue
} from '../../../src/devnet/certification/index.js';

const keys = devnetKeys(generateKeySecrets());
const NOW = BigInt(Date.now()) * 1_000_000n;
const canister = Principal.fromText('rkp4c-7iaaa-aaaaa-aaaca-cai');
const other = Principal.fromText('um5iw-rqaaa-aaaaq-qaaba-cai');

/** Builds and signs a call request the way agents do, then runs the devnet's authentication on it. */
async function check(identity: SignIdentity, { type = 'call' as 'call' | 'query', target = canister, tamper = false } = {}) {
    const content = {
        request_type: type,
        sender: identity.getPrincipal().toUint8Array(),
        canister_id: target.toUint8Array(),
        method_name: 'm',
        arg: utf8('DIDL\0\0'),
        ingress_expiry: NOW + 60_000_000_000n
    };
    const rid = requestId(content);
    const sig = new Uint8Array(await identity.sign(concatBytes(Uint8Array.of(10), utf8('ic-request'), rid)));
    if (tamper) sig[0]! ^= 1;
    const delegation = identity instanceof DelegationIdentity ? identity.getDelegation() : undefined;
    return authenticate({
        sender: content.sender,
        senderPubkey: new Uint8Array(identity.getPublicKey().toDer()),
        senderSig: sig,
        senderDelegation: delegation?.delegations.map((d) => ({
            delegation: {
                pubkey: new Uint8Array(d.delegation.pubkey),
                expiration: d.delegation.expiration,
                ...(d.delegation.targets ? { targets: d.delegation.targets.map((t) => t.toUint8Array()) } : {})
            },
            signature: new Uint8Array(d.signature)
        })) as CborValue,
        requestId: rid,
        requestType: type,
        targetCanisters: [content.canister_id],
        nowNs: NOW,
        rootKeyDer: keys.rootKeyDer
    });
}

async function delegated(targets?: Principal[], expirationMs = 60_000) {
    const root = Ed25519KeyIdentity.generate();
    const session = Ed25519KeyIdentity.generate();
    const chain = await DelegationChain.create(root, session.getPublicKey(), new Date(Date.now() + expirationMs), { targets });
    // The sender of a delegated request is the root key's principal; the DER in sender_pubkey is the chain's root key.
    const id = DelegationIdentity.fromDelegation(session, chain);
    return { id, root };
}

describe('authentication (https-interface.md §Authentication)', () => {
    it('accepts Ed25519, ECDSA P-256 and secp256k1 senders', async () => {
        for (const id of [Ed25519KeyIdentity.generate(), await ECDSAKeyIdentity.generate(), Secp256k1KeyIdentity.generate()]) {
            const r = await check(id as unknown as SignIdentity);
            expect(r).toEqual({ ok: true, sender: id.getPrincipal() });
        }
    });

    it('rejects a tampered signature', async () => {
        const r = await check(Ed25519KeyIdentity.generate(), { tamper: true });
        expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/^Invalid signature/) });
    });

    it('accepts a delegation chain and enforces its targets and expiry', async () => {
        const { id } = await delegated([canister]);
        expect((await check(id)).ok).toBe(true);
        expect(await check(id, { target: other })).toMatchObject({ ok: false, message: expect.stringMatching(/not one of the delegation targets/) });
        const expired = await delegated(undefined, -60_000);
        expect(await check(expired.id)).toMatchObject({ ok: false, message: expect.stringMatching(/expired/) });
    });
});

describe('canister signatures (index.md §"Canister signatures"), as Internet Identity issues them', () => {
    // A canister signature public key: DER(OID 1.3.6.1.4.1.56387.1.2, len(cid) ‖ cid ‖ seed).
    const cid = Principal.fromText('rdmx6-jaaaa-aaaaa-aaadq-cai');
    const seed = utf8('user-seed-42');
    const raw = concatBytes(Uint8Array.of(cid.toUint8Array().length), cid.toUint8Array(), seed);
    const der = concatBytes(
        Uint8Array.of(0x30, 14 + 2 + 1 + raw.length),
        fromHex('300c060a2b0601040183b8430102'),
        Uint8Array.of(0x03, raw.length + 1, 0x00),
        raw
    );

    function canisterSign(message: Uint8Array, signingKeys = keys): Uint8Array {
        const sigTree = toHashTree(stateDir([['sig', stateDir([[sha256(seed), stateDir([[sha256(message), new Uint8Array(0)]])]])]]));
        const cert = createCertifier(signingKeys).dataCertificate(cid, reconstruct(sigTree), NOW);
        return cborEncode({ certificate: cert, tree: sigTree as unknown as CborValue });
    }

    async function checkCanisterSigned(signingKeys = keys) {
        const content = { request_type: 'call', sender: Principal.selfAuthenticating(der).toUint8Array(), canister_id: canister.toUint8Array(), method_name: 'm', arg: utf8(''), ingress_expiry: NOW };
        const rid = requestId(content);
        const sig = canisterSign(concatBytes(Uint8Array.of(10), utf8('ic-request'), rid), signingKeys);
        return authenticate({ sender: content.sender, senderPubkey: der, senderSig: sig, requestId: rid, requestType: 'call', targetCanisters: [content.canister_id], nowNs: NOW, rootKeyDer: keys.rootKeyDer });
    }

    it('accepts a canister signature certified by the devnet root key', async () => {
        expect(await checkCanisterSigned()).toMatchObject({ ok: true });
    });
    it('rejects one certified by another root key', async () => {
        expect(await checkCanisterSigned(devnetKeys(generateKeySecrets()))).toMatchObject({ ok: false });
    });
});

describe('delegation chain rules', () => {
    async function chainOf(...links: { from: Ed25519KeyIdentity; to: Ed25519KeyIdentity; permissions?: 'queries' }[]) {
        const delegations = [];
        for (const { from, to, permissions } of links) {
            const d: Record<string, CborValue> = { pubkey: new Uint8Array(to.getPublicKey().toDer()), expiration: NOW + 60_000_000_000n };
            if (permissions) d.permissions = permissions;
            const sig = new Uint8Array(await from.sign(concatBytes(Uint8Array.of(26), utf8('ic-request-auth-delegation'), hashOfMap(d))));
            delegations.push({ delegation: d, signature: sig });
        }
        return delegations;
    }
    async function run(root: Ed25519KeyIdentity, last: Ed25519KeyIdentity, delegations: CborValue, type: 'call' | 'query' = 'call') {
        const content = { request_type: type, sender: root.getPrincipal().toUint8Array(), canister_id: canister.toUint8Array(), method_name: 'm', arg: utf8(''), ingress_expiry: NOW };
        const rid = requestId(content);
        const sig = new Uint8Array(await last.sign(concatBytes(Uint8Array.of(10), utf8('ic-request'), rid)));
        return authenticate({ sender: content.sender, senderPubkey: new Uint8Array(root.getPublicKey().toDer()), senderSig: sig, senderDelegation: delegations, requestId: rid, requestType: type, targetCanisters: [content.canister_id], nowNs: NOW, rootKeyDer: keys.rootKeyDer });
    }
    const [a, b, c] = [Ed25519KeyIdentity.generate(), Ed25519KeyIdentity.generate(), Ed25519KeyIdentity.generate()];

    it('accepts a two-link chain and rejects repeated keys', async () => {
        expect(await run(a, c, (await chainOf({ from: a, to: b }, { from: b, to: c })) as CborValue)).toMatchObject({ ok: true });
        expect(await run(a, a, (await chainOf({ from: a, to: b }, { from: b, to: a })) as CborValue)).toMatchObject({ ok: false, message: expect.stringMatching(/repeats a public key/) });
    });
    it('allows "queries" permissions on queries only', async () => {
        const chain = (await chainOf({ from: a, to: b, permissions: 'queries' })) as CborValue;
        expect(await run(a, b, chain, 'query')).toMatchObject({ ok: true });
        expect(await run(a, b, chain, 'call')).toMatchObject({ ok: false, message: expect.stringMatching(/only permits queries/) });
    });
    it('rejects chains longer than 20', async () => {
        const ids = Array.from({ length: 22 }, () => Ed25519KeyIdentity.generate());
        const links = ids.slice(1).map((to, i) => ({ from: ids[i]!, to }));
        expect(await run(ids[0]!, ids[21]!, (await chainOf(...links)) as CborValue)).toMatchObject({ ok: false, message: expect.stringMatching(/too long/) });
    });
});
