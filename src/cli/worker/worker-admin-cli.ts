#!/usr/bin/env node
/**
 * `deai-worker-admin`: operator commands (thin: parse, call services, print; style.md §4 Vite cli.ts).
 *   keygen <out.pem>                                   new Ed25519 operator identity; prints principal and public key
 *   bench --worker <url> --identity <pem> --model <id> [--audience <aud>] [--concurrency 1,4] [--requests N] [--max-tokens M] [--json]
 *         [--submit --host <url> --canister <id> [--local] --model-id <id> --variant-id <id> --hardware-id <id> --runtime-id <id>
 *          (--gguf <file> | --model-sha256 <hex>)]
 *   register-model <file.gguf> --model-id <id> --variant-id <id> [--url <download url>] --identity <pem> --host <url> --canister <id> [--local]
 *   register-worker --url <public https url> [--worker <url to read /health from>] --identity <pem> --host <url> --canister <id> [--local] [--api-format deai|openai|ollama|anthropic]
 *         [--mode replicated|non_replicated] [--price-input <usd/Mtok>] [--price-output <usd/Mtok>] [--runtime-id <id>] [--hardware-id <id>]
 *         [--variant-id <id>] [--context-tokens N]      models are read from the worker's /health
 *   canister-key --host <url> --canister <id> [--local] [--identity <pem>]   the hex key to pass to `deai-worker --canister-key`
 */
import { parseArgs } from 'node:util';
import { inspectGguf, sha256File } from '../gguf/gguf-inspect';
import { getModel, proposeModel, registerWorker, submitBenchmark, workerAuthPublicKey, type BackendConnection } from './backend.api';
import { Ed25519KeyIdentity } from '@dfinity/identity';
import { measureWorker } from './bench-measure';
import { generateOperatorIdentity, loadOperatorIdentity } from './operator-identity';
import { operatorTokenSigner } from './operator-token';
import { progressBar } from './progress-bar';
import { benchSubmission, ggufVariant, withVariant } from './registry-mapping';

const OPTIONS = {
    worker: { type: 'string' }, identity: { type: 'string' }, model: { type: 'string' }, audience: { type: 'string' },
    concurrency: { type: 'string' }, requests: { type: 'string' }, 'max-tokens': { type: 'string' }, prompt: { type: 'string' },
    json: { type: 'boolean' }, submit: { type: 'boolean' }, host: { type: 'string' }, canister: { type: 'string' }, local: { type: 'boolean' },
    'model-id': { type: 'string' }, 'variant-id': { type: 'string' }, 'hardware-id': { type: 'string' }, 'runtime-id': { type: 'string' },
    gguf: { type: 'string' }, 'model-sha256': { type: 'string' }, url: { type: 'string' }, 'api-format': { type: 'string' },
    mode: { type: 'string' }, 'price-input': { type: 'string' }, 'price-output': { type: 'string' }, 'context-tokens': { type: 'string' }
} as const;

export class UsageError extends Error {
    override name = 'UsageError';
}

type Values = Partial<Record<keyof typeof OPTIONS, string | boolean>>;
const need = (v: Values, name: keyof typeof OPTIONS): string => {
    const x = v[name];
    if (typeof x !== 'string' || x.length === 0) throw new UsageError(`--${name} is required`);
    return x;
};

async function connection(v: Values): Promise<BackendConnection> {
    return { host: need(v, 'host'), canisterId: need(v, 'canister'), identity: await loadOperatorIdentity(need(v, 'identity')), fetchRootKey: v.local === true };
}

const failure = (what: string, r: { Err: Record<string, unknown> }): Error => new Error(`${what} failed: ${JSON.stringify(r.Err, (_k, x) => (typeof x === 'bigint' ? x.toString() : x))}`);

