import { encodeBase64Url } from './base64url';
import { WORKER_TOKEN_VERSION } from './token.constants';
import { encodeUtf8 } from './utf8';
import type { WorkerTokenPayload } from './token.types';

/**
 * Token = `v1.<base64url(payload JSON)>.<base64url(signature)>`; the signature covers the ASCII bytes of
 * `v1.<base64url(payload JSON)>` (docs/worker-protocol.md §2). Signing over the encoded text means the
 * verifier never has to re-serialise JSON canonically.
 */

/** The part the canister signs. Field order is fixed so one payload gives one text. */
export function workerTokenSigningInput(payload: WorkerTokenPayload): string {
    const json = JSON.stringify({
        aud: payload.aud,
        iss: payload.iss,
        iat: payload.iat,
        exp: payload.exp,
        idk: payload.idk,
        bh: payload.bh
    });
    return `${WORKER_TOKEN_VERSION}.${encodeBase64Url(encodeUtf8(json))}`;
}

/** The bytes to pass as `message` to `sign_with_schnorr` (ed25519 signs the message itself, not a hash). */
export function workerTokenSigningBytes(payload: WorkerTokenPayload): Uint8Array {
    return encodeUtf8(workerTokenSigningInput(payload));
}

/** Joins the signing input and the 64-byte signature into the token text. */
export function encodeWorkerToken(signingInput: string, signature: Uint8Array): string {
    return `${signingInput}.${encodeBase64Url(signature)}`;
}
