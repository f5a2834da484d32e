import { createWorkerApp } from '../app/create-app';
import type { Logger } from '../app/types';
import { serveWorker } from '../node/serve';
import { WORKER_LIMITS } from '../worker-limits.constants';
import { createRuntime } from './create-runtime';
import { parseWorkerArgs, WORKER_USAGE } from './worker-args';

/** JSON-lines logger on stderr. */
const stderrLogger: Logger = {
    info: (msg, fields) => process.stderr.write(JSON.stringify({ level: 'info', msg, ...fields }) + '\n'),
    warn: (msg, fields) => process.stderr.write(JSON.stringify({ level: 'warn', msg, ...fields }) + '\n'),
    error: (msg, fields) => process.stderr.write(JSON.stringify({ level: 'error', msg, ...fields }) + '\n')
};

/** `deai-worker`: parse flags, load the runtime, listen, and shut down gracefully on SIGINT/SIGTERM. */
export async function main(argv: string[]): Promise<number> {
    if (argv.includes('--help') || argv.includes('-h')) {
        process.stdout.write(WORKER_USAGE + '\n');
        return 0;
    }
    let config;
    try {
        config = parseWorkerArgs(argv, process.env);
    } catch (error) {
        process.stderr.write(`deai-worker: ${error instanceof Error ? error.message : String(error)}\n\n${WORKER_USAGE}\n`);
        return 2;
    }
    const runtime = await createRuntime(config.runtime);
    const app = createWorkerApp({
        runtime,
        auth: { publicKeys: config.publicKeys, audiences: config.audiences, issuers: config.issuers },
        limits: { GENERATION_TIMEOUT_MS: config.timeoutMs, MAX_CONCURRENT_PER_CANISTER: config.maxConcurrency },
        logger: stderrLogger
    });
    const worker = await serveWorker({ app, host: config.host, port: config.port, logger: stderrLogger });
    stderrLogger.info('runtime ready', { ...runtime.info });
    await new Promise<void>((resolve) => {
        const stop = (signal: string): void => {
            stderrLogger.info('shutting down', { signal });
            void worker
                .close(WORKER_LIMITS.SHUTDOWN_GRACE_MS)
                .then(() => runtime.close())
                .then(resolve);
        };
        process.once('SIGINT', () => stop('SIGINT'));
        process.once('SIGTERM', () => stop('SIGTERM'));
    });
    return 0;
}