export async function runWorkerAdmin(argv: string[], out: (line: string) => void): Promise<number> {
    const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
    const v = values as Values;
    const [command, arg] = positionals;
    switch (command) {
        case 'keygen': {
            if (!arg) throw new UsageError('keygen <out.pem>');
            const identity = await generateOperatorIdentity(arg);
            out(`principal:  ${identity.getPrincipal().toText()}`);
            out(`public key: ${operatorTokenSigner(identity, '-').publicKeyHex}  (pass as --canister-key to a worker you want to bench)`);
            return 0;
        }
        case 'bench': {
            const worker = need(v, 'worker');
            const identity = await loadOperatorIdentity(need(v, 'identity'));
            const signer = operatorTokenSigner(identity, typeof v.audience === 'string' ? v.audience : new URL(worker).origin);
            const health = (await (await fetch(`${worker.replace(/\/+$/, '')}/health`)).json()) as {
                runtime?: { version?: string | null; kind?: string };
                hardware?: { gpus?: Array<{ name: string; memoryTotalMiB: number; driverVersion: string }>; cpu?: { model: string; cores: number } };
            };
            const maxTokens = Number(v['max-tokens'] ?? 64);
            const plan = {
                concurrencies: String(v.concurrency ?? '1,4').split(',').map(Number),
                requests: Number(v.requests ?? 4),
                prompt: typeof v.prompt === 'string' ? v.prompt : 'Explain in one paragraph why the sky is blue.',
                maxTokens
            };
            if (plan.concurrencies.some((c) => !Number.isInteger(c) || c < 1 || c > 256)) throw new UsageError('--concurrency takes integers 1..256, comma-separated');
            const levels = await measureWorker(
                { url: worker, model: need(v, 'model'), token: signer.token, fetch, nowMs: () => performance.now() },
                plan,
                progressBar(process.stderr, 'bench')
            );
            const gpu = health.hardware?.gpus?.[0];
            const hardwareSeen = gpu ? `${gpu.name} ${gpu.memoryTotalMiB} MiB, driver ${gpu.driverVersion}` : `${health.hardware?.cpu?.model ?? 'unknown CPU'} × ${health.hardware?.cpu?.cores ?? '?'}`;
            const report = { worker, runtime: health.runtime ?? null, hardware: hardwareSeen, plan, levels, submitted: [] as string[] };
            if (v.submit) {
                const sha = typeof v.gguf === 'string' ? await sha256File(v.gguf) : typeof v['model-sha256'] === 'string' ? v['model-sha256'] : null;
                if (sha === null) throw new UsageError('--submit needs --gguf <file> or --model-sha256 <hex> for provenance');
                const conn = await connection(v);
                for (const level of levels) {
                    const r = await submitBenchmark(conn, benchSubmission(level, {
                        modelId: need(v, 'model-id'), variantId: need(v, 'variant-id'), hardwareId: need(v, 'hardware-id'), runtimeId: need(v, 'runtime-id'),
                        runtimeVersion: health.runtime?.version ?? null, modelSha256: sha, hardwareSeen, maxTokens
                    }));
                    if ('Err' in r) throw failure('submit_benchmark', r);
                    report.submitted.push(r.Ok.result_id);
                }
            }
            out(v.json ? JSON.stringify(report, null, 2) : formatLevels(report.levels, report.hardware, report.submitted));
            return 0;
        }
        case 'register-model': {
            if (!arg) throw new UsageError('register-model <file.gguf> ...');
            const summary = await inspectGguf(arg);
            const conn = await connection(v);
            const model = await getModel(conn, need(v, 'model-id'));
            if ('Err' in model) throw failure('get_model', model);
            const variant = ggufVariant(summary, need(v, 'variant-id'), typeof v.url === 'string' ? v.url : null);
            const r = await proposeModel(conn, withVariant(model.Ok, variant), `GGUF variant ${summary.quantization}, sha256 ${summary.sha256}`);
            if ('Err' in r) throw failure('propose_model', r);
            out(`proposal ${r.Ok.id} (${Object.keys(r.Ok.status)[0]}): variant ${variant.id} of ${v['model-id']}, ${summary.fileBytes} bytes, sha256 ${summary.sha256}`);
            return 0;
        }
        case 'register-worker': {
            const url = need(v, 'url');
            // The registered URL is the public https:// one; /health may be read through a local address.
            const local = typeof v.worker === 'string' ? v.worker : url;
            const health = (await (await fetch(`${local.replace(/\/+$/, '')}/health`)).json()) as { models?: string[] };
            const format = String(v['api-format'] ?? 'deai');
            const mode = String(v.mode ?? 'replicated');
            if (!['deai', 'openai', 'ollama', 'anthropic'].includes(format)) throw new UsageError('--api-format must be deai, openai, ollama or anthropic');
            if (mode !== 'replicated' && mode !== 'non_replicated') throw new UsageError('--mode must be replicated or non_replicated');
            const number = (name: 'price-input' | 'price-output' | 'context-tokens', fallback: number): number => {
                const x = v[name] === undefined ? fallback : Number(v[name]);
                if (!Number.isFinite(x) || x < 0) throw new UsageError(`--${name} must be a non-negative number`);
                return x;
            };
            const opt = (name: 'runtime-id' | 'hardware-id' | 'variant-id'): [] | [string] => (typeof v[name] === 'string' ? [v[name] as string] : []);
            const r = await registerWorker(await connection(v), {
                url,
                api_format: { [format]: null } as { deai: null },
                mode: { [mode]: null } as { replicated: null },
                price_input_usd_per_mtok: number('price-input', 0),
                price_output_usd_per_mtok: number('price-output', 0),
                runtime_id: opt('runtime-id'),
                hardware_id: opt('hardware-id'),
                models: (health.models ?? []).map((name) => ({ name, variant_id: opt('variant-id'), context_tokens: Math.floor(number('context-tokens', 4096)) }))
            });
            if ('Err' in r) throw failure('register_worker', r);
            out(`worker ${r.Ok.id} (${Object.keys(r.Ok.status)[0]}): ${url}, models ${(health.models ?? []).join(', ') || '-'}`);
            return 0;
        }
        case 'canister-key': {
            const identity = typeof v.identity === 'string' ? await loadOperatorIdentity(v.identity) : Ed25519KeyIdentity.generate();
            const key = await workerAuthPublicKey({ host: need(v, 'host'), canisterId: need(v, 'canister'), identity, fetchRootKey: v.local === true });
            out(Buffer.from(key).toString('hex'));
            return 0;
        }
        default:
            throw new UsageError('commands: keygen | bench | register-model | register-worker | canister-key (see the header of src/cli/worker/worker-admin-cli.ts)');
    }
}

