#!/usr/bin/env node
/**
 * `gguf` commands (run with `npx tsx src/cli/gguf/gguf-cli.ts <command>`):
 *   inspect <file.gguf> [--json]                 architecture, parameters, quantization, context, tensor types, size, sha256
 *   write-tiny <out.gguf> [--type F32|F16|Q8_0] [--seed N] [--fixed] [--layers N] [--embedding N] [--heads N]
 *                                                 a small valid llama GGUF for tests (byte-level vocabulary)
 * Registering an inspected file as a registry model variant is `deai-worker-admin register-model` (src/cli/worker).
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { GgufInspectError, inspectGguf } from './gguf-inspect';
import { formatGgufSummary } from './gguf-format';
import { buildTinyLlama } from './tiny-llama';

const USAGE = 'usage: gguf inspect <file.gguf> [--json] | gguf write-tiny <out.gguf> [--type F32|F16|Q8_0] [--seed N] [--fixed] [--layers N] [--embedding N] [--heads N] [--context N]';

export async function runGgufCli(argv: string[], out: (line: string) => void): Promise<number> {
    const { positionals, values } = parseArgs({
        args: argv,
        allowPositionals: true,
        options: {
            json: { type: 'boolean' },
            type: { type: 'string' },
            seed: { type: 'string' },
            fixed: { type: 'boolean' },
            layers: { type: 'string' },
            embedding: { type: 'string' },
            heads: { type: 'string' },
            context: { type: 'string' }
        }
    });
    const [command, file] = positionals;
    if (!file || (command !== 'inspect' && command !== 'write-tiny')) {
        out(USAGE);
        return 2;
    }
    if (command === 'inspect') {
        const summary = await inspectGguf(file);
        out(values.json ? JSON.stringify(summary, null, 2) : formatGgufSummary(summary));
        return 0;
    }
    const type = (values.type ?? 'F32').toUpperCase();
    if (type !== 'F32' && type !== 'F16' && type !== 'Q8_0') throw new GgufInspectError('usage', `--type must be F32, F16 or Q8_0`);
    const int = (v: string | undefined): number | undefined => (v === undefined ? undefined : Number.parseInt(v, 10));
    const bytes = buildTinyLlama({
        weightType: type,
        weights: values.fixed ? { kind: 'fixed' } : { kind: 'random', seed: int(values.seed) ?? 1 },
        layers: int(values.layers),
        embedding: int(values.embedding),
        heads: int(values.heads),
        contextLength: int(values.context)
    });
    await writeFile(file, bytes);
    out(`wrote ${file} (${bytes.length} bytes)`);
    return 0;
}

/** Process entry: 0 ok, 2 usage, 1 a bad or unreadable file, 70 anything else (message on stderr). */
export async function ggufMain(argv: string[]): Promise<number> {
    try {
        return await runGgufCli(argv, (l) => process.stdout.write(l + '\n'));
    } catch (err) {
        process.stderr.write(`deai-gguf: ${err instanceof Error ? err.message : String(err)}\n`);
        if (err instanceof GgufInspectError) return err.code === 'usage' ? 2 : 1;
        const code = (err as { code?: unknown }).code;
        return code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR' ? 1 : 70;
    }
}

if (import.meta.url === `file://${process.argv[1]}`) void ggufMain(process.argv.slice(2)).then((code) => process.exit(code));
