import { describe, expect, it } from 'vitest';
import { Principal } from '@dfinity/principal';
import { ed25519 } from '@noble/curves/ed25519';
import { secp256k1 } from '@noble/curves/secp256k1';
import {
    bytesToHex,
    deriveEd25519,
    deriveSchnorrPublicKey,
    deriveSecp256k1,
    deriveThresholdPublicKey,
    ED25519_ORDER,
    hexToBytes,
    MASTER_CHAIN_CODE,
    SECP256K1_ORDER
} from '../../../src/shared/crypto';

const be32 = (n: number): Uint8Array => Uint8Array.of(n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);

describe('Ed25519 hierarchical key derivation (spec CKDpub)', () => {
    // Vectors from dfinity/ic packages/ic-ed25519/tests/tests.rs `should_produce_expected_derived_public_keys`.
    const master = hexToBytes('931387a550eb4524a7af29381b938df38e76aeecac08e2cfaae4f4ca99bb4881');

    it('derives path [1] from a zero chain code', () => {
        const d = deriveEd25519(master, new Uint8Array(32), [be32(1)]);
        expect(bytesToHex(d.publicKey)).toBe('6f3086e738ab5417c6e02504464f208a763f0fba0c4d7ade40694773b6c2273c');
        expect(bytesToHex(d.chainCode)).toBe('d34e4e22d2c008ccc7e9bb9882fbc025a1e5516e3421d8e932dbc0be35f787a0');
    });

    it('derives path [2] from the previous extended key', () => {
        const d = deriveEd25519(
            hexToBytes('6f3086e738ab5417c6e02504464f208a763f0fba0c4d7ade40694773b6c2273c'),
            hexToBytes('d34e4e22d2c008ccc7e9bb9882fbc025a1e5516e3421d8e932dbc0be35f787a0'),
            [be32(2)]
        );
        expect(bytesToHex(d.publicKey)).toBe('8efb675fcaf45c93e785ff535e380d9019c876a7c5faed264b911f97ef34d838');
        expect(bytesToHex(d.chainCode)).toBe('2562ad75c50708f8d20c442e48b3f8ee851570be256ef0a7060b9f755a837216');
    });

    it('derives path [1, 2] in one go (KTpub)', () => {
        const d = deriveEd25519(master, new Uint8Array(32), [be32(1), be32(2)]);
        expect(bytesToHex(d.publicKey)).toBe('8efb675fcaf45c93e785ff535e380d9019c876a7c5faed264b911f97ef34d838');
        expect(bytesToHex(d.chainCode)).toBe('2562ad75c50708f8d20c442e48b3f8ee851570be256ef0a7060b9f755a837216');
    });

    it('returns an offset such that (k + offset)·B is the derived key', () => {
        const k = 0x1234567890abcdefn;
        const pub = ed25519.Point.BASE.multiply(k).toBytes();
        const d = deriveEd25519(pub, new Uint8Array(32), [new Uint8Array([0xaa]), new Uint8Array(0), be32(7)]);
        const child = ed25519.Point.BASE.multiply((k + d.offset) % ED25519_ORDER).toBytes();
        expect(bytesToHex(child)).toBe(bytesToHex(d.publicKey));
    });

    it('rejects a public key of the wrong length', () => {
        expect(() => deriveEd25519(new Uint8Array(31), new Uint8Array(32), [])).toThrow(/32 bytes/);
    });
});

describe('secp256k1 derivation (ia.cr/2021/1330 App. D, SLIP-10 compatible)', () => {
    // SLIP-10 test vector 1 for secp256k1, as used in dfinity/ic packages/ic-secp256k1/tests/tests.rs.
    const chainCode = hexToBytes('04466b9cc8e161e966409ca52986c584f07e9dc81f735db683c3ff6ec7b1503f');
    const privateKey = hexToBytes('cbce0d719ecf7431d88e6a89fa1483e02e35092af60c042b1df2ff59fa424dca');
    const publicKey = hexToBytes('0357bfe1e341d01c69fe5654309956cbea516822fba8a601743a012a7896ee8dc2');

    it('matches the SLIP-10 public derivation for path [2, 1000000000]', () => {
        const d = deriveSecp256k1(publicKey, chainCode, [be32(2), be32(1_000_000_000)]);
        expect(bytesToHex(d.chainCode)).toBe('c783e67b921d2beb8f6b389cc646d7263b4145701dadd2161548a8b078e65e9e');
        expect(bytesToHex(d.publicKey)).toBe('022a471424da5e657499d1ff51cb43c47481a03b1e77f951fe64cec9f5a48f7011');
    });

    it('returns the offset that gives the SLIP-10 private key', () => {
        const d = deriveSecp256k1(publicKey, chainCode, [be32(2), be32(1_000_000_000)]);
        const k = BigInt('0x' + bytesToHex(privateKey));
        const childSecret = ((k + d.offset) % SECP256K1_ORDER).toString(16).padStart(64, '0');
        expect(childSecret).toBe('471b76e389e528d6de6d816857e012c5455051cad6660850e58372a6c3e6e7c8');
        expect(bytesToHex(secp256k1.getPublicKey(hexToBytes(childSecret), true))).toBe(bytesToHex(d.publicKey));
    });

    it('accepts free-form (non-BIP32) indices', () => {
        const a = deriveSecp256k1(publicKey, chainCode, [new Uint8Array(0)]);
        const b = deriveSecp256k1(publicKey, chainCode, [new Uint8Array([0])]);
        expect(bytesToHex(a.publicKey)).not.toBe(bytesToHex(b.publicKey));
    });
});

