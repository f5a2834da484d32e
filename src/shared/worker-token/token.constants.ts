/**
 * Limits of the worker token (docs/worker-protocol.md §2). Shared by the canister that builds tokens and the
 * worker gateway that verifies them, so both sides reject the same things.
 */

/** Version tag: the first dot-separated part of every token. */
export const WORKER_TOKEN_VERSION = 'v1';

/** Whole token string, in characters (a payload of bounded fields + a 64-byte signature fits easily). */
export const MAX_WORKER_TOKEN_CHARS = 2048;

/** Longest accepted `exp - iat`: a token signed for one outcall lives minutes, not hours. */
export const MAX_WORKER_TOKEN_LIFETIME_S = 600;

/** Clock skew tolerated between the IC's time and the worker's clock, in both directions. */
export const WORKER_TOKEN_CLOCK_SKEW_S = 30;

/** Bounds of the text fields of the payload. */
export const MAX_AUDIENCE_CHARS = 256;
export const MAX_ISSUER_CHARS = 64; // a principal's text form is at most 63 characters
export const MAX_IDEMPOTENCY_KEY_CHARS = 128;

/** Ed25519 (RFC 8032) sizes. */
export const ED25519_PUBLIC_KEY_BYTES = 32;
export const ED25519_SIGNATURE_BYTES = 64;

/** Hex length of a SHA-256 digest. */
export const SHA256_HEX_CHARS = 64;
