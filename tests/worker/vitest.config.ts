import { defineConfig } from 'vitest/config';

// Worker gateway + GGUF tooling: real node:http servers on 127.0.0.1 and real llama.cpp (node-llama-cpp, CPU).
// Files run one at a time: llama.cpp threads and a shared 2-core machine make parallel files slower, not faster.
export default defineConfig({
    test: {
        root: new URL('../..', import.meta.url).pathname,
        include: ['tests/worker/**/*.test.ts'],
        testTimeout: 60_000,
        hookTimeout: 60_000,
        fileParallelism: false
    }
});
