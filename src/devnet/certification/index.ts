/** Public surface of the devnet's certification module (pure, no HTTP). */
export { cborDecode, cborEncode, CborDecodeError, isCborMap, type CborMap, type CborValue } from './cbor.js';
export { bytesEqual, compareBytes, concatBytes, domainSeparator, fromHex, leb128, decodeLeb128, sha224, sha256, toHex, utf8 } from './bytes.js';
export { EMPTY, fork, labeled, leaf, pruned, reconstruct, lookupPath, lookupSubtree, labeledForest, toHashTree as decodeHashTree, type HashTree, type LookupResult } from './hash-tree.js';
export { stateDir, insertAt, resolvePath, toHashTree, type StateDir, type StateNode } from './state-tree.js';
export { hashOfMap, requestId } from './request-id.js';
export { devnetKeys, generateKeySecrets, verifyBls, ed25519Der, BLS_ROOT_KEY_DER_PREFIX, ROOT_KEY_DER_BYTES, type DevnetKeys } from './devnet-keys.js';
export { loadOrCreateKeys } from './key-store.js';
export { signCertificate, verifyCertificate } from './certificate.js';
export * from './state-paths.js';
export { createCertifier } from './data-certifier.js';
export { authenticate, MAX_DELEGATION_CHAIN_LENGTH, type AuthenticationResult } from './authentication.js';
export { checkIngressExpiry, MAX_INGRESS_TTL_NS } from './ingress-expiry.js';
export { parsePublicKey, CANISTER_SIG_ALGORITHM } from './public-key.js';
export { verifyCanisterSignature } from './canister-signature.js';
