/** Why a wasm module could not be prepared for the devnet. */
export const PrepareErrorCode = {
    /** Not a wasm binary, or binaryen/V8 rejected it. */
    InvalidWasm: 'ERR_INVALID_WASM',
    /** Larger than MAX_WASM_MODULE_BYTES. */
    TooLarge: 'ERR_WASM_TOO_LARGE',
    /** Valid wasm that uses something the devnet does not support (e.g. SIMD, atomics, a second memory). */
    Unsupported: 'ERR_WASM_UNSUPPORTED'
} as const;
export type PrepareErrorCode = (typeof PrepareErrorCode)[keyof typeof PrepareErrorCode];

/** A user error: the canister's wasm is at fault, not the devnet. */
export class PrepareError extends Error {
    readonly code: PrepareErrorCode;
    constructor(code: PrepareErrorCode, message: string) {
        super(message);
        this.name = 'PrepareError';
        this.code = code;
    }
}
