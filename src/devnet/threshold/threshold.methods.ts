/**
 * `schnorr_public_key`, `sign_with_schnorr`, `ecdsa_public_key`, `sign_with_ecdsa` (IC interface spec,
 * management-canister.md). Keys are derived exactly as on the IC (canister id first, then the derivation path;
 * see src/shared/crypto/ic-key-derivation.ts), so a public key derived off-chain from
 * `masterPublicKey(kind, name)` equals what the canister gets from `*_public_key`.
 *
 * Rejects: undecodable argument → IC0408; unknown key, over-long path, bad aux / hash, too few cycles → IC0406
 * CANISTER_REJECT (replica texts where known). Public-key calls are free; signatures keep the key's fee and
 * refund the rest of the attached cycles.
 */
import type { Principal } from '@dfinity/principal';
import { RejectCode, type ManagementContext, type ManagementMethod, type ManagementOutcome } from '../engine-api';
import { deriveThresholdPublicKey, MAX_DERIVATION_PATH_LENGTH, type ThresholdAlgorithm } from '../../shared/crypto';
import { isKeyName, signatureFee, unknownKeyMessage, type KeyKind } from './key-ids';
import { createMasterKeys, type MasterKeys } from './master-keys';
import { defaultRandomBytes, signBip340, signEcdsa, signEd25519, type RandomBytes } from './signers';
import {
    decodePublicKeyArgs,
    decodeSignWithEcdsaArgs,
    decodeSignWithSchnorrArgs,
    encodePublicKeyResult,
    encodeSignatureResult,
    type PublicKeyRequest,
    type SignRequest
} from './threshold.candid';
import { ED25519_ORDER, SECP256K1_ORDER } from './crypto-utils';

export interface ThresholdOptions {
    /** Seed of the devnet master keys (16..1024 bytes); keep it in devnet state so keys survive restarts. */
    masterSeed?: Uint8Array;
    /** Randomness for Ed25519 nonces and BIP340 aux_rand; injectable for tests. */
    randomBytes?: RandomBytes;
}

export interface ThresholdMethods {
    schnorrPublicKey: ManagementMethod;
    signWithSchnorr: ManagementMethod;
    ecdsaPublicKey: ManagementMethod;
    signWithEcdsa: ManagementMethod;
    /** The master public key of a key id (what the IC publishes for key_1/test_key_1), for off-chain derivation. */
    masterPublicKey(kind: KeyKind, name: string): Uint8Array;
}

export const ECDSA_MESSAGE_HASH_BYTES = 32;
export const BIP341_MERKLE_ROOT_BYTES = 32;

const rejected = (message: string, errorCode = 'IC0406'): ManagementOutcome => ({
    kind: 'rejected',
    rejectCode: RejectCode.CanisterReject,
    rejectMessage: message,
    errorCode,
    cyclesKept: 0n
});

const kindOf = (algorithm: PublicKeyRequest['algorithm']): KeyKind =>
    algorithm === 'ed25519' ? 'schnorr_ed25519' : algorithm === 'bip340secp256k1' ? 'schnorr_bip340secp256k1' : 'ecdsa_secp256k1';
const derivationAlgorithm = (kind: KeyKind): ThresholdAlgorithm => (kind === 'schnorr_ed25519' ? 'ed25519' : kind === 'schnorr_bip340secp256k1' ? 'bip340secp256k1' : 'ecdsa_secp256k1');

function decodeOr<T>(decode: () => T): T | ManagementOutcome {
    try {
        return decode();
    } catch (e) {
        return rejected(`Error decoding candid: ${(e as Error).message}`, 'IC0408');
    }
}
const isOutcome = (x: unknown): x is ManagementOutcome => typeof x === 'object' && x !== null && 'cyclesKept' in x;

function pathTooLong(path: readonly Uint8Array[]): string | undefined {
    return path.length > MAX_DERIVATION_PATH_LENGTH ? `derivation_path has ${path.length} entries, but at most ${MAX_DERIVATION_PATH_LENGTH} are allowed` : undefined;
}

/**
 * @example const t = createThresholdMethods({ masterSeed }); engine.register('sign_with_schnorr', t.signWithSchnorr);
 */
