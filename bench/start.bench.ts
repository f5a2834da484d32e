/**
 * `npm start` time to ready: spawns the real command (canisters already built, `--no-build`) on free ports
 * with a fresh state directory, and times the moment it prints "DeAI Atlas is running"; then a second start
 * that restores the saved state. Each start is stopped with SIGINT (which saves the state) before the next.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const READY_LINE = 'DeAI Atlas is running';
const READY_TIMEOUT_MS = 300_000;

function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const server = createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address() as { port: number };
            server.close(() => resolve(port));
        });
    });
}

/** Signals the whole process group (npx → tsx → node); a group that already exited is fine. */
function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
    if (pid === undefined) return;
    try {
        process.kill(-pid, signal);
    } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ESRCH') throw e;
    }
}

/** Starts `npm start`, resolves with the ms until ready, then stops it (SIGINT saves the state). */
async function timeStart(stateDir: string, clean: boolean): Promise<number> {
    const [port, vitePort, workerPort] = [await freePort(), await freePort(), await freePort()];
    const args = ['tsx', 'src/cli/start.ts', '--no-build', '--state-dir', stateDir, '--port', String(port), '--vite-port', String(vitePort), '--worker-port', String(workerPort)];
    if (clean) args.push('--clean');
    const started = performance.now();
    const child = spawn('npx', args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    try {
        return await new Promise<number>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`npm start not ready after ${READY_TIMEOUT_MS} ms:\n${output.slice(-2000)}`)), READY_TIMEOUT_MS);
            const onData = (chunk: Buffer): void => {
                output += chunk.toString();
                if (output.includes(READY_LINE)) {
                    clearTimeout(timer);
                    resolve(performance.now() - started);
                }
            };
            child.stdout.on('data', onData);
            child.stderr.on('data', onData);
            child.once('exit', (code) => {
                clearTimeout(timer);
                reject(new Error(`npm start exited with ${code} before it was ready:\n${output.slice(-2000)}`));
            });
        });
    } finally {
        if (child.exitCode === null) {
            const exited = new Promise((resolve) => child.once('exit', resolve));
            signalGroup(child.pid, 'SIGINT');
            await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
            if (child.exitCode === null) signalGroup(child.pid, 'SIGKILL');
        }
    }
}

export async function run(): Promise<Record<string, unknown>> {
    const stateDir = mkdtempSync(join(tmpdir(), 'deai-start-bench-'));
    try {
        const fresh_ms = Math.round(await timeStart(stateDir, true));
        const restart_ms = Math.round(await timeStart(stateDir, false));
        return {
            fresh_ms,
            restart_with_saved_state_ms: restart_ms,
            note: 'canisters prebuilt (--no-build); fresh = empty state: devnet, backend install with the seed, stand-in LLM canister, local worker, roles, Vite'
        };
    } finally {
        rmSync(stateDir, { recursive: true, force: true });
    }
}

export default run;
