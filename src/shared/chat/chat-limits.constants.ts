/**
 * Bounds on canonical chat requests and on wire responses we accept (style.md §10.7: every text, list and
 * number has a named bound with its unit). Sizes are UTF-8 bytes.
 *
 * The request bounds sit well under the IC's 2 MiB ingress limit; the response bound is the HTTPS outcall
 * maximum (outcalls.md §1.4).
 */

export const CHAT_LIMITS = {
  MAX_MODEL_ID_BYTES: 128,
  MAX_MESSAGES: 64,
  MAX_MESSAGE_CONTENT_BYTES: 32 * 1024 /* 32 KiB */,
  /** Sum over all message contents and tool-call arguments. */
  MAX_TOTAL_CONTENT_BYTES: 256 * 1024 /* 256 KiB */,
  MAX_TOOLS: 32,
  MAX_TOOL_DESCRIPTION_BYTES: 1024,
  MAX_TOOL_PROPERTIES: 32,
  MAX_ENUM_VALUES: 64,
  MAX_ENUM_VALUE_BYTES: 256,
  MAX_TOOL_CALLS_PER_MESSAGE: 16,
  MAX_TOOL_CALL_ID_BYTES: 128,
  /** Serialized (compact JSON) size of one tool call's arguments. */
  MAX_TOOL_ARGUMENTS_BYTES: 16 * 1024 /* 16 KiB */,
  /** Nesting depth of a tool call's arguments (the object itself is depth 1). */
  MAX_JSON_DEPTH: 8,
  MAX_STOP_SEQUENCES: 4,
  MAX_STOP_SEQUENCE_BYTES: 64,
  MIN_MAX_TOKENS: 1,
  MAX_MAX_TOKENS: 8192,
  MIN_TEMPERATURE: 0,
  MAX_TEMPERATURE: 2,
  /** top_p is in (0, 1]. */
  MAX_TOP_P: 1,
  /** llama.cpp takes a uint32 seed; every other target accepts that range too. */
  MAX_SEED: 4_294_967_295,
  /** Largest wire response body we parse: the HTTPS outcall maximum (2,000,000 bytes). */
  MAX_RESPONSE_BODY_BYTES: 2_000_000,
  /** Largest assistant text we accept in a decoded response. */
  MAX_RESPONSE_CONTENT_BYTES: 256 * 1024 /* 256 KiB */,
  /** Largest token count we accept in a response's usage block. */
  MAX_USAGE_TOKENS: 100_000_000,
  /** Upstream error messages are cut to this many bytes before they are reported. */
  MAX_UPSTREAM_ERROR_MESSAGE_BYTES: 512,
} as const;

/** Tool names as OpenAI restricts them (the strictest of the targets): `^[a-zA-Z0-9_-]{1,64}$`. */
export const TOOL_NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** Property names must be usable as JSON keys and as Candid `name` text; we keep them short and printable. */
export const PROPERTY_NAME_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;
