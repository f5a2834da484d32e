import { defineConfig } from 'vitest/config';

// Browser end-to-end tests: headless Chromium (playwright-core) against the app as `npm start` runs it
// (devnet + backend wasm + Vite dev server), started once on free ports by the global setup.
// Skipped with a loud message when Chromium is missing (apt-get install chromium).
export default defineConfig({
    test: {
        include: ['tests/e2e/**/*.test.ts'],
        globalSetup: ['tests/e2e/global-setup.ts'],
        testTimeout: 120_000,
        hookTimeout: 600_000,
        fileParallelism: false,
        pool: 'forks'
    }
});
