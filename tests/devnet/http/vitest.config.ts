import { defineConfig } from 'vitest/config';

// Devnet HTTP interface, certification, built-in canisters and dev identity provider.
// Run: npx vitest run --config tests/devnet/http/vitest.config.ts
export default defineConfig({
    test: {
        include: ['tests/devnet/http/**/*.test.ts'],
        globalSetup: ['tests/devnet/global-setup.ts'],
        testTimeout: 120_000,
        hookTimeout: 300_000,
        fileParallelism: false
    }
});
