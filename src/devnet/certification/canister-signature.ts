/**
 * Canister signatures, spec index.md §"Canister signatures": a signature is CBOR `{certificate, tree}`; it is valid
 * iff the certificate verifies against the root key, the certificate's `/canister/<cid>/certified_data` equals
 * reconstruct(tree), and `tree` has an empty leaf at `/sig/<sha256(seed)>/<sha256(message)>`.
 * This is how Internet Identity (and the devnet's dev identity provider) sign delegations.
 */
import { cborDecode, isCborMap } from './cbor.js';
import { bytesEqual, sha256, utf8 } from './bytes.js';
import { verifyCertificate } from './certificate.js';
import { lookupPath, reconstruct, toHashTree } from './hash-tree.js';

export function verifyCanisterSignature(args: {
    canisterId: Uint8Array;
    seed: Uint8Array;
    message: Uint8Array;
    signature: Uint8Array;
    rootKeyDer: Uint8Array;
}): { ok: true } | { ok: false; reason: string } {
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