function formatLevels(levels: Awaited<ReturnType<typeof measureWorker>>, hardware: string, submitted: string[]): string {
    const rows = levels.map((l) =>
        `${String(l.concurrency).padStart(11)}  ${String(l.ttft_ms_p50 ?? '-').padStart(8)}  ${String(l.prompt_tokens_per_s ?? '-').padStart(10)}  ${String(l.generation_tokens_per_s_per_stream ?? '-').padStart(11)}  ${String(l.generation_tokens_per_s_total ?? '-').padStart(10)}  ${l.errors}`
    );
    return [`hardware: ${hardware}`, 'concurrency  ttft ms  prompt t/s  gen t/s/str  gen t/s all  errors', ...rows, ...(submitted.length ? [`submitted: ${submitted.join(', ')}`] : [])].join('\n');
}

/** Process entry: exit code 0 ok, 2 usage error, 1 any other failure (message on stderr). */
export async function workerAdminMain(argv: string[]): Promise<number> {
    try {
        return await runWorkerAdmin(argv, (l) => process.stdout.write(l + '\n'));
    } catch (error) {
        process.stderr.write(`deai-worker-admin: ${error instanceof Error ? error.message : String(error)}\n`);
        return error instanceof UsageError ? 2 : 1;
    }
}

if (import.meta.url === `file://${process.argv[1]}`) void workerAdminMain(process.argv.slice(2)).then((code) => process.exit(code));
