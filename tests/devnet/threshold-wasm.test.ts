/**
 * Threshold signatures end to end inside the devnet: a wasm canister calls aaaaa-aa through ic0.call_*, the
 * devnet dispatches to src/devnet/threshold, and the results verify off-chain against keys derived from the
 * devnet's master public key with src/shared/crypto (as the worker gateway does).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { IDL } from '@dfinity/candid';
import { Principal } from '@dfinity/principal';
import { ed25519 } from '@noble/curves/ed25519';
import { schnorr } from '@noble/curves/secp256k1';
import { Devnet } from '../../src/devnet';
import { RejectCode } from '../../src/devnet/engine-api';
import { deployCanister } from '../../src/devnet/testing';
import { createThresholdMethods, thresholdCandid as C } from '../../src/devnet/threshold';
import { deriveSchnorrPublicKey } from '../../src/shared/crypto';
import { decodeGoReply, goArg, outcallCanisterWasm } from './outcalls-wasm.fixture';

const controller = Principal.fromText('rrkah-fqaaa-aaaaa-aaaaq-cai');
const SIGN_CYCLES = 12_000_000_000n;
let devnet: Devnet | undefined;
afterEach(() => {
    devnet?.close();
    devnet = undefined;
});

async function setup() {
    devnet = await Devnet.create({});
    const id = await deployCanister(devnet, { wasm: outcallCanisterWasm(new Uint8Array()), sender: controller });
    const call = async (method: string, payload: Uint8Array, cycles: bigint) => {
        const out = await devnet!.update({ sender: controller, canisterId: id, method: 'go', arg: goArg(method, payload, cycles) });
        if (out.kind !== 'replied') throw new Error(`go was rejected: ${out.rejectMessage}`);
        return decodeGoReply(out.reply);
    };
    return { id, call };
}

const key = (algorithm: 'ed25519' | 'bip340secp256k1') => ({ algorithm: { [algorithm]: null }, name: 'test_key_1' });
const path = [new TextEncoder().encode('worker-tokens')];

describe('threshold Schnorr from a wasm canister', () => {
    for (const algorithm of ['ed25519', 'bip340secp256k1'] as const) {
        it(`${algorithm}: the public key matches offline derivation and signatures verify against it`, async () => {
            const { id, call } = await setup();
            const pkOut = await call('schnorr_public_key', new Uint8Array(IDL.encode([C.SchnorrPublicKeyArgs], [{ canister_id: [], derivation_path: path, key_id: key(algorithm) }])), 0n);
            if (pkOut.kind !== 'reply') throw new Error(pkOut.message);
            const [pk] = IDL.decode([C.PublicKeyResult], pkOut.reply) as unknown as [{ public_key: Uint8Array; chain_code: Uint8Array }];

            // The devnet registers the default-seed instance; derive its canister key offline.
            const master = createThresholdMethods().masterPublicKey(algorithm === 'ed25519' ? 'schnorr_ed25519' : 'schnorr_bip340secp256k1', 'test_key_1');
            const offline = deriveSchnorrPublicKey(master, id.toUint8Array(), path, algorithm);
            expect(Buffer.from(pk.public_key).toString('hex')).toBe(Buffer.from(offline.publicKey).toString('hex'));

            const message = new TextEncoder().encode('{"aud":"worker","exp":1}');
            const sigOut = await call('sign_with_schnorr', new Uint8Array(IDL.encode([C.SignWithSchnorrArgs], [{ message, derivation_path: path, key_id: key(algorithm), aux: [] }])), SIGN_CYCLES);
            if (sigOut.kind !== 'reply') throw new Error(sigOut.message);
            const [{ signature }] = IDL.decode([C.SignatureResult], sigOut.reply) as unknown as [{ signature: Uint8Array }];
            const valid = algorithm === 'ed25519' ? ed25519.verify(signature, message, offline.publicKey) : schnorr.verify(signature, message, offline.publicKey.subarray(1));
            expect(valid).toBe(true);
            expect(sigOut.refunded).toBe(SIGN_CYCLES - 10_000_000_000n);
        });
    }

    it('rejects a signature request with too few cycles and refunds them', async () => {
        const { call } = await setup();
        const r = await call('sign_with_schnorr', new Uint8Array(IDL.encode([C.SignWithSchnorrArgs], [{ message: new Uint8Array([1]), derivation_path: [], key_id: key('ed25519'), aux: [] }])), 1_000n);
        expect(r).toEqual({ kind: 'reject', rejectCode: RejectCode.CanisterReject, refunded: 1_000n, message: 'sign_with_schnorr request sent with 1000 cycles, but 10000000000 cycles are required.' });
    });
});
