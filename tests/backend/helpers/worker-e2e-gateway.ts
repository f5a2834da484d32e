/**
 * The real `deai-worker` binary (src/worker/bin/deai-worker.mjs) as a child process, serving a generated tiny
 * GGUF model with the embedded llama.cpp runtime on 127.0.0.1, plus a reader for its Prometheus `/metrics`.
 * Used by the end-to-end test of the whole chain (canister → outcall → gateway → llama.cpp).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { buildTinyLlama } from '../../../src/cli/gguf';

/** How long the binary may take to load tsx, llama.cpp and the model on the shared 2-core machine. */
const GATEWAY_START_TIMEOUT_MS = 60_000;
const POLL_MS = 100;
/** Kept: the binary's stderr (JSON-lines log), for failure messages. */
const MAX_LOG_CHARS = 20_000;

/** Writes a tiny llama GGUF (Q8_0, seeded weights) named `<modelId>.gguf` into a fresh temp dir. */
export async function writeTinyGguf(modelId: string): Promise<string> {
    const path = join(await mkdtemp(join(tmpdir(), 'deai-e2e-')), `${modelId}.gguf`);
    await writeFile(path, buildTinyLlama({ weightType: 'Q8_0' }));
    return path;
}

/** A port that was free a moment ago (bound to 127.0.0.1:0, then released): the worker needs its URL before it listens. */
export async function freePort(): Promise<number> {
    const s = createServer();
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
    const { port } = s.address() as AddressInfo;
    await new Promise<void>((r) => s.close(() => r()));
    return port;
}

/** `name{labels} value` → value; labels as written by the gateway (sorted keys, quoted values). */
export type Metrics = ReadonlyMap<string, number>;

export function parseMetrics(text: string): Metrics {
    const m = new Map<string, number>();
    for (const line of text.split('\n')) {
        if (line === '' || line.startsWith('#')) continue;
        const at = line.lastIndexOf(' ');
        m.set(line.slice(0, at), Number(line.slice(at + 1)));
    }
    return m;
}

export const metric = (m: Metrics, key: string): number => m.get(key) ?? 0;

export interface GatewayProcess {
    readonly url: string;
    readonly child: ChildProcess;
    log(): string;
    metrics(): Promise<Metrics>;
    health(): Promise<{ status: string; models: string[]; runtime: { kind: string; version: string | null; backend?: string } }>;
    /** SIGTERM and wait for the exit code. */
    stop(): Promise<number | null>;
}

export interface GatewayOptions {
    gguf: string;
    canisterKeyHex: string;
    audience: string;
    issuer: string;
    port: number;
}

export async function startGatewayProcess(o: GatewayOptions): Promise<GatewayProcess> {
    const args = ['src/worker/bin/deai-worker.mjs', '--gguf', o.gguf, '--cpu', '--threads', '1', '--ctx', '512',
        '--canister-key', o.canisterKeyHex, '--audience', o.audience, '--issuer', o.issuer, '--host', '127.0.0.1', '--port', String(o.port)];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString('utf8')).slice(-MAX_LOG_CHARS)));
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    const deadline = Date.now() + GATEWAY_START_TIMEOUT_MS;
    while (!stderr.includes('runtime ready')) {
        if (child.exitCode !== null || Date.now() > deadline) {
            child.kill('SIGKILL');
            throw new Error(`deai-worker did not start (exit ${child.exitCode}):\n${stderr}`);
        }
        await new Promise((r) => setTimeout(r, POLL_MS));
    }
    const url = `http://127.0.0.1:${o.port}`;
    return {
        url,
        child,
        log: () => stderr,
        metrics: async () => parseMetrics(await (await fetch(`${url}/metrics`)).text()),
        health: async () => (await fetch(`${url}/health`)).json() as never,
        stop: async () => {
            if (child.exitCode === null) child.kill('SIGTERM');
            return exited;
        }
    };
}
