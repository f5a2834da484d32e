import { defineConfig } from 'vitest/config';

// Devnet engine tests (and the wasm preparation tests under tests/devnet/wasm): real Azle wasm in the in-process
// devnet. Fixtures are built once by the global setup. Suites with their own config are excluded so `npm test`
// runs each test once: tests/devnet/http (vitest.config.ts there) and outcalls/threshold (outcalls.vitest.config.ts).
export default defineConfig({
    test: {
        include: ['tests/devnet/**/*.test.ts'],
        exclude: ['tests/devnet/http/**', 'tests/devnet/outcalls*.test.ts', 'tests/devnet/threshold*.test.ts', '**/node_modules/**'],
        globalSetup: ['tests/devnet/global-setup.ts'],
        testTimeout: 120_000,
        hookTimeout: 300_000,
        // Each file instantiates canisters (tens of MB of wasm memory each); keep parallelism modest on shared machines.
        maxWorkers: 2,
        pool: 'forks'
    }
});
