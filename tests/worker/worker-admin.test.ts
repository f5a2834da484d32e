import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ed25519KeyIdentity } from '@dfinity/identity';
import { Principal } from '@dfinity/principal';
import { Devnet } from '../../src/devnet/index.js';
import { startDevnetServer, type DevnetServer } from '../../src/devnet/http/index.js';
import { deployCanister } from '../../src/devnet/testing/index.js';
import { createWorkerApp, serveWorker, type LlamaRuntime, type RunningWorker } from '../../src/worker';
import { silentLogger } from '../../src/worker/app/types';
import { backendActor, type BackendConnection } from '../../src/cli/worker/backend.api';
import { measureWorker } from '../../src/cli/worker/bench-measure';
import { generateOperatorIdentity, loadOperatorIdentity } from '../../src/cli/worker/operator-identity';
import { operatorTokenSigner } from '../../src/cli/worker/operator-token';
import { runWorkerAdmin, UsageError } from '../../src/cli/worker/worker-admin-cli';
import { tinyLlamaRuntime, TINY_MODEL_ID, writeTinyModel } from './helpers/tiny-model';

const BACKEND_WASM = '.azle/backend/backend.wasm';
const DECLARATIONS = 'src/declarations/backend/declarations/backend.did.js';
const AUDIENCE = 'https://bench.worker.test';

