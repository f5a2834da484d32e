import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from '../../../src/cli/start';
import { readCanisterIds, readDeployed, writeCanisterIds, writeDeployed } from '../../../src/cli/start/canister-ids';

describe('npm start arguments', () => {
    it('has local defaults and parses every option', () => {
        expect(parseArgs([])).toEqual({ port: 4943, vitePort: 5173, workerPort: 4944, clean: false, build: true, stateDir: '.devnet' });
        expect(parseArgs(['--port', '0', '--vite-port', '3000', '--worker-port', '8001', '--clean', '--no-build', '--state-dir', '/tmp/x']))
            .toEqual({ port: 0, vitePort: 3000, workerPort: 8001, clean: true, build: false, stateDir: '/tmp/x' });
        expect(parseArgs(['--no-worker']).workerPort).toBeNull();
    });

    it('refuses bad ports and unknown options with the list of options', () => {
        expect(() => parseArgs(['--port', '70000'])).toThrow('--port needs a port number (0..65535), got 70000');
        expect(() => parseArgs(['--port'])).toThrow(/needs a port number/);
        expect(() => parseArgs(['--frobnicate'])).toThrow(/unknown option --frobnicate \(options: --port N/);
    });
});

describe('canister_ids.json', () => {
    it('round-trips in dfx format and tolerates a missing or corrupt file', () => {
        const dir = mkdtempSync(join(tmpdir(), 'deai-ids-'));
        expect(readCanisterIds(dir)).toEqual({});
        writeCanisterIds(dir, { backend: { local: 'bkyz2-fmaaa-aaaaa-qaaaq-cai' } });
        expect(JSON.parse(readFileSync(join(dir, 'canister_ids.json'), 'utf8'))).toEqual({ backend: { local: 'bkyz2-fmaaa-aaaaa-qaaaq-cai' } });
        writeFileSync(join(dir, 'canister_ids.json'), '{not json');
        expect(readCanisterIds(dir)).toEqual({});
        expect(readDeployed(dir)).toEqual({ wasmSha256: {} });
        writeDeployed(dir, { wasmSha256: { backend: 'ab' } });
        expect(readDeployed(dir).wasmSha256.backend).toBe('ab');
    });
});
