import { describe, expect, it } from 'vitest';
import { IDL } from '@dfinity/candid';
import { Principal } from '@dfinity/principal';
import { ed25519 } from '@noble/curves/ed25519';
import { schnorr, secp256k1 } from '@noble/curves/secp256k1';
import { sha256 } from '@noble/hashes/sha2';
import { RejectCode, type ManagementContext, type ManagementOutcome } from '../../src/devnet/engine-api';
import { createThresholdMethods, deriveSchnorrPublicKey, masterPublicKeys, signatureFee, thresholdCandid as C } from '../../src/devnet/threshold';
import { deriveThresholdPublicKey } from '../../src/shared/crypto';

const CANISTER = Principal.fromText('rrkah-fqaaa-aaaaa-aaaaq-cai');
const OTHER = Principal.fromText('ryjl3-tyaaa-aaaaa-aaaba-cai');
const SEED = new TextEncoder().encode('threshold test seed, 32+ bytes long');
const t = createThresholdMethods({ masterSeed: SEED });
const enc = (s: string) => new TextEncoder().encode(s);

function ctx(cycles = 0n, caller = CANISTER): ManagementContext {
    return {
        caller,
        cyclesAttached: cycles,
        now: () => 0n,
        runTransform: () => Promise.reject(new Error('unused')),
        interceptOutcall: () => Promise.reject(new Error('unused'))
    };
}
function reply<T>(out: ManagementOutcome, type: IDL.Type): T {
    if (out.kind !== 'replied') throw new Error(`rejected ${out.rejectCode}: ${out.rejectMessage}`);
    return (IDL.decode([type], out.reply) as unknown as [T])[0];
}
const schnorrKey = (algorithm: 'ed25519' | 'bip340secp256k1', name = 'test_key_1') => ({ algorithm: { [algorithm]: null }, name });
const pkArgs = (algorithm: 'ed25519' | 'bip340secp256k1', path: Uint8Array[] = [], canister?: Principal, name?: string) =>
    new Uint8Array(IDL.encode([C.SchnorrPublicKeyArgs], [{ canister_id: canister ? [canister] : [], derivation_path: path, key_id: schnorrKey(algorithm, name) }]));
const signArgs = (algorithm: 'ed25519' | 'bip340secp256k1', message: Uint8Array, path: Uint8Array[] = [], name?: string, merkleRoot?: Uint8Array) =>
    new Uint8Array(
        IDL.encode([C.SignWithSchnorrArgs], [{ message, derivation_path: path, key_id: schnorrKey(algorithm, name), aux: merkleRoot ? [{ bip341: { merkle_root_hash: merkleRoot } }] : [] }])
    );
type PK = { public_key: Uint8Array; chain_code: Uint8Array };
type Sig = { signature: Uint8Array };
const FEE = 10_000_000_000n;

