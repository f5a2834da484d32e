import { defineConfig } from 'vitest/config';

// Devnet engine tests: real Azle wasm in the in-process devnet. Fixtures are built once by the global setup.
export default defineConfig({
    test: {
        include: ['tests/devnet/**/*.test.ts'],
        globalSetup: ['tests/devnet/global-setup.ts'],
        testTimeout: 120_000,
        hookTimeout: 300_000,
        // Each file instantiates canisters (tens of MB of wasm memory each); keep parallelism modest on shared machines.
        maxWorkers: 2,
        pool: 'forks'
    }
});
