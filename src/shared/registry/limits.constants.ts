/**
 * Bounds on every registry field (style.md §10.7). Text lengths are in UTF-16 code units
 * (`string.length`); list limits are item counts; numeric ranges are inclusive and in the unit named.
 * validate.ts enforces them; the canister and the frontend import the same constants.
 */

/** Slug ids: lower-case, start alphanumeric, at most 64 chars. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;
export const ID_MAX_CHARS = 64;

// Text lengths (chars)
export const NAME_MAX_CHARS = 128; // names, vendors, families, publishers
export const SHORT_TEXT_MAX_CHARS = 64; // memory type, quant label, versions, benchmark slug, harness
export const LICENSE_MAX_CHARS = 128;
export const TITLE_MAX_CHARS = 256;
export const URL_MAX_CHARS = 2048;
export const NOTE_MAX_CHARS = 1024; // Source.note, SourceRef.note, update_cadence
export const NOTES_MAX_CHARS = 4096; // record-level notes
export const FIELD_PATH_MAX_CHARS = 128; // SourceRef.field
export const PRINCIPAL_MAX_CHARS = 63; // textual principal (29 bytes → at most 63 chars)
export const SEARCH_QUERY_MAX_CHARS = 256;
export const SEARCH_MAX_TOKENS = 16;

// List counts
export const SOURCES_MIN = 1;
export const SOURCES_MAX = 32;
export const SOURCE_REFS_MAX = 256;
export const PRICES_MAX = 16;
export const HARDWARE_VENDORS_MAX = 32;
export const VARIANTS_MAX = 64;
export const SCORES_MAX = 128;
export const COMPARE_MAX_IDS = 4;
export const PAGE_SIZE_DEFAULT = 20;
export const PAGE_SIZE_MAX = 100;
/**
 * Longest cursor: base64url of JSON [1, key, dir, value, id]. The largest sort value is a lower-cased
 * name (128 UTF-16 units, at most 3 UTF-8 bytes each = 384 B + quotes), the id 64 B, key and framing
 * under 64 B: ≤ 514 B → ≤ 686 base64 chars. 1024 leaves room without letting clients send megabytes.
 */
export const CURSOR_MAX_CHARS = 1024;
export const RECOMMEND_LIMIT_MAX = 50;

/** Inclusive numeric range with its unit, used by validate.ts and quoted in error reasons. */
export interface NumberRange {
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
  readonly unit: string;
}

const r = (min: number, max: number, unit: string, integer = false): NumberRange => ({ min, max, unit, integer });

// Hardware (wafer-scale parts such as Cerebras WSE-3 set the upper ends: 21 PB/s on-chip, 125 PFLOPS, 23 kW systems)
export const MEMORY_GB_RANGE = r(0.001, 1_000_000, 'GB');
export const MEMORY_BANDWIDTH_GB_S_RANGE = r(0.001, 100_000_000, 'GB/s');
export const TDP_W_RANGE = r(0.001, 1_000_000, 'W');
export const PRICE_VALUE_RANGE = r(0, 100_000_000, 'currency units');
export const PEAK_TFLOPS_RANGE = r(0, 10_000_000, 'TFLOPS or TOPS');
export const INTERCONNECT_GB_S_RANGE = r(0, 100_000_000, 'GB/s');
export const RELEASE_YEAR_RANGE = r(1970, 2100, 'year', true);

// Models
export const PARAMS_B_RANGE = r(0.000001, 100_000, 'billion parameters');
export const LAYERS_RANGE = r(1, 4096, 'layers', true);
export const HIDDEN_SIZE_RANGE = r(1, 1_048_576, 'dimensions', true);
export const HEADS_RANGE = r(1, 16_384, 'heads', true);
export const HEAD_DIM_RANGE = r(1, 16_384, 'dimensions', true);
export const VOCAB_RANGE = r(1, 16_777_216, 'tokens', true);
export const EXPERTS_RANGE = r(1, 65_536, 'experts', true);
export const CONTEXT_TOKENS_RANGE = r(1, 1_000_000_000, 'tokens', true);
export const BITS_PER_WEIGHT_RANGE = r(1, 32, 'bits');
export const FILE_SIZE_BYTES_RANGE = r(1, 1e15, 'bytes', true);
/** Percent for accuracy benchmarks; Elo-style ratings (e.g. `arena_elo`) also fit. */
export const SCORE_RANGE = r(-10_000, 10_000, 'score');
export const SHOTS_RANGE = r(0, 10_000, 'shots', true);

// Benchmark results
export const BATCH_RANGE = r(1, 1_000_000, 'sequences', true);
export const TOKENS_PER_REQUEST_RANGE = r(0, 1_000_000_000, 'tokens', true);
export const CONCURRENCY_RANGE = r(1, 1_000_000, 'requests', true);
export const DEVICE_COUNT_RANGE = r(1, 1_000_000, 'devices', true);
export const TOKENS_PER_S_RANGE = r(0, 1e9, 'tokens/s');
export const TTFT_MS_RANGE = r(0, 1e9, 'ms');
export const POWER_W_RANGE = r(0, 1e8, 'W');

// Fit calculator inputs
export const FIT_BATCH_RANGE = r(1, 4096, 'sequences', true);
export const FIT_MEMORY_BYTES_RANGE = r(1, 1e15, 'bytes', true);
export const FIT_MAX_DEVICES = 1024;

export const CURRENCY_PATTERN = /^[A-Z]{3}$/;
export const SHA256_PATTERN = /^[0-9a-f]{64}$/;
export const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Textual principal: groups of 5 base32 chars (last may be shorter) joined by dashes. */
export const PRINCIPAL_PATTERN = /^[a-z2-7]{1,5}(-[a-z2-7]{1,5})*$/;
/** Lower-case vendor slugs in Runtime.hardware_vendors. */
export const VENDOR_SLUG_PATTERN = /^[a-z0-9][a-z0-9._-]{0,31}$/;
