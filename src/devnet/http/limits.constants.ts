/** Limits of the HTTP interface (developer-docs resource-limits.md; replica http_endpoints config). */

/** Spec: ingress message payload (arg) limit, 2 MiB. */
export const MAX_INGRESS_PAYLOAD_BYTES = 2 * 1024 * 1024;
/** Room for the envelope around the arg: keys, signatures, up to 20 delegations with targets. */
export const ENVELOPE_OVERHEAD_BYTES = 512 * 1024;
export const MAX_REQUEST_BODY_BYTES = MAX_INGRESS_PAYLOAD_BYTES + ENVELOPE_OVERHEAD_BYTES;
/** Spec: read_state accepts at most 1000 paths of at most 127 labels. */
export const MAX_READ_STATE_PATHS = 1000;
export const MAX_PATH_LABELS = 127;
/** Spec: nonce is at most 32 bytes. */
export const MAX_NONCE_BYTES = 32;
/** Principals are at most 29 bytes. */
export const MAX_PRINCIPAL_BYTES = 29;
/** Bound on a method name (the IC caps exported method names' total at 20,000 bytes). */
export const MAX_METHOD_NAME_BYTES = 20_000;
/** How long v3/v4 calls wait for a certified answer before answering 202 (replica: ingress certificate timeout). */
export const SYNC_CALL_TIMEOUT_MS = 10_000;
/** How many finished requests' senders the server remembers for read_state permission checks. */
export const MAX_TRACKED_REQUESTS = 100_000;