describe('IC canister key derivation', () => {
    const canister = hexToBytes('00000000000000010101'); // rrkah-fqaaa-aaaaa-aaaaq-cai
    const edMaster = hexToBytes('6c0824beb37621bcca6eecc237ed1bc4e64c9c59dcb85344aa7f9cc8278ee31f'); // mainnet test_key_1
    const secpMaster = hexToBytes('037a651a2e5ef3d1ef63e84c4c4caa029fa4a43a347a91e4d84a8e846853d51be1'); // mainnet test_key_1 bip340

    it('puts the canister id first and uses a zero master chain code', () => {
        const viaIc = deriveSchnorrPublicKey(edMaster, canister, [be32(5)], 'ed25519');
        const manual = deriveEd25519(edMaster, MASTER_CHAIN_CODE, [canister, be32(5)]);
        expect(bytesToHex(viaIc.publicKey)).toBe(bytesToHex(manual.publicKey));
        expect(bytesToHex(viaIc.chainCode)).toBe(bytesToHex(manual.chainCode));
    });

    it('derives different keys for different canisters and algorithms', () => {
        const other = hexToBytes('00000000000000020101');
        const a = deriveSchnorrPublicKey(secpMaster, canister, [], 'bip340secp256k1');
        const b = deriveSchnorrPublicKey(secpMaster, other, [], 'bip340secp256k1');
        expect(a.publicKey.length).toBe(33);
        expect(bytesToHex(a.publicKey)).not.toBe(bytesToHex(b.publicKey));
        const e = deriveThresholdPublicKey(secpMaster, canister, [], 'ecdsa_secp256k1');
        expect(bytesToHex(e.publicKey)).toBe(bytesToHex(a.publicKey)); // same curve, same derivation
    });

    it('bounds the derivation path at 255 entries', () => {
        const path = Array.from({ length: 256 }, () => new Uint8Array(0));
        expect(() => deriveSchnorrPublicKey(edMaster, canister, path, 'ed25519')).toThrow(/at most 255/);
        expect(() => deriveSchnorrPublicKey(edMaster, canister, path.slice(1), 'ed25519')).not.toThrow();
    });
});

describe('offline derivation matches mainnet (published vectors)', () => {
    // dfinity/ic packages/ic-ed25519/tests/tests.rs `offline_key_derivation_matches_mainnet_*` and
    // @dfinity/ic-pub-key mainnet_derivation tests; canister h5jwf-5iaaa-aaaan-qmvoa-cai.
    const canister = Principal.fromText('h5jwf-5iaaa-aaaan-qmvoa-cai').toUint8Array();
    const hello = ['Hello', 'Threshold', 'Signatures'].map((w) => Uint8Array.from(w, (c) => c.charCodeAt(0)));

    it('Ed25519 key_1', () => {
        const master = hexToBytes('476374d9df3a8af28d3164dc2422cff894482eadd1295290b6d9ad92b2eeaa5c');
        const d = deriveSchnorrPublicKey(master, canister, [hexToBytes('abcdef'), hexToBytes('012345')], 'ed25519');
        expect(bytesToHex(d.publicKey)).toBe('43f0008b26564b6da51f585ad47669dfeb1db6d94d7dd216bd304fc1f5f5e997');
    });

    it('Ed25519 test_key_1', () => {
        const master = hexToBytes('6c0824beb37621bcca6eecc237ed1bc4e64c9c59dcb85344aa7f9cc8278ee31f');
        expect(bytesToHex(deriveSchnorrPublicKey(master, canister, hello, 'ed25519').publicKey)).toBe('d9a2ce6a3cd33fe16dce37e045609e51ff516e93bb51013823d6d7a915e3cfb9');
    });

    it('ECDSA secp256k1 test_key_1', () => {
        const master = hexToBytes('02f9ac345f6be6db51e1c5612cddb59e72c3d0d493c994d12035cf13257e3b1fa7');
        expect(bytesToHex(deriveThresholdPublicKey(master, canister, hello, 'ecdsa_secp256k1').publicKey)).toBe(
            '0315ae8bb8c6e9f78eec2167f5ac773067f37a39da1a1efbc585f9e90658d1c620'
        );
    });

    it('BIP340 test_key_1', () => {
        const master = hexToBytes('037a651a2e5ef3d1ef63e84c4c4caa029fa4a43a347a91e4d84a8e846853d51be1');
        expect(bytesToHex(deriveSchnorrPublicKey(master, canister, hello, 'bip340secp256k1').publicKey)).toBe(
            '0237ca6a41c1db8ab40410445250a5d46fbec7f3e449c8f40f86d8622a4106cebd'
        );
    });
});
