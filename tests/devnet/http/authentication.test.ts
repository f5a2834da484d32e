import { describe, it, expect } from 'vitest';
import { Principal } from '@dfinity/principal';
import { Ed25519KeyIdentity, ECDSAKeyIdentity, DelegationChain, DelegationIdentity } from '@dfinity/identity';
import { Secp256k1KeyIdentity } from '@icp-sdk/core/identity/secp256k1';
import type { SignIdentity } from '@dfinity/agent';
import { authenticate, concatBytes, devnetKeys, generateKeySecrets, requestId, utf8, type CborValue } from '../../../src/devnet/certification/index.js';

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
