/**
 * Certificates, spec certification.md §"Certificate" and §"Certificate validation".
 * The devnet is a single root subnet, so its certificates carry no delegation.
 */
import { cborDecode, cborEncode, isCborMap, type CborValue } from './cbor.js';
import { concatBytes, domainSeparator } from './bytes.js';
import type { DevnetKeys } from './devnet-keys.js';
import { verifyBls } from './devnet-keys.js';
import { reconstruct, toHashTree, type HashTree } from './hash-tree.js';

const DS_STATE_ROOT = domainSeparator('ic-state-root');

/** CBOR `{tree, signature}` signed with the devnet root key. */
export function signCertificate(keys: DevnetKeys, tree: HashTree): Uint8Array {
    const signature = keys.signBls(concatBytes(DS_STATE_ROOT, reconstruct(tree)));
    return cborEncode({ tree: tree as unknown as CborValue, signature });
}

export type CertificateCheck = { ok: true; tree: HashTree } | { ok: false; reason: string };

/**
 * Validates a certificate against `rootKeyDer`. Delegated certificates are refused: nothing signs them on the
 * devnet, and a canister signature from elsewhere cannot be checked against this root key anyway.
 */
export function verifyCertificate(bytes: Uint8Array, rootKeyDer: Uint8Array): CertificateCheck {
    let tree: HashTree;
    let signature: CborValue;
    try {
        const cert = cborDecode(bytes);
        if (!isCborMap(cert)) return { ok: false, reason: 'certificate is not a CBOR map' };
        if (cert.delegation !== undefined) return { ok: false, reason: 'delegated certificates are not issued by the devnet' };
        tree = toHashTree(cert.tree);
        signature = cert.signature;
    } catch (e) {
        return { ok: false, reason: `malformed certificate: ${(e as Error).message}` };
    }
    if (!(signature instanceof Uint8Array)) return { ok: false, reason: 'certificate signature missing' };
    if (!verifyBls(rootKeyDer, concatBytes(DS_STATE_ROOT, reconstruct(tree)), signature)) {
        return { ok: false, reason: 'certificate signature does not verify against the devnet root key' };
    }
    return { ok: true, tree };
}
