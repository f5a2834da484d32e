/**
 * The icp CLI (npm @icp-sdk/icp-cli-linux-x64, unmodified) against the devnet HTTP interface:
 * `icp deploy` of the pre-built backend through the shipped icp.yaml (cycles ledger create_canister,
 * update_settings, canister_status, chunked install), `icp canister call` round trips, and Candid fetched
 * from `/canister/<id>/metadata/candid:service`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Principal } from '@dfinity/principal';
import { deployCanister } from '../../../src/devnet/testing/index.js';
import { BACKEND_WASM, PROBE_WASM, probeInitArg } from '../fixtures.js';
import { readStableWasm, startHttpFixture, type HttpFixture } from './http-fixtures.js';
import { withCustomSection } from './wasm-sections.js';

const run = promisify(execFile);
const ICP = resolve('node_modules/@icp-sdk/icp-cli-linux-x64/bin/icp');

async function icpRunnable(): Promise<string | undefined> {
    if (!existsSync(ICP)) return `icp binary not found at ${ICP}`;
    try {
        await run(ICP, ['--version'], { timeout: 30_000 });
        return undefined;
    } catch (e) {
        return `icp binary cannot run: ${(e as Error).message}`;
    }
}

const skipReason = await icpRunnable();
if (skipReason) console.warn(`\n!!! SKIPPING icp CLI tests: ${skipReason} !!!\n`);

let fx: HttpFixture;
let home: string;
let project: string;
let icp: (args: string[]) => Promise<string>;

beforeAll(async () => {
    if (skipReason) return;
    fx = await startHttpFixture();
    home = await mkdtemp(join(tmpdir(), 'icp-home-'));
    project = await mkdtemp(join(tmpdir(), 'icp-project-'));
    // The shipped icp.yaml, pointed at this test's server and at a snapshot of the backend wasm (other work in
    // this tree may rebuild .azle/backend while the test runs).
    await writeFile(join(project, 'backend.wasm'), await readStableWasm(BACKEND_WASM));
    const yaml = (await readFile('icp.yaml', 'utf8'))
        .replace('http://127.0.0.1:4943', fx.server.url)
        .replace('path: .azle/backend/backend.wasm', `path: ${join(project, 'backend.wasm')}`);
    expect(yaml).toContain(fx.server.url);
    await writeFile(join(project, 'icp.yaml'), yaml);
    icp = async (args) => {
        const { stdout, stderr } = await run(ICP, args, {
            cwd: project,
            env: { ...process.env, HOME: home, DO_NOT_TRACK: '1', NO_COLOR: '1' },
            timeout: 240_000,
            maxBuffer: 16 * 1024 * 1024
        }).catch((e: { stdout?: string; stderr?: string; message: string }) => {
            throw new Error(`icp ${args.join(' ')} failed: ${e.message}\nstdout: ${e.stdout}\nstderr: ${e.stderr}`);
        });
        return `${stdout}\n${stderr}`;
    };
});
afterAll(async () => {
    await fx?.close();
    if (home) await rm(home, { recursive: true, force: true });
    if (project) await rm(project, { recursive: true, force: true });
});

describe.skipIf(skipReason !== undefined)('icp CLI 1.5.0 against the devnet', () => {
    it('deploys the backend with icp.yaml and calls it', async () => {
        await icp(['deploy', 'backend', '-e', 'local', '-y']);
        const ids = JSON.parse(await readFile(join(project, '.icp', 'data', 'mappings', 'local.ids.json'), 'utf8')) as Record<string, string>;
        const backendId = Principal.fromText(ids.backend!);
        const info = fx.devnet.canisterInfo(backendId)!;
        expect(info.moduleHash).toBeDefined();
        const out = await icp(['canister', 'call', 'backend', 'version', '()', '-e', 'local', '--candid', resolve('canisters/backend/backend.did')]);
        expect(out).toMatch(/\(\s*"[^"]+"\s*,?\s*\)/);
        // top-up goes through the cycles ledger's withdraw.
        const cycles = fx.devnet.canisterInfo(backendId)!.cycles;
        await icp(['canister', 'top-up', 'backend', '--amount', '1t', '-e', 'local']);
        expect(fx.devnet.canisterInfo(backendId)!.cycles).toBeGreaterThan(cycles);
        // Re-deploy takes the upgrade path (canister_status shows a module hash, stop/install/start).
        await icp(['deploy', 'backend', '-e', 'local', '-y']);
        expect(fx.devnet.canisterInfo(backendId)!.version).toBeGreaterThan(info.version);
    });

    it('fetches Candid from the candid:service metadata when the module carries it', async () => {
        const did = await readFile('tests/fixtures/.azle/probe/probe.did', 'utf8');
        const wasm = withCustomSection(new Uint8Array(await readFile(PROBE_WASM)), 'icp:public candid:service', new TextEncoder().encode(did));
        const id = await deployCanister(fx.devnet, { wasm, arg: probeInitArg('cli') });
        const out = await icp(['canister', 'call', id.toText(), 'init_arg', '()', '-n', fx.server.url, '-k', 'fetch']);
        expect(out).toContain('"cli"');
        const update = await icp(['canister', 'call', id.toText(), 'inc', '()', '-n', fx.server.url, '-k', 'fetch']);
        expect(update).toMatch(/\(\s*1\s*:\s*nat64\s*\)/);
    });
});
