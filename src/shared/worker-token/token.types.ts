/** The signed claims of a worker token (docs/worker-protocol.md §2). Times are Unix seconds (integers). */
export interface WorkerTokenPayload {
    /** Audience: the worker id or the URL origin the canister meant to call (e.g. "https://gpu1.example.org"). */
    aud: string;
    /** Issuer: the calling canister's principal, text form. */
    iss: string;
    /** Issued at, Unix seconds. */
    iat: number;
    /** Expiry, Unix seconds. */
    exp: number;
    /** Idempotency key: identical for the replicated copies of one outcall, unique per logical request. */
    idk: string;
    /** Lower-case hex SHA-256 of the exact request body bytes. */
    bh: string;
}

export type WorkerTokenErrorCode =
    | 'token_malformed'
    | 'token_version'
    | 'token_signature'
    | 'token_payload'
    | 'token_expired'
    | 'token_not_yet_valid'
    | 'token_lifetime'
    | 'token_audience'
    | 'token_issuer';

export type WorkerTokenResult =
    | { ok: true; payload: WorkerTokenPayload }
    | { ok: false; code: WorkerTokenErrorCode; message: string };

/** What the verifier trusts, and the time it verifies at. */
export interface WorkerTokenPolicy {
    /** The canister's ed25519 public keys (32 bytes each; several allow key rotation). */
    publicKeys: readonly Uint8Array[];
    /** Accepted `aud` values (exact match). */
    audiences: readonly string[];
    /** Accepted `iss` values; empty means any issuer whose signature verifies. */
    issuers: readonly string[];
    /** Current time, Unix seconds. */
    nowS: number;
    /**
     * Ed25519 verification; default: @noble/curves (pure JS, strict RFC 8032). A Node host can pass a native
     * implementation (node:crypto), which is an order of magnitude faster.
     */
    verifySignature?: Ed25519Verify;
}

/** True iff `signature` is a valid ed25519 signature of `message` under the 32-byte `publicKey`; never throws. */
export type Ed25519Verify = (signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array) => boolean;
