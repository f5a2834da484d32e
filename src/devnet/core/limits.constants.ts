/**
 * IC production limits and cost formulas the devnet mirrors, with units in the names.
 * Sources: developer-docs `docs/references/resource-limits.md`, ic-interface spec 0.66 (canister-interface.md,
 * management-canister.md), and the IC's `SubnetConfig`/`CyclesAccountManagerConfig` for a 13-node app subnet.
 */

const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;

/** Ingress message payload (https-interface.md §"Limits"). */
export const MAX_INGRESS_BYTES = 2 * MiB;
/** Inter-canister request payload on the same subnet (a single-subnet devnet is always same-subnet). */
export const MAX_INTER_CANISTER_PAYLOAD_BYTES = 10 * MiB;
/** Reply size for replicated executions (updates, callbacks). */
export const MAX_REPLY_BYTES_REPLICATED = 2 * MiB;
/** Reply size for non-replicated queries. */
export const MAX_REPLY_BYTES_QUERY = 3 * MiB;

/** Instructions per message (resource-limits.md). */
export const INSTRUCTION_LIMIT_UPDATE = 40_000_000_000n;
export const INSTRUCTION_LIMIT_QUERY = 5_000_000_000n;
export const INSTRUCTION_LIMIT_INSTALL = 300_000_000_000n;
export const INSTRUCTION_LIMIT_INSPECT_MESSAGE = 200_000_000n;

/** Wasm32 heap and stable memory limits. */
export const WASM_PAGE_BYTES = 64 * KiB;
export const MAX_WASM_MEMORY_BYTES = 4 * GiB;
export const STABLE_PAGE_BYTES = 64 * KiB;
export const MAX_STABLE_MEMORY_BYTES = 500 * GiB;
export const MAX_STABLE_PAGES = BigInt(MAX_STABLE_MEMORY_BYTES / STABLE_PAGE_BYTES);

/** Chunked install (management-canister.md §"upload_chunk"). */
export const MAX_CHUNK_BYTES = 1 * MiB;
/** CHUNK_STORE_SIZE is implementation-defined; the replica uses 100 chunks. */
export const MAX_CHUNKS_PER_STORE = 100;
/** Uncompressed wasm module limit. */
export const MAX_WASM_MODULE_BYTES = 100 * MiB;

/** Best-effort calls: timeouts are clamped to this (IC `MAX_CALL_TIMEOUT_SECONDS`). */
export const MAX_CALL_TIMEOUT_SECONDS = 300;
export const NS_PER_SECOND = 1_000_000_000n;

/** Certified data is at most 32 bytes (canister-interface.md §"Certified data"). */
export const MAX_CERTIFIED_DATA_BYTES = 32;
/** Principals are at most 29 bytes. */
export const MAX_PRINCIPAL_BYTES = 29;
/** Controllers per canister. */
export const MAX_CONTROLLERS = 10;
/** Method names are bounded by the total exported-name budget; one name may not exceed it. */
export const MAX_METHOD_NAME_BYTES = 20_000;
/** Reject messages are truncated by the replica; keep ours bounded. */
export const MAX_REJECT_MESSAGE_BYTES = 8 * KiB;

/** Canister log buffer (fetch_canister_logs); the IC keeps the newest 4 KiB, the devnet keeps more for debugging. */
export const MAX_CANISTER_LOG_BYTES = 64 * KiB;
/** One debug_print record is truncated to this many bytes. */
export const MAX_LOG_RECORD_BYTES = 4 * KiB;

/** `DEFAULT_PROVISIONAL_CYCLES_BALANCE` (100 T). */
export const DEFAULT_PROVISIONAL_CYCLES = 100_000_000_000_000n;
/** Default freezing threshold: 30 days. */
export const DEFAULT_FREEZING_THRESHOLD_SECONDS = 2_592_000n;
/** Default reserved_cycles_limit (5 T) and wasm_memory_limit (3 GiB) as reported by canister_status. */
export const DEFAULT_RESERVED_CYCLES_LIMIT = 5_000_000_000_000n;
export const DEFAULT_WASM_MEMORY_LIMIT_BYTES = 3n * BigInt(GiB);
/** Default log_memory_limit reported in settings. */
export const DEFAULT_LOG_MEMORY_LIMIT_BYTES = 4096n;

/** Environment variables (update_settings). */
export const MAX_ENV_VARS = 20;
export const MAX_ENV_VAR_BYTES = 128;

/** Live clock: how often the background loop delivers messages and fires due timers. */
export const LIVE_ROUND_INTERVAL_MS = 50;
/** Live clock: heartbeats run about once per second, like a mainnet round. */
export const LIVE_HEARTBEAT_INTERVAL_MS = 1_000;
/** A drain delivers at most this many messages before yielding to the event loop (guards runaway self-calls). */
export const MAX_MESSAGES_PER_DRAIN = 5_000;
/** Ingress request statuses kept for read_state; the oldest finished ones are dropped beyond this. */
export const MAX_REQUEST_RECORDS = 10_000;
/** Management canister id (aaaaa-aa) is the empty principal. */
export const MANAGEMENT_CANISTER_TEXT = 'aaaaa-aa';

// ---- Cycles costs for a 13-node application subnet (CyclesAccountManagerConfig::application_subnet). ----
export const REFERENCE_SUBNET_SIZE = 13;
/** Fee charged for every executed update message / callback / task. */
export const UPDATE_MESSAGE_EXECUTION_FEE_CYCLES = 5_000_000n;
/** 10 instructions cost 4 cycles on a 13-node subnet. */
export const TEN_UPDATE_INSTRUCTIONS_EXECUTION_FEE_CYCLES = 4n;
export const INGRESS_MESSAGE_RECEPTION_FEE_CYCLES = 1_200_000n;
export const INGRESS_BYTE_RECEPTION_FEE_CYCLES = 2_000n;
export const XNET_CALL_FEE_CYCLES = 260_000n;
export const XNET_BYTE_TRANSMISSION_FEE_CYCLES = 1_000n;
/** Storage: cycles per GiB per second. */
export const GIB_STORAGE_PER_SECOND_FEE_CYCLES = 127_000n;
/** Cost of creating a canister (charged by create_canister, not by provisional creation). */
export const CANISTER_CREATION_FEE_CYCLES = 500_000_000_000n;
/** Reserved by call_perform for executing the response, refunded when the response runs. */
export const MAX_CYCLES_PER_RESPONSE_RESERVATION = 5_000_000n;

/** Host-charged instructions per System API call (IC `system_api_complexity` overhead: a flat base plus bytes). */
export const SYSTEM_API_BASE_INSTRUCTIONS = 500n;
export const SYSTEM_API_INSTRUCTIONS_PER_BYTE = 1n;
/** Stable memory access is charged more (IC: stable read/write overhead 20 + bytes). */
export const STABLE_API_BASE_INSTRUCTIONS = 20n;
