export const TextEncoder = globalThis.TextEncoder;
export const TextDecoder = globalThis.TextDecoder;
