import { defineConfig } from 'vitest/config';

// Outcalls, threshold signatures and their pure crypto: real node:http servers, no devnet global setup.
export default defineConfig({
    test: {
        root: new URL('../..', import.meta.url).pathname,
        include: ['tests/devnet/outcalls*.test.ts', 'tests/devnet/threshold*.test.ts'],
        testTimeout: 30_000
    }
});
