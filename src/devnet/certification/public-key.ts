/**
 * Sender public keys and their signatures, spec index.md §"Signatures" (Ed25519, ECDSA P-256, ECDSA secp256k1,
 * canister signatures). WebAuthn keys are not supported by the devnet (its dev identity provider never issues them).
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { p256 } from '@noble/curves/nist.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { bytesEqual, fromHex, sha256 } from './bytes.js';
import { ED25519_DER_PREFIX } from './devnet-keys.js';
import { verifyCanisterSignature } from './canister-signature.js';

export const P256_DER_PREFIX = fromHex('3059301306072a8648ce3d020106082a8648ce3d030107034200');
export const SECP256K1_DER_PREFIX = fromHex('3056301006072a8648ce3d020106052b8104000a034200');
/** AlgorithmIdentifier of canister signatures, OID 1.3.6.1.4.1.56387.1.2. */
export const CANISTER_SIG_ALGORITHM = fromHex('300c060a2b0601040183b8430102');
const WEBAUTHN_ALGORITHM = fromHex('300c060a2b0601040183b8430101');

export type PublicKeyKind = 'ed25519' | 'ecdsa-p256' | 'ecdsa-secp256k1' | 'canister-signature';

export interface ParsedPublicKey {
    kind: PublicKeyKind;
    der: Uint8Array;
    /** Verifies `signature` over `message`; never throws. */
    verify(message: Uint8Array, signature: Uint8Array): boolean;
}

export type ParseKeyResult = { ok: true; key: ParsedPublicKey } | { ok: false; reason: string };

const startsWith = (bytes: Uint8Array, prefix: Uint8Array): boolean => bytes.length >= prefix.length && bytesEqual(bytes.subarray(0, prefix.length), prefix);

function safe(f: () => boolean): boolean {
    try {
        return f();
    } catch {
        return false;
    }
}

/** Parses a DER SubjectPublicKeyInfo; `rootKeyDer` is the key canister signatures must chain to. */
export function parsePublicKey(der: Uint8Array, rootKeyDer: Uint8Array): ParseKeyResult {
    if (startsWith(der, ED25519_DER_PREFIX) && der.length === ED25519_DER_PREFIX.length + 32) {
        const raw = der.subarray(ED25519_DER_PREFIX.length);
        return { ok: true, key: { kind: 'ed25519', der, verify: (m, s) => safe(() => ed25519.verify(s, m, raw)) } };
    }
    for (const [kind, prefix, curve] of [
        ['ecdsa-p256', P256_DER_PREFIX, p256],
        ['ecdsa-secp256k1', SECP256K1_DER_PREFIX, secp256k1]
    ] as const) {
        if (startsWith(der, prefix) && der.length === prefix.length + 65) {
            const raw = der.subarray(prefix.length);
            // Spec: ECDSA signatures are r‖s over SHA-256(message); high-s is accepted.
            const verify = (m: Uint8Array, s: Uint8Array): boolean => safe(() => curve.verify(s, sha256(m), raw, { lowS: false, prehash: false }));
            return { ok: true, key: { kind, der, verify } };
        }
    }
    const spki = parseSpki(der);
    if (spki && bytesEqual(spki.algorithm, CANISTER_SIG_ALGORITHM)) {
        const raw = spki.key;
        const cidLength = raw[0] ?? 0;
        if (raw.length < 1 + cidLength || cidLength === 0) return { ok: false, reason: 'malformed canister signature public key' };
        const canisterId = raw.subarray(1, 1 + cidLength);
        const seed = raw.subarray(1 + cidLength);
        const verify = (m: Uint8Array, s: Uint8Array): boolean => verifyCanisterSignature({ canisterId, seed, message: m, signature: s, rootKeyDer }).ok;
        return { ok: true, key: { kind: 'canister-signature', der, verify } };
    }
    if (spki && bytesEqual(spki.algorithm, WEBAUTHN_ALGORITHM)) return { ok: false, reason: 'WebAuthn sender keys are not supported by the devnet' };
    return { ok: false, reason: 'unsupported or malformed public key (expected Ed25519, ECDSA P-256/secp256k1 or canister signature DER)' };
}

/** Minimal DER SEQUENCE { AlgorithmIdentifier, BIT STRING } split; undefined when malformed. */
function parseSpki(der: Uint8Array): { algorithm: Uint8Array; key: Uint8Array } | undefined {
    const outer = readTlv(der, 0);
    if (!outer || der[0] !== 0x30 || outer.end !== der.length) return undefined;
    const alg = readTlv(der, outer.contentStart);
    if (!alg || der[outer.contentStart] !== 0x30) return undefined;
    const bits = readTlv(der, alg.end);
    if (!bits || der[alg.end] !== 0x03 || bits.end !== der.length || der[bits.contentStart] !== 0) return undefined;
    return { algorithm: der.subarray(outer.contentStart, alg.end), key: der.subarray(bits.contentStart + 1, bits.end) };
}

function readTlv(b: Uint8Array, at: number): { contentStart: number; end: number } | undefined {
    let pos = at + 1;
    const first = b[pos++];
    if (first === undefined) return undefined;
    let length = first;
    if (first & 0x80) {
        const n = first & 0x7f;
        if (n === 0 || n > 3) return undefined;
        length = 0;
        for (let i = 0; i < n; i++) {
            const byte = b[pos++];
            if (byte === undefined) return undefined;
            length = (length << 8) | byte;
        }
    }
    return pos + length <= b.length ? { contentStart: pos, end: pos + length } : undefined;
}

