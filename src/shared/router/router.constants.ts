/**
 * Production limits of the chat router, with units (style.md §10.7). The LLM canister's own limits live in
 * src/shared/chat/llm-canister-limits.ts; outcall limits and prices in outcalls.md §1.4–§1.5.
 */

export const ROUTER_LIMITS = {
    /** One user message, UTF-8 bytes. */
    MAX_USER_MESSAGE_BYTES: 32 * 1024,
    /** Caller-supplied system prompt, UTF-8 bytes. */
    MAX_SYSTEM_PROMPT_BYTES: 4 * 1024,
    /** Targets tried per chat (first choice plus fallbacks). */
    MAX_ATTEMPTS: 4,
    /** Output tokens a caller may ask for (the LLM canister caps at 1000 itself). */
    MAX_OUTPUT_TOKENS: 4096,
    DEFAULT_OUTPUT_TOKENS: 512,
    /** History messages loaded into one chat (the canonical request bound is 64, minus system and new turn). */
    MAX_HISTORY_MESSAGES: 60,
    /** History bytes loaded into one chat (under the canonical 256 KiB total the worker gateway enforces). */
    MAX_HISTORY_BYTES: 192 * 1024,
    /** Stored messages per conversation; the oldest are kept, the conversation refuses more. */
    MAX_MESSAGES_PER_CONVERSATION: 200,
    MAX_CONVERSATIONS_PER_PRINCIPAL: 100,
    MAX_TITLE_CHARS: 80,
    /** Page sizes for history and listings. */
    MAX_PAGE: 100,
    MAX_WORKERS: 200,
    MAX_MODELS_PER_WORKER: 16,
    MAX_URL_CHARS: 512,
    MAX_ID_CHARS: 64,
    MAX_TASKS: 32,
    MAX_QUOTA_OVERRIDES: 10_000,
    /** Model or task names. */
    MAX_NAME_CHARS: 128,
    /** Context window a worker may declare, tokens. */
    MAX_CONTEXT_TOKENS: 10_000_000,
    /** USD per 1M tokens a worker may declare. */
    MAX_PRICE_USD_PER_MTOK: 1_000,
    /** Error texts kept in attempts, characters. */
    MAX_ERROR_TEXT_CHARS: 300
} as const;

/** Worker health probing (timer) and windows. */
export const HEALTH = {
    PROBE_INTERVAL_S: 60,
    /** Probes kept per worker: the uptime and latency window. */
    WINDOW_PROBES: 60,
    /** Below this uptime (ratio over the window) a worker is not routed to, once it has this many probes. */
    MIN_UPTIME: 0.5,
    MIN_PROBES_FOR_UPTIME: 3,
    /** Raw /health bodies above this fail the probe (max_response_bytes of the probe outcall). */
    PROBE_MAX_RESPONSE_BYTES: 8 * 1024,
    /** Workers probed per timer tick, to bound one tick's instructions and outstanding calls. */
    MAX_PROBES_PER_TICK: 20
} as const;

/** Circuit breaker defaults (controllers can change them). */
export const BREAKER_DEFAULTS = {
    /** Consecutive failures that open the breaker. */
    FAILURE_THRESHOLD: 3,
    COOLDOWN_S: 60,
    /** Cool-down doubles on each failed half-open trial, up to this. */
    MAX_COOLDOWN_S: 3_600
} as const;

/** Worker token lifetime, seconds (≤ MAX_WORKER_TOKEN_LIFETIME_S of the token module). */
export const WORKER_TOKEN_LIFETIME_S = 120;

/** Per-principal default limits; controllers override per principal or change the defaults. */
export const QUOTA_DEFAULTS = {
    REQUESTS_PER_DAY: 200,
    TOKENS_PER_DAY: 200_000,
    /** 2 T cycles ≈ $2.7 a day: pays ~80 signed worker outcalls with key_1. */
    CYCLES_PER_DAY: 2_000_000_000_000n,
    REQUESTS_PER_MINUTE: 20
} as const;

export const NS_PER_S = 1_000_000_000n;
export const SECONDS_PER_DAY = 86_400;