export function createThresholdMethods(options: ThresholdOptions = {}): ThresholdMethods {
    const keys: MasterKeys = createMasterKeys(options.masterSeed);
    const random = options.randomBytes ?? defaultRandomBytes;

    const derive = (kind: KeyKind, name: Parameters<MasterKeys['get']>[1], canister: Principal, path: Uint8Array[]) => {
        const master = keys.get(kind, name);
        const d = deriveThresholdPublicKey(master.publicKey, canister.toUint8Array(), path, derivationAlgorithm(kind));
        const order = kind === 'schnorr_ed25519' ? ED25519_ORDER : SECP256K1_ORDER;
        return { ...d, secret: (master.secret + d.offset) % order };
    };

    const publicKey = (ecdsa: boolean): ManagementMethod => async (ctx: ManagementContext, arg: Uint8Array) => {
        const req = decodeOr(() => decodePublicKeyArgs(arg, ecdsa ? 'ecdsa' : 'schnorr'));
        if (isOutcome(req)) return req;
        const kind = kindOf(req.algorithm);
        if (!isKeyName(req.keyName)) return rejected(unknownKeyMessage(kind, req.keyName, 'public_key'));
        const tooLong = pathTooLong(req.derivationPath);
        if (tooLong) return rejected(tooLong);
        const d = derive(kind, req.keyName, req.canisterId ?? ctx.caller, req.derivationPath);
        return { kind: 'replied', reply: encodePublicKeyResult(d.publicKey, d.chainCode), cyclesKept: 0n };
    };

    const sign = (method: 'sign_with_schnorr' | 'sign_with_ecdsa', decode: (arg: Uint8Array) => SignRequest): ManagementMethod =>
        async (ctx: ManagementContext, arg: Uint8Array) => {
            const req = decodeOr(() => decode(arg));
            if (isOutcome(req)) return req;
            const kind = kindOf(req.algorithm);
            if (!isKeyName(req.keyName)) return rejected(unknownKeyMessage(kind, req.keyName, 'sign'));
            const invalid = pathTooLong(req.derivationPath) ?? signArgsError(kind, req);
            if (invalid) return rejected(invalid);
            const fee = signatureFee(req.keyName);
            if (ctx.cyclesAttached < fee) return rejected(`${method} request sent with ${ctx.cyclesAttached} cycles, but ${fee} cycles are required.`);
            const { secret } = derive(kind, req.keyName, ctx.caller, req.derivationPath);
            const signature =
                kind === 'schnorr_ed25519'
                    ? signEd25519(secret, req.message, random)
                    : kind === 'schnorr_bip340secp256k1'
                      ? signBip340(secret, req.message, random, req.merkleRoot)
                      : signEcdsa(secret, req.message);
            return { kind: 'replied', reply: encodeSignatureResult(signature), cyclesKept: fee };
        };

    return {
        schnorrPublicKey: publicKey(false),
        ecdsaPublicKey: publicKey(true),
        signWithSchnorr: sign('sign_with_schnorr', decodeSignWithSchnorrArgs),
        signWithEcdsa: sign('sign_with_ecdsa', decodeSignWithEcdsaArgs),
        masterPublicKey(kind, name) {
            if (!isKeyName(name)) throw new RangeError(unknownKeyMessage(kind, name, 'public_key'));
            return Uint8Array.from(keys.get(kind, name).publicKey);
        }
    };
}

/** Spec constraints on the signing arguments (devnet wording; the replica texts were not available). */
function signArgsError(kind: KeyKind, req: SignRequest): string | undefined {
    if (req.merkleRoot !== undefined) {
        if (kind !== 'schnorr_bip340secp256k1') return 'The bip341 aux parameter is only allowed for bip340secp256k1 keys';
        if (req.merkleRoot.length !== 0 && req.merkleRoot.length !== BIP341_MERKLE_ROOT_BYTES) {
            return `bip341 merkle_root_hash must be empty or ${BIP341_MERKLE_ROOT_BYTES} bytes, got ${req.merkleRoot.length}`;
        }
    }
    if (kind === 'ecdsa_secp256k1' && req.message.length !== ECDSA_MESSAGE_HASH_BYTES) {
        return `message_hash must be ${ECDSA_MESSAGE_HASH_BYTES} bytes, got ${req.message.length}`;
    }
    return undefined;
}
