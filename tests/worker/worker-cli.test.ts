import { describe, it, expect, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { parseWorkerArgs } from '../../src/worker';
import { AUDIENCE, canisterSigner, chatBody, ISSUER } from './helpers/canister-signer';
import { closedPort } from './helpers/http-servers';
import { writeTinyModel } from './helpers/tiny-model';

const KEY = 'ab'.repeat(32);

describe('deai-worker arguments', () => {
    it('parses an upstream configuration with defaults', () => {
        const c = parseWorkerArgs(['--upstream', 'http://127.0.0.1:8000/v1', '--canister-key', KEY, '--audience', 'https://w1'], {});
        expect(c).toMatchObject({ runtime: { kind: 'http', format: 'openai', upstream: 'http://127.0.0.1:8000/v1' }, host: '127.0.0.1', port: 8080, audiences: ['https://w1'], issuers: [] });
        expect(c.publicKeys[0]).toHaveLength(32);
    });

    it('parses a GGUF configuration and reads the upstream key from the environment only', () => {
        const c = parseWorkerArgs(['--gguf', 'm.gguf', '--cpu', '--parallel', '3', '--canister-key', KEY, '--audience', 'a'], {});
        expect(c.runtime).toMatchObject({ kind: 'gguf', path: 'm.gguf', gpu: false, parallel: 3, template: 'chatml' });
        const o = parseWorkerArgs(['--upstream', 'http://x', '--format', 'ollama', '--upstream-key-env', 'K', '--canister-key', KEY, '--audience', 'a'], { K: 's3cret' });
        expect(o.runtime).toMatchObject({ format: 'ollama', apiKey: 's3cret' });
    });

    it('says which flag is wrong', () => {
        const base = ['--canister-key', KEY, '--audience', 'a'];
        expect(() => parseWorkerArgs(base, {})).toThrow('exactly one of --upstream');
        expect(() => parseWorkerArgs(['--upstream', 'ftp://x', ...base], {})).toThrow('--upstream must be');
        expect(() => parseWorkerArgs(['--upstream', 'http://x', '--canister-key', 'zz', '--audience', 'a'], {})).toThrow('--canister-key must be 64 hex');
        expect(() => parseWorkerArgs(['--upstream', 'http://x', '--canister-key', KEY], {})).toThrow('--audience');
        expect(() => parseWorkerArgs(['--gguf', 'x', '--template', 'nope', ...base], {})).toThrow('--template');
        expect(() => parseWorkerArgs(['--upstream', 'http://x', '--port', '99999', ...base], {})).toThrow('--port');
        expect(() => parseWorkerArgs(['--upstream', 'http://x', '--upstream-key-env', 'MISSING', ...base], {})).toThrow('MISSING');
    });
});

describe('deai-worker binary', () => {
    const children: Array<ReturnType<typeof spawn>> = [];
    afterAll(() => {
        for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    });

    it('one command turns a GGUF file into a worker; SIGTERM shuts it down cleanly', async () => {
        const model = await writeTinyModel();
        const port = await closedPort();
        const signer = canisterSigner();
        const child = spawn(process.execPath, ['src/worker/bin/deai-worker.mjs', '--gguf', model, '--cpu', '--threads', '1', '--ctx', '512',
            '--canister-key', signer.publicKeyHex, '--audience', AUDIENCE, '--issuer', ISSUER, '--port', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
        children.push(child);
        let stderr = '';
        child.stderr!.on('data', (d) => (stderr += d));
        const url = `http://127.0.0.1:${port}`;
        for (let i = 0; i < 200 && !stderr.includes('runtime ready'); i++) await new Promise((r) => setTimeout(r, 100));
        expect(stderr).toContain('runtime ready');
        const health = await (await fetch(`${url}/health`)).json();
        expect(health).toMatchObject({ status: 'ok', models: ['tiny'], runtime: { kind: 'llama.cpp', backend: 'cpu', version: expect.stringMatching(/^node-llama-cpp \d+\.\d+\.\d+; llama.cpp \S+$/) } });
        const body = chatBody('tiny', 'hi');
        const res = await fetch(`${url}/v1/chat`, { method: 'POST', headers: { authorization: `Bearer ${signer.token(body, { idk: 'bin-1' })}` }, body });
        expect(res.status).toBe(200);
        const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
        child.kill('SIGTERM');
        expect(await exited).toBe(0);
        expect(stderr).toContain('shutting down');
    });

    it('exits 2 with usage on bad flags', async () => {
        const child = spawn(process.execPath, ['src/worker/bin/deai-worker.mjs', '--upstream', 'http://x'], { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr!.on('data', (d) => (stderr += d));
        expect(await new Promise((r) => child.once('exit', r))).toBe(2);
        expect(stderr).toContain('--canister-key');
        expect(stderr).toContain('usage: deai-worker');
    });
});