describe('deai-worker-admin against a real gateway + llama.cpp and the backend wasm in the devnet', () => {
    let dir: string;
    let pem: string;
    let runtime: LlamaRuntime;
    let worker: RunningWorker;

    beforeAll(async () => {
        dir = await mkdtemp(join(tmpdir(), 'worker-admin-'));
        pem = join(dir, 'operator.pem');
        const identity = await generateOperatorIdentity(pem);
        const signer = operatorTokenSigner(identity, AUDIENCE);
        runtime = await tinyLlamaRuntime();
        // The operator benchmarks its own worker by adding its key next to the canister's.
        const app = createWorkerApp({ runtime, auth: { publicKeys: [Uint8Array.from(Buffer.from(signer.publicKeyHex, 'hex'))], audiences: [AUDIENCE], issuers: [] } });
        worker = await serveWorker({ app, host: '127.0.0.1', port: 0, logger: silentLogger });
    });
    afterAll(async () => {
        await worker?.close(1000);
        await runtime?.close();
    });

    it('keygen writes a PEM that loads back to the same principal, and refuses to overwrite it', async () => {
        const again = await loadOperatorIdentity(pem);
        const lines: string[] = [];
        const other = join(dir, 'other.pem');
        expect(await runWorkerAdmin(['keygen', other], (l) => lines.push(l))).toBe(0);
        expect(lines[0]).toContain((await loadOperatorIdentity(other)).getPrincipal().toText());
        expect(again.getPrincipal().toText()).toMatch(/-/);
        await expect(generateOperatorIdentity(pem)).rejects.toThrow();
    });

    it('measures TTFT and tokens/s at several concurrencies through the gateway', async () => {
        const identity = await loadOperatorIdentity(pem);
        const signer = operatorTokenSigner(identity, AUDIENCE);
        const progress: number[] = [];
        const levels = await measureWorker(
            { url: worker.url, model: TINY_MODEL_ID, token: signer.token, fetch, nowMs: () => performance.now() },
            { concurrencies: [1, 2], requests: 2, prompt: 'benchmark prompt', maxTokens: 8 },
            (done) => progress.push(done)
        );
        expect(levels.map((l) => [l.concurrency, l.requests, l.errors])).toEqual([[1, 2, 0], [2, 4, 0]]);
        for (const l of levels) {
            expect(l.ttft_ms_p50).toBeGreaterThan(0);
            expect(l.prompt_tokens).toBeGreaterThan(3);
            expect(l.prompt_tokens_per_s).toBeGreaterThan(0);
            expect(l.generation_tokens_per_s_total).toBeGreaterThan(0);
        }
        expect(progress.at(-1)).toBe(12);
        expect(runtime.generations).toBeGreaterThanOrEqual(12);
    });

    it('rejects usage errors with UsageError', async () => {
        await expect(runWorkerAdmin(['bench'], () => {})).rejects.toBeInstanceOf(UsageError);
        await expect(runWorkerAdmin(['nope'], () => {})).rejects.toBeInstanceOf(UsageError);
    });

    describe.runIf(existsSync(BACKEND_WASM) && existsSync(DECLARATIONS))('registry submission (backend wasm in the devnet over HTTP)', () => {
        let devnet: Devnet;
        let server: DevnetServer;
        let canisterId: Principal;
        const admin = Ed25519KeyIdentity.generate();
        beforeAll(async () => {
            devnet = await Devnet.create({ clock: 'live' });
            server = await startDevnetServer({ devnet, port: 0 });
            canisterId = await deployCanister(devnet, { wasm: BACKEND_WASM, sender: admin.getPrincipal(), controllers: [admin.getPrincipal()] });
            // The controller grants the operator role, which register_worker requires.
            const operator = (await loadOperatorIdentity(pem)).getPrincipal();
            const adminConn: BackendConnection = { host: server.url, canisterId: canisterId.toText(), identity: admin, fetchRootKey: true };
            expect(await (await backendActor(adminConn)).set_roles(operator, [{ operator: null }])).toEqual({ Ok: [] }); // Ok carries the previous roles
        }, 180_000);
        afterAll(async () => {
            await server?.close();
            devnet?.close();
        });
        const common = () => ['--identity', pem, '--host', server.url, '--canister', canisterId.toText(), '--local'];

        it('bench --submit stores one measured result per concurrency with model sha256, runtime version and hardware', async () => {
            const model = await writeTinyModel();
            const bench = (variantId: string, lines: string[]) =>
                runWorkerAdmin(
                    ['bench', '--worker', worker.url, '--model', TINY_MODEL_ID, '--audience', AUDIENCE, '--concurrency', '1,2', '--requests', '1', '--max-tokens', '6', '--json', '--submit',
                     '--model-id', 'llama-3.1-8b-instruct', '--variant-id', variantId, '--hardware-id', 'nvidia-h100-sxm5-80gb', '--runtime-id', 'llama-cpp', '--gguf', model, ...common()],
                    (l) => lines.push(l)
                );
            // The registry knows the Q4_K_M file's sha256: a result measured on another file is refused.
            await expect(bench('llama-3.1-8b-instruct-gguf-q4_k_m', [])).rejects.toThrow(/model_sha256/);
            // A variant with no recorded hash takes the submission (the tiny model stands in for it here).
            const lines: string[] = [];
            const code = await bench('llama-3.1-8b-instruct-gguf-q8_0', lines);
            expect(code).toBe(0);
            const report = JSON.parse(lines.join('\n'));
            expect(report.submitted).toHaveLength(2);
            const conn: BackendConnection = { host: server.url, canisterId: canisterId.toText(), identity: await loadOperatorIdentity(pem), fetchRootKey: true };
            const stored = (await (await backendActor(conn)).get_benchmark(report.submitted[0])) as { Ok: Record<string, any> };
            expect(stored.Ok).toMatchObject({ origin: { measured: null }, runtime_id: 'llama-cpp', model_sha256: [expect.stringMatching(/^[0-9a-f]{64}$/)], runtime_version: [expect.stringContaining('node-llama-cpp')] });
            expect(stored.Ok.ttft_ms[0]).toBeGreaterThan(0);
            expect(stored.Ok.settings.concurrency).toEqual([1]);
            expect(stored.Ok.submitter).toBe((await loadOperatorIdentity(pem)).getPrincipal().toText());
        }, 120_000);

        it('register-model proposes the GGUF file as a new variant with its sha256 and size', async () => {
            const model = await writeTinyModel({ weightType: 'F16' });
            const lines: string[] = [];
            expect(await runWorkerAdmin(['register-model', model, '--model-id', 'llama-3.1-8b-instruct', '--variant-id', 'tiny-f16-test', ...common()], (l) => lines.push(l))).toBe(0);
            expect(lines[0]).toMatch(/^proposal \S+ \(pending\): variant tiny-f16-test of llama-3.1-8b-instruct/);
            const proposalId = lines[0].split(' ')[1];
            const conn: BackendConnection = { host: server.url, canisterId: canisterId.toText(), identity: await loadOperatorIdentity(pem), fetchRootKey: true };
            const proposal = (await (await backendActor(conn)).get_proposal(proposalId)) as { Ok: { record_json: string; action: Record<string, null> } };
            expect(Object.keys(proposal.Ok.action)).toEqual(['update']);
            const record = JSON.parse(proposal.Ok.record_json);
            const variant = record.variants.find((v: { id: string }) => v.id === 'tiny-f16-test');
            const bytes = (await import('node:fs')).readFileSync(model);
            expect(variant).toMatchObject({ format: 'gguf', quant_method: 'gguf', quant_label: 'F16', file_size_bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
            expect(record.variants.length).toBeGreaterThan(1); // the existing variants are kept
        }, 120_000);

        it('register-worker registers the gateway (models from its /health) as a pending worker owned by the operator', async () => {
            const lines: string[] = [];
            const code = await runWorkerAdmin(['register-worker', '--url', 'https://gpu1.worker.test', '--worker', worker.url, '--mode', 'replicated', '--price-input', '0.1', '--price-output', '0.2',
                '--runtime-id', 'llama-cpp', '--context-tokens', '512', ...common()], (l) => lines.push(l));
            expect(code).toBe(0);
            expect(lines[0]).toMatch(/^worker (\S+) \(pending\): .* models tiny$/);
            const id = lines[0].split(' ')[1];
            const conn: BackendConnection = { host: server.url, canisterId: canisterId.toText(), identity: await loadOperatorIdentity(pem), fetchRootKey: true };
            const stored = (await (await backendActor(conn)).get_worker(id)) as { Ok: Record<string, any> };
            expect(stored.Ok).toMatchObject({ url: 'https://gpu1.worker.test', api_format: { deai: null }, mode: { replicated: null }, owner: conn.identity.getPrincipal().toText(), models: [{ name: 'tiny', variant_id: [], context_tokens: 512 }] });
            await expect(runWorkerAdmin(['register-worker', '--url', 'https://gpu1.worker.test', '--worker', worker.url, '--mode', 'sometimes', ...common()], () => {})).rejects.toBeInstanceOf(UsageError);
        }, 120_000);

        it('canister-key prints the 32-byte key the canister signs worker tokens with', async () => {
            const lines: string[] = [];
            expect(await runWorkerAdmin(['canister-key', '--host', server.url, '--canister', canisterId.toText(), '--local'], (l) => lines.push(l))).toBe(0);
            expect(lines[0]).toMatch(/^[0-9a-f]{64}$/);
        }, 120_000);
    });
});
