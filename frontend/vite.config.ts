/**
 * Vite config for the DeAI Atlas frontend. Env files and `VITE_*` / `CANISTER_ID_*` / `DFX_NETWORK` variables are
 * read from the repository root (dfx writes `.env` there via `output_env_file`; `npm start` sets them in-process).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
    root: fileURLToPath(new URL('.', import.meta.url)),
    envDir: ROOT,
    envPrefix: ['VITE_', 'CANISTER_ID_', 'DFX_NETWORK'],
    plugins: [react()],
    // The generated bindings import IDL from @icp-sdk/core, but idlFactory receives the IDL it builds with: give it
    // @dfinity/candid (which @dfinity/agent already bundles) instead of a second Candid library (11 KB gzipped).
    resolve: { alias: { '@icp-sdk/core/candid': '@dfinity/candid' } },
    build: {
        outDir: 'dist',
        emptyOutDir: true,
        // The plots page is lazy-loaded, so the charting library lands in its own chunk, out of the initial load.
        chunkSizeWarningLimit: 1200
    },
    server: { host: '127.0.0.1', strictPort: true, fs: { allow: [ROOT] } },
    clearScreen: false
});
