/**
 * Canister signatures, spec index.md §"Canister signatures": a signature is CBOR `{certificate, tree}`; it is valid
 * iff the certificate verifies against the root key, the certificate's `/canister/<cid>/certified_data` equals
 * reconstruct(tree), and `tree` has an empty leaf at `/sig/<sha256(seed)>/<sha256(message)>`.
 * This is how Internet Identity (and the devnet's dev identity provider) sign delegations.
 */
import { cborDecode, isCborMap } from './cbor.js';
import { bytesEqual, concatBytes, sha256, toHex, utf8 } from './bytes.js';
import { verifyCertificate } from './certificate.js';
import { lookupPath, reconstruct, toHashTree } from './hash-tree.js';

/** Successful verifications remembered (a BLS pairing costs ~30 ms; II sessions repeat one delegation per request). */
export const MAX_CACHED_CANISTER_SIGNATURES = 4096;
const verified = new Set<string>();

export function verifyCanisterSignature(args: {
    canisterId: Uint8Array;
    seed: Uint8Array;
    message: Uint8Array;
    signature: Uint8Array;
    rootKeyDer: Uint8Array;
}): { ok: true } | { ok: false; reason: string } {
    const len = (b: Uint8Array): Uint8Array => Uint8Array.of(b.length >> 24, b.length >> 16, b.length >> 8, b.length);
    const parts = [args.rootKeyDer, args.canisterId, args.seed, args.message, args.signature];
    const key = toHex(sha256(concatBytes(...parts.flatMap((p) => [len(p), p]))));
    if (verified.has(key)) return { ok: true };
    const result = verifyUncached(args);
    if (result.ok) {
        if (verified.size >= MAX_CACHED_CANISTER_SIGNATURES) verified.delete(verified.values().next().value!);
        verified.add(key);
    }
    return result;
}

function verifyUncached(args: { canisterId: Uint8Array; seed: Uint8Array; message: Uint8Array; signature: Uint8Array; rootKeyDer: Uint8Array }): { ok: true } | { ok: false; reason: string } {
    let decoded;
    try {
        decoded = cborDecode(args.signature);
    } catch {
        return { ok: false, reason: 'canister signature is not CBOR' };
    }
    if (!isCborMap(decoded) || !(decoded.certificate instanceof Uint8Array)) return { ok: false, reason: 'canister signature lacks a certificate' };
    const cert = verifyCertificate(decoded.certificate, args.rootKeyDer);
    if (!cert.ok) return cert;
    let sigTree;
    try {
        sigTree = toHashTree(decoded.tree);
    } catch {
        return { ok: false, reason: 'canister signature tree is malformed' };
    }
    const certified = lookupPath([utf8('canister'), args.canisterId, utf8('certified_data')], cert.tree);
    if (certified.kind !== 'found' || !bytesEqual(certified.value, reconstruct(sigTree))) {
        return { ok: false, reason: 'canister signature tree does not match the certified data' };
    }
    const sig = lookupPath([utf8('sig'), sha256(args.seed), sha256(args.message)], sigTree);
    if (sig.kind !== 'found' || sig.value.length !== 0) return { ok: false, reason: 'canister signature does not cover this message' };
    return { ok: true };
}