describe('schnorr_public_key', () => {
    it('matches the off-chain derivation from the master public key, for both algorithms', async () => {
        for (const algorithm of ['ed25519', 'bip340secp256k1'] as const) {
            const path = [enc('worker-auth'), Uint8Array.of(0, 0, 0, 1)];
            const pk = reply<PK>(await t.schnorrPublicKey(ctx(), pkArgs(algorithm, path)), C.PublicKeyResult);
            const master = t.masterPublicKey(algorithm === 'ed25519' ? 'schnorr_ed25519' : 'schnorr_bip340secp256k1', 'test_key_1');
            const offChain = deriveSchnorrPublicKey(master, CANISTER.toUint8Array(), path, algorithm);
            expect(Buffer.from(pk.public_key).toString('hex')).toBe(Buffer.from(offChain.publicKey).toString('hex'));
            expect(Buffer.from(pk.chain_code).toString('hex')).toBe(Buffer.from(offChain.chainCode).toString('hex'));
            expect(pk.public_key.length).toBe(algorithm === 'ed25519' ? 32 : 33);
        }
    });

    it('defaults canister_id to the caller and distinguishes canisters, paths, key names and seeds', async () => {
        const hex = async (m = t, args = pkArgs('ed25519'), caller = CANISTER) => Buffer.from(reply<PK>(await m.schnorrPublicKey(ctx(0n, caller), args), C.PublicKeyResult).public_key).toString('hex');
        const mine = await hex();
        expect(await hex(t, pkArgs('ed25519', [], CANISTER), OTHER)).toBe(mine);
        expect(await hex(t, pkArgs('ed25519', [], OTHER))).not.toBe(mine);
        expect(await hex(t, pkArgs('ed25519', [enc('x')]))).not.toBe(mine);
        expect(await hex(t, pkArgs('ed25519', [], undefined, 'key_1'))).not.toBe(mine);
        expect(await hex(createThresholdMethods({ masterSeed: SEED }))).toBe(mine);
        expect(await hex(createThresholdMethods({ masterSeed: enc('another seed of sixteen+ bytes') }))).not.toBe(mine);
    });

    it('is free and rejects unknown keys with the replica text', async () => {
        const out = await t.schnorrPublicKey(ctx(), pkArgs('ed25519', [], undefined, 'insecure_test_key_1'));
        expect(out).toMatchObject({ kind: 'rejected', rejectCode: RejectCode.CanisterReject, cyclesKept: 0n });
        expect(out.kind === 'rejected' && out.rejectMessage).toMatch(/^Requested unknown threshold key: schnorr:Ed25519:insecure_test_key_1, existing keys: \[ecdsa:Secp256k1:dfx_test_key, /);
        expect((await t.schnorrPublicKey(ctx(5n), pkArgs('ed25519'))).cyclesKept).toBe(0n);
    });

    it('bounds the derivation path at 255 entries', async () => {
        const ok = await t.schnorrPublicKey(ctx(), pkArgs('ed25519', Array.from({ length: 255 }, () => new Uint8Array())));
        expect(ok.kind).toBe('replied');
        const tooLong = await t.schnorrPublicKey(ctx(), pkArgs('ed25519', Array.from({ length: 256 }, () => new Uint8Array())));
        expect(tooLong.kind === 'rejected' && tooLong.rejectMessage).toBe('derivation_path has 256 entries, but at most 255 are allowed');
    });

    it('rejects undecodable arguments with IC0408', async () => {
        const out = await t.schnorrPublicKey(ctx(), new Uint8Array(IDL.encode([IDL.Text], ['nope'])));
        expect(out).toMatchObject({ kind: 'rejected', errorCode: 'IC0408' });
    });
});

describe('sign_with_schnorr', () => {
    it('produces non-deterministic Ed25519 signatures that verify against schnorr_public_key', async () => {
        const path = [enc('tokens')];
        const pk = reply<PK>(await t.schnorrPublicKey(ctx(), pkArgs('ed25519', path)), C.PublicKeyResult).public_key;
        const msg = enc('worker token payload');
        const a = await t.signWithSchnorr(ctx(FEE + 5n), signArgs('ed25519', msg, path));
        const b = await t.signWithSchnorr(ctx(FEE), signArgs('ed25519', msg, path));
        const sigA = reply<Sig>(a, C.SignatureResult).signature;
        const sigB = reply<Sig>(b, C.SignatureResult).signature;
        expect(sigA.length).toBe(64);
        expect(ed25519.verify(sigA, msg, pk)).toBe(true);
        expect(ed25519.verify(sigB, msg, pk)).toBe(true);
        expect(Buffer.from(sigA).equals(Buffer.from(sigB))).toBe(false);
        expect(ed25519.verify(sigA, enc('worker token payloaD'), pk)).toBe(false);
        expect(a.cyclesKept).toBe(FEE);
    });

    it('produces BIP340 signatures over messages of any length', async () => {
        const pk = reply<PK>(await t.schnorrPublicKey(ctx(), pkArgs('bip340secp256k1')), C.PublicKeyResult).public_key;
        for (const len of [0, 1, 32, 100]) {
            const msg = new Uint8Array(len).fill(7);
            const sig = reply<Sig>(await t.signWithSchnorr(ctx(FEE), signArgs('bip340secp256k1', msg)), C.SignatureResult).signature;
            expect(sig.length).toBe(64);
            expect(schnorr.verify(sig, msg, pk.subarray(1))).toBe(true);
        }
    });

    it('signs BIP341 (taproot) with the tweaked internal key', async () => {
        const internal = reply<PK>(await t.schnorrPublicKey(ctx(), pkArgs('bip340secp256k1')), C.PublicKeyResult).public_key;
        const msg = sha256(enc('taproot spend'));
        for (const root of [new Uint8Array(0), sha256(enc('script tree'))]) {
            const sig = reply<Sig>(await t.signWithSchnorr(ctx(FEE), signArgs('bip340secp256k1', msg, [], undefined, root)), C.SignatureResult).signature;
            const px = internal.subarray(1);
            const tweak = BigInt('0x' + Buffer.from(schnorr.utils.taggedHash('TapTweak', px, root)).toString('hex'));
            const Q = schnorr.utils.lift_x(BigInt('0x' + Buffer.from(px).toString('hex'))).add(secp256k1.Point.BASE.multiply(tweak));
            const qx = Q.toBytes(true).subarray(1);
            expect(schnorr.verify(sig, msg, qx)).toBe(true);
            expect(schnorr.verify(sig, msg, px)).toBe(false);
        }
    });

    it('rejects bad bip341 aux before charging', async () => {
        const badLen = await t.signWithSchnorr(ctx(FEE), signArgs('bip340secp256k1', enc('m'), [], undefined, new Uint8Array(31)));
        expect(badLen).toMatchObject({ kind: 'rejected', rejectCode: RejectCode.CanisterReject, rejectMessage: 'bip341 merkle_root_hash must be empty or 32 bytes, got 31', cyclesKept: 0n });
        const ed = await t.signWithSchnorr(ctx(FEE), signArgs('ed25519', enc('m'), [], undefined, new Uint8Array(32)));
        expect(ed.kind === 'rejected' && ed.rejectMessage).toBe('The bip341 aux parameter is only allowed for bip340secp256k1 keys');
    });

    it('charges the documented fee per key and rejects too few cycles', async () => {
        expect(signatureFee('test_key_1')).toBe(10_000_000_000n);
        expect(signatureFee('dfx_test_key')).toBe(10_000_000_000n);
        expect(signatureFee('key_1')).toBe(26_153_846_153n);
        const poor = await t.signWithSchnorr(ctx(26_153_846_152n), signArgs('ed25519', enc('m'), [], 'key_1'));
        expect(poor).toEqual({
            kind: 'rejected',
            rejectCode: RejectCode.CanisterReject,
            rejectMessage: 'sign_with_schnorr request sent with 26153846152 cycles, but 26153846153 cycles are required.',
            errorCode: 'IC0406',
            cyclesKept: 0n
        });
        const rich = await t.signWithSchnorr(ctx(30_000_000_000n), signArgs('ed25519', enc('m'), [], 'key_1'));
        expect(rich).toMatchObject({ kind: 'replied', cyclesKept: 26_153_846_153n });
    });

    it('rejects unknown keys with the replica text', async () => {
        const out = await t.signWithSchnorr(ctx(FEE), signArgs('bip340secp256k1', enc('m'), [], 'dfx_test_key1'));
        expect(out.kind === 'rejected' && out.rejectMessage).toMatch(/^Requested unknown or disabled threshold key: schnorr:Bip340Secp256k1:dfx_test_key1, existing enabled keys: \[/);
    });
});

describe('ecdsa', () => {
    const key = { curve: { secp256k1: null }, name: 'dfx_test_key' };
    it('signs a 32-byte hash with a low-s signature that verifies against ecdsa_public_key', async () => {
        const path = [Uint8Array.of(0, 0, 0, 7)];
        const pk = reply<PK>(
            await t.ecdsaPublicKey(ctx(), new Uint8Array(IDL.encode([C.EcdsaPublicKeyArgs], [{ canister_id: [], derivation_path: path, key_id: key }]))),
            C.PublicKeyResult
        ).public_key;
        const master = t.masterPublicKey('ecdsa_secp256k1', 'dfx_test_key');
        expect(Buffer.from(pk).equals(Buffer.from(deriveThresholdPublicKey(master, CANISTER.toUint8Array(), path, 'ecdsa_secp256k1').publicKey))).toBe(true);
        const hash = sha256(enc('tx'));
        const out = await t.signWithEcdsa(ctx(FEE), new Uint8Array(IDL.encode([C.SignWithEcdsaArgs], [{ message_hash: hash, derivation_path: path, key_id: key }])));
        const sig = reply<Sig>(out, C.SignatureResult).signature;
        expect(sig.length).toBe(64);
        expect(secp256k1.verify(sig, hash, pk, { lowS: true })).toBe(true);
        expect(out.cyclesKept).toBe(FEE);
    });

    it('rejects a message_hash that is not 32 bytes', async () => {
        const out = await t.signWithEcdsa(ctx(FEE), new Uint8Array(IDL.encode([C.SignWithEcdsaArgs], [{ message_hash: new Uint8Array(31), derivation_path: [], key_id: key }])));
        expect(out).toMatchObject({ kind: 'rejected', rejectMessage: 'message_hash must be 32 bytes, got 31', cyclesKept: 0n });
    });
});

describe('master seed', () => {
    it('refuses a seed shorter than 16 bytes', () => {
        expect(() => createThresholdMethods({ masterSeed: new Uint8Array(15) })).toThrow(/masterSeed/);
    });

    it('lists the nine master public keys of a seed', () => {
        const keys = masterPublicKeys({ masterSeed: SEED });
        expect(Object.keys(keys)).toHaveLength(9);
        expect(keys['schnorr:Ed25519:test_key_1']).toBe(Buffer.from(t.masterPublicKey('schnorr_ed25519', 'test_key_1')).toString('hex'));
        expect(keys['ecdsa:Secp256k1:key_1']).toMatch(/^0[23][0-9a-f]{64}$/);
        expect(keys['schnorr:Ed25519:key_1']).toMatch(/^[0-9a-f]{64}$/);
    });
});
