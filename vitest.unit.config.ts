import { defineConfig } from 'vitest/config';

// Pure logic (src/shared, CLI helpers, dataset): no devnet, no network, no browser.
export default defineConfig({
    test: {
        include: ['tests/unit/**/*.test.ts'],
        testTimeout: 30_000
    }
});
