import { describe, it, expect } from 'vitest';
import { Principal } from '@dfinity/principal';
import { Certificate, lookup_path, LookupPathStatus } from '@dfinity/agent';
import {
    cborDecode,
    cborEncode,
    decodeHashTree,
    devnetKeys,
    fromHex,
    generateKeySecrets,
    insertAt,
    leb128,
    lookupPath,
    reconstruct,
    requestId,
    signCertificate,
    stateDir,
    subnetSubtree,
    timeLeaf,
    toHashTree,
    toHex,
    utf8,
    verifyCertificate,
    createCertifier,
    ROOT_KEY_DER_BYTES,
    BLS_ROOT_KEY_DER_PREFIX,
    checkIngressExpiry,
    type CborValue
} from '../../../src/devnet/certification/index.js';

describe('request id (https-interface.md §"Request ids")', () => {
    it('matches the spec worked example', () => {
        const content = {
            request_type: 'call',
            sender: Uint8Array.of(4),
            ingress_expiry: 1685570400000000000n,
            canister_id: fromHex('00000000000004d2'),
            method_name: 'hello',
            arg: fromHex('4449444c00fd2a')
        };
        expect(toHex(requestId(content))).toBe('1d1091364d6bb8a6c16b203ee75467d59ead468f523eb058880ae8ec80e2b101');
    });
    it('is independent of field order and of the CBOR round trip', () => {
        const a = { b: 'x', a: [Uint8Array.of(1), Uint8Array.of(2)], n: 300 };
        const b = cborDecode(cborEncode({ n: 300, a: [Uint8Array.of(1), Uint8Array.of(2)], b: 'x' })) as Record<string, CborValue>;
        expect(toHex(requestId(a))).toBe(toHex(requestId(b)));
    });
});

describe('CBOR codec', () => {
    it('decodes u64 above 2^53 as bigint and bytes as major type 2', () => {
        const bytes = cborEncode({ e: 2n ** 63n, b: Uint8Array.of(1, 2) });
        expect(toHex(bytes).startsWith('d9d9f7')).toBe(true);
        expect(toHex(bytes)).toContain('42' + '0102');
        expect(cborDecode(bytes)).toEqual({ e: 2n ** 63n, b: Uint8Array.of(1, 2) });
        expect(cborDecode(cborEncode(5, { selfDescribe: false }))).toBe(5);
    });
    it('rejects truncated, trailing and over-deep input', () => {
        expect(() => cborDecode(Uint8Array.of(0x45, 1))).toThrow(/end of CBOR|exceeds/);
        expect(() => cborDecode(Uint8Array.of(1, 2))).toThrow(/trailing/);
        expect(() => cborDecode(new Uint8Array(1000).fill(0x81))).toThrow(/nesting/);
        expect(() => cborDecode(Uint8Array.of(0x9f))).toThrow(/indefinite/);
    });
});

describe('hash trees and certificates (certification.md)', () => {
    const keys = devnetKeys(generateKeySecrets());

    it('root key DER has the exact prefix and 133 bytes; subnet id is self-authenticating', () => {
        expect(keys.rootKeyDer.length).toBe(ROOT_KEY_DER_BYTES);
        expect(toHex(keys.rootKeyDer.subarray(0, BLS_ROOT_KEY_DER_PREFIX.length))).toBe(toHex(BLS_ROOT_KEY_DER_PREFIX));
        expect(keys.subnetId.toText()).toBe(Principal.selfAuthenticating(keys.rootKeyDer).toText());
        expect(keys.nodeKeyDer.length).toBe(44);
    });

    it('orders labels, looks up paths and proves absence', () => {
        const root = stateDir();
        insertAt(root, ['time'], timeLeaf(42n));
        insertAt(root, ['b', 'y'], utf8('2'));
        insertAt(root, ['a', 'x'], utf8('1'));
        insertAt(root, ['b', 'z'], utf8('3'));
        const tree = toHashTree(root);
        expect(lookupPath([utf8('b'), utf8('z')], tree)).toEqual({ kind: 'found', value: utf8('3') });
        expect(lookupPath([utf8('time')], tree)).toEqual({ kind: 'found', value: leb128(42n) });
        expect(lookupPath([utf8('c')], tree).kind).toBe('absent');
        expect(lookupPath([utf8('a')], tree).kind).toBe('error');
        // Round trip through CBOR keeps the root hash.
        expect(toHex(reconstruct(decodeHashTree(cborDecode(cborEncode(tree as unknown as CborValue)))))).toBe(toHex(reconstruct(tree)));
    });

    it('signs certificates that verify here and in @dfinity/agent', async () => {
        const now = BigInt(Date.now()) * 1_000_000n;
        const root = stateDir([['time', timeLeaf(now)]]);
        insertAt(root, ['subnet', keys.subnetId.toUint8Array()], subnetSubtree(keys));
        const cert = signCertificate(keys, toHashTree(root));
        expect(verifyCertificate(cert, keys.rootKeyDer).ok).toBe(true);
        const other = devnetKeys(generateKeySecrets());
        expect(verifyCertificate(cert, other.rootKeyDer)).toMatchObject({ ok: false });

        const agentCert = await Certificate.create({ certificate: cert, rootKey: keys.rootKeyDer, canisterId: Principal.fromText('rkp4c-7iaaa-aaaaa-aaaca-cai') });
        const pk = lookup_path(['subnet', keys.subnetId.toUint8Array(), 'public_key'], agentCert.cert.tree);
        expect(pk.status).toBe(LookupPathStatus.Found);
    });

    it('data certificates carry certified_data and time', () => {
        const cid = Principal.fromText('rkp4c-7iaaa-aaaaa-aaaca-cai');
        const cert = createCertifier(keys).dataCertificate(cid, utf8('hello'), 7n);
        const checked = verifyCertificate(cert, keys.rootKeyDer);
        if (!checked.ok) throw new Error(checked.reason);
        expect(lookupPath([utf8('canister'), cid.toUint8Array(), utf8('certified_data')], checked.tree)).toEqual({ kind: 'found', value: utf8('hello') });
        expect(lookupPath([utf8('time')], checked.tree)).toEqual({ kind: 'found', value: leb128(7n) });
    });
});

describe('ingress expiry', () => {
    const now = 1_000n * 1_000_000_000n;
    it('accepts now..now+5min(+drift) and names the replica error otherwise', () => {
        expect(checkIngressExpiry(now + 60n * 1_000_000_000n, now).ok).toBe(true);
        const late = checkIngressExpiry(now - 1n, now);
        expect(late.ok).toBe(false);
        if (!late.ok) expect(late.message.startsWith('Invalid request expiry: ')).toBe(true);
        expect(checkIngressExpiry(now + 10n * 60n * 1_000_000_000n, now).ok).toBe(false);
    });
});
