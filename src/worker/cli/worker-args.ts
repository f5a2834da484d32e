import { parseArgs } from 'node:util';
import { ED25519_PUBLIC_KEY_BYTES } from '../../shared/worker-token';
import { TEMPLATE_FAMILIES, type TemplateFamily } from '../../shared/chat/templates';

export const WORKER_USAGE = `usage: deai-worker (--upstream <url> [--format openai|ollama] | --gguf <model.gguf>) --canister-key <hex> --audience <aud> [options]

runtime
  --upstream <url>          OpenAI-compatible base URL (e.g. http://127.0.0.1:8000/v1) or Ollama root (http://127.0.0.1:11434)
  --format openai|ollama    wire format of --upstream (default openai)
  --upstream-key-env <VAR>  environment variable holding the runtime's API key (sent as Bearer)
  --gguf <file>             serve a local GGUF model with the embedded llama.cpp instead of --upstream
  --model-id <id>           model id clients send for --gguf (default: file name without .gguf)
  --template <family>       chat template for --gguf: ${TEMPLATE_FAMILIES.join('|')} (default chatml)
  --ctx <tokens>            context window for --gguf (default 4096)
  --parallel <n>            parallel llama.cpp sequences (default 2)
  --threads <n>             CPU threads for llama.cpp (default: all cores)
  --cpu                     never use a GPU for --gguf
auth
  --canister-key <hex>      the canister's ed25519 public key (32 bytes hex, from schnorr_public_key); repeatable
  --audience <aud>          accepted token audience (this worker's id or URL origin); repeatable
  --issuer <principal>      accepted canister principal; repeatable (default: any holder of a canister key)
server
  --host <addr>             listen address (default 127.0.0.1)
  --port <n>                listen port (default 8080)
  --timeout-ms <ms>         generation deadline (default 25000)
  --max-concurrency <n>     generations per canister at once (default 4)`;

export type RuntimeConfig =
    | { kind: 'http'; format: 'openai' | 'ollama'; upstream: string; apiKey?: string }
    | { kind: 'gguf'; path: string; modelId?: string; template: TemplateFamily; contextSize: number; parallel: number; threads?: number; gpu: 'auto' | false };

export interface WorkerConfig {
    runtime: RuntimeConfig;
    publicKeys: Uint8Array[];
    audiences: string[];
    issuers: string[];
    host: string;
    port: number;
    timeoutMs: number;
    maxConcurrency: number;
}

const HEX_KEY_RE = new RegExp(`^[0-9a-fA-F]{${ED25519_PUBLIC_KEY_BYTES * 2}}$`);

function int(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be an integer in ${min}..${max}`);
    return n;
}

/** Pure: argv + environment → config, or throws Error with a message that names the flag to fix. */
export function parseWorkerArgs(argv: string[], env: Readonly<Record<string, string | undefined>>): WorkerConfig {
    const { values: v } = parseArgs({
        args: argv,
        strict: true,
        options: {
            upstream: { type: 'string' },
            format: { type: 'string' },
            'upstream-key-env': { type: 'string' },
            gguf: { type: 'string' },
            'model-id': { type: 'string' },
            template: { type: 'string' },
            ctx: { type: 'string' },
            parallel: { type: 'string' },
            threads: { type: 'string' },
            cpu: { type: 'boolean' },
            'canister-key': { type: 'string', multiple: true },
            audience: { type: 'string', multiple: true },
            issuer: { type: 'string', multiple: true },
            host: { type: 'string' },
            port: { type: 'string' },
            'timeout-ms': { type: 'string' },
            'max-concurrency': { type: 'string' }
        }
    });
    let runtime: RuntimeConfig;
    if ((v.upstream === undefined) === (v.gguf === undefined)) throw new Error('give exactly one of --upstream <url> or --gguf <file>');
    if (v.upstream !== undefined) {
        const format = v.format ?? 'openai';
        if (format !== 'openai' && format !== 'ollama') throw new Error('--format must be openai or ollama');
        if (!/^https?:\/\//.test(v.upstream)) throw new Error('--upstream must be an http(s) URL');
        let apiKey: string | undefined;
        if (v['upstream-key-env'] !== undefined) {
            apiKey = env[v['upstream-key-env']];
            if (!apiKey) throw new Error(`environment variable ${v['upstream-key-env']} (from --upstream-key-env) is empty`);
        }
        runtime = { kind: 'http', format, upstream: v.upstream, apiKey };
    } else {
        const template = (v.template ?? 'chatml') as TemplateFamily;
        if (!TEMPLATE_FAMILIES.includes(template)) throw new Error(`--template must be one of ${TEMPLATE_FAMILIES.join(', ')}`);
        runtime = {
            kind: 'gguf',
            path: v.gguf!,
            modelId: v['model-id'],
            template,
            contextSize: int('ctx', v.ctx, 4096, 64, 1 << 20),
            parallel: int('parallel', v.parallel, 2, 1, 64),
            threads: v.threads === undefined ? undefined : int('threads', v.threads, 1, 1, 1024),
            gpu: v.cpu ? false : 'auto'
        };
    }
    const keys = v['canister-key'] ?? [];
    if (keys.length === 0) throw new Error('--canister-key <64 hex chars> is required (the canister ed25519 public key)');
    const publicKeys = keys.map((k) => {
        if (!HEX_KEY_RE.test(k)) throw new Error(`--canister-key must be ${ED25519_PUBLIC_KEY_BYTES * 2} hex characters`);
        return Uint8Array.from(Buffer.from(k, 'hex'));
    });
    const audiences = v.audience ?? [];
    if (audiences.length === 0) throw new Error('--audience <worker id or URL origin> is required');
    return {
        runtime,
        publicKeys,
        audiences,
        issuers: v.issuer ?? [],
        host: v.host ?? '127.0.0.1',
        port: int('port', v.port, 8080, 0, 65535),
        timeoutMs: int('timeout-ms', v['timeout-ms'], 25_000, 100, 600_000),
        maxConcurrency: int('max-concurrency', v['max-concurrency'], 4, 1, 1024)
    };
}
