/**
 * Memory budgets and overhead terms for the fit calculator (fit.ts). Bytes unless the name says
 * otherwise. The browser and phone budgets are documented assumptions, not measurements; use a
 * `custom` target with your own number when you know better.
 */

export const GIB_BYTES = 1024 ** 3;
export const MIB_BYTES = 1024 ** 2;

/** wasm32 address space of a canister: 4 GiB heap. */
export const IC_WASM32_HEAP_BYTES = 4 * GIB_BYTES;
/** Usable canister heap for model data: 3.75 GiB (the rest holds code, stack and the runtime). */
export const IC_CANISTER_USABLE_BYTES = 3.75 * GIB_BYTES;
/** Stable memory a single message can read, roughly (anchors.md §3.2); loading large weights takes many messages. */
export const IC_STABLE_READ_PER_MESSAGE_BYTES = 2 * GIB_BYTES;

/** A browser tab (WebGPU/wasm32): below the 4 GiB wasm32 ceiling, leaving room for the page itself. */
export const BROWSER_BUDGET_BYTES = 3.5 * GIB_BYTES;
/** A phone with 4 GB RAM: the OS and other apps keep about half; mobile OSes kill apps well before RAM is full. */
export const PHONE_BUDGET_BYTES = 2 * GIB_BYTES;

/**
 * Runtime overhead = fixed + fraction × (weights + KV cache).
 * Fixed: GPU context (CUDA/ROCm/Metal) and compute/scratch buffers on discrete accelerators; the
 * runtime, compute buffers and stack in wasm targets. Fraction: activations, allocator
 * fragmentation and alignment padding, growing with what is stored.
 */
export const OVERHEAD_FRACTION = 0.05;
export const OVERHEAD_FIXED_ACCELERATOR_BYTES = 512 * MIB_BYTES;
export const OVERHEAD_FIXED_WASM_BYTES = 256 * MIB_BYTES;

export const DEFAULT_FIT_CONTEXT_TOKENS = 4096;
