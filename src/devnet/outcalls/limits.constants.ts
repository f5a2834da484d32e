/**
 * HTTPS outcall limits and fees, as the IC enforces them.
 * Sources: IC interface spec management-canister.md §"IC method http_request"; dfinity/ic
 * rs/types/types/src/canister_http.rs (MAX_CANISTER_HTTP_*), rs/https_outcalls/adapter (timeouts, user agent),
 * docs/references/cycle-costs.md "HTTPS outcalls" (pricing v1, "legacy").
 */

/** Request size: header names + values + body. */
export const MAX_HTTP_REQUEST_BYTES = 2_000_000;
/** Ceiling of `max_response_bytes`, and its value when unset. */
export const MAX_HTTP_RESPONSE_BYTES = 2_000_000n;
export const MAX_HTTP_URL_BYTES = 8192;
export const MAX_HTTP_HEADER_COUNT = 64;
/** Per header name, and per header value. */
export const MAX_HTTP_HEADER_NAME_VALUE_BYTES = 8 * 1024;
export const MAX_HTTP_HEADERS_TOTAL_BYTES = 48 * 1024;

/** Adapter request timeout (DEFAULT_HTTP_REQUEST_TIMEOUT_SECS = 30). */
export const DEFAULT_HTTP_TIMEOUT_MS = 30_000;
/** Bound on the configurable timeout (the IC's consensus-level limit for an outcall is 60 s; 10 min leaves room for slow local models). */
export const MAX_HTTP_TIMEOUT_MS = 600_000;
/** Replicas on an application subnet. */
export const DEFAULT_SUBNET_SIZE = 13;
/** Bound on the configurable subnet size (the largest IC subnets have 40-odd nodes). */
export const MAX_SUBNET_SIZE = 64;
/** Node's default response header limit is 16 KiB; the adapter accepts 52 KiB (MAX_HEADER_LIST_SIZE). */
export const MAX_RESPONSE_HEADER_SECTION_BYTES = 52 * 1024;

/** Sent when the canister sets no user-agent header; does not count towards the header limits. */
export const FALLBACK_USER_AGENT = 'ic/1.0';

/** Pricing v1: total = (BASE + PER_NODE·n)·n + PER_REQUEST_BYTE·n·request_bytes + PER_RESPONSE_BYTE·n·max_response_bytes. */
export const HTTP_REQUEST_BASE_FEE_CYCLES = 3_000_000n;
export const HTTP_REQUEST_PER_NODE_FEE_CYCLES = 60_000n;
export const HTTP_REQUEST_PER_REQUEST_BYTE_FEE_CYCLES = 400n;
export const HTTP_REQUEST_PER_RESPONSE_BYTE_FEE_CYCLES = 800n;
