/**
 * The devnet's key material: a BLS12-381 root (subnet) key that signs certificates, and one Ed25519 node key
 * that signs query responses (spec §"Certification" and §"Query call" response signatures).
 */
import { bls12_381 } from '@noble/curves/bls12-381.js';
import { ed25519 } from '@noble/curves/ed25519.js';
import { Principal } from '@dfinity/principal';
import { concatBytes, fromHex } from './bytes.js';

/** DER prefix of the root key: OIDs 1.3.6.1.4.1.44668.5.3.1.2.1 and .5.3.2.1 (certification.md §"Root of trust"). */
export const BLS_ROOT_KEY_DER_PREFIX = fromHex('308182301d060d2b0601040182dc7c0503010201060c2b0601040182dc7c05030201036100');
export const BLS_PUBLIC_KEY_BYTES = 96;
export const ROOT_KEY_DER_BYTES = 133;
/** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410). */
export const ED25519_DER_PREFIX = fromHex('302a300506032b6570032100');

export interface DevnetKeySecrets {
    /** 32-byte BLS12-381 secret scalar. */
    rootSecret: Uint8Array;
    /** 32-byte Ed25519 seed. */
    nodeSecret: Uint8Array;
}

export interface DevnetKeys {
    readonly secrets: DevnetKeySecrets;
    /** 133-byte DER root key, as `/api/v2/status` serves it. */
    readonly rootKeyDer: Uint8Array;
    /** The devnet's only subnet: selfAuthenticating(root key DER), as clients derive it when there is no delegation. */
    readonly subnetId: Principal;
    readonly nodeKeyDer: Uint8Array;
    readonly nodeId: Principal;
    /** Signs `"\x0Dic-state-root" ‖ root hash` style messages: BLS min-sig (G1 signature, 48 bytes). */
    signBls(message: Uint8Array): Uint8Array;
    /** Ed25519 signature by the node key. */
    signNode(message: Uint8Array): Uint8Array;
}

export function generateKeySecrets(): DevnetKeySecrets {
    return { rootSecret: bls12_381.utils.randomPrivateKey(), nodeSecret: ed25519.utils.randomPrivateKey() };
}

export function ed25519Der(publicKey: Uint8Array): Uint8Array {
    return concatBytes(ED25519_DER_PREFIX, publicKey);
}

export function devnetKeys(secrets: DevnetKeySecrets): DevnetKeys {
    const blsPublic = bls12_381.getPublicKeyForShortSignatures(secrets.rootSecret);
    const rootKeyDer = concatBytes(BLS_ROOT_KEY_DER_PREFIX, blsPublic);
    const nodeKeyDer = ed25519Der(ed25519.getPublicKey(secrets.nodeSecret));
    return {
        secrets,
        rootKeyDer,
        subnetId: Principal.selfAuthenticating(rootKeyDer),
        nodeKeyDer,
        nodeId: Principal.selfAuthenticating(nodeKeyDer),
        signBls: (message) => bls12_381.signShortSignature(message, secrets.rootSecret),
        signNode: (message) => ed25519.sign(message, secrets.nodeSecret)
    };
}

/** Verifies a BLS min-sig signature against a 133-byte DER root key. */
export function verifyBls(rootKeyDer: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
    if (rootKeyDer.length !== ROOT_KEY_DER_BYTES) return false;
    try {
        return bls12_381.verifyShortSignature(signature, message, rootKeyDer.subarray(BLS_ROOT_KEY_DER_PREFIX.length));
    } catch {
        return false;
    }
}
