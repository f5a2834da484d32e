import { defineConfig } from 'vitest/config';

// Backend canister features through the real wasm in the devnet. The global setup builds the canisters once.
export default defineConfig({
    test: {
        include: ['tests/backend/**/*.test.ts'],
        globalSetup: ['tests/backend/global-setup.ts'],
        testTimeout: 300_000,
        hookTimeout: 600_000,
        maxWorkers: 2,
        pool: 'forks'
    }
});
