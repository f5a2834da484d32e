/**
 * `npm start`: the local DeAI Atlas. Builds the canisters if their sources changed, starts the devnet on
 * 127.0.0.1:4943, deploys (or restores) the backend and the stand-in LLM canister, starts a local stand-in worker,
 * grants the demo roles and serves the frontend with Vite.
 * State persists in `.devnet/` across restarts; Ctrl-C saves it and exits.
 *
 *   npm start                       devnet on :4943, app on :5173, stand-in worker on :4944
 *   npm start -- --port 8000 --vite-port 3000 --worker-port 8001 --clean --no-build --no-worker
 */
import { execFileSync } from 'node:child_process';
import { DEFAULT_DEVNET_PORT, DEFAULT_STATE_DIR, DEFAULT_VITE_PORT, DEFAULT_WORKER_PORT } from './start/start.constants.js';

interface Args { port: number; vitePort: number; workerPort: number | null; clean: boolean; build: boolean; stateDir: string }

export function parseArgs(argv: readonly string[]): Args {
    const args: Args = { port: DEFAULT_DEVNET_PORT, vitePort: DEFAULT_VITE_PORT, workerPort: DEFAULT_WORKER_PORT, clean: false, build: true, stateDir: DEFAULT_STATE_DIR };
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        const port = (): number => {
            const n = Number(argv[++i]);
            if (!Number.isInteger(n) || n < 0 || n > 65_535) throw new Error(`${a} needs a port number (0..65535), got ${argv[i]}`);
            return n;
        };
        if (a === '--port') args.port = port();
        else if (a === '--vite-port') args.vitePort = port();
        else if (a === '--worker-port') args.workerPort = port();
        else if (a === '--no-worker') args.workerPort = null;
        else if (a === '--clean') args.clean = true;
        else if (a === '--no-build') args.build = false;
        else if (a === '--state-dir') args.stateDir = argv[++i] ?? args.stateDir;
        else throw new Error(`unknown option ${a} (options: --port N, --vite-port N, --worker-port N, --no-worker, --clean, --no-build, --state-dir DIR)`);
    }
    return args;
}

async function main(): Promise<void> {
    const args = parseArgs(process.argv.slice(2));
    if (args.build) execFileSync('npx', ['tsx', 'src/cli/build-canisters.ts'], { stdio: 'inherit' });
    // Imported after the build, which generates the bindings it loads.
    const { startApp } = await import('./start/start-app.js');
    const app = await startApp({ port: args.port, vitePort: args.vitePort, stateDir: args.stateDir, clean: args.clean, workerPort: args.workerPort, log: (l) => console.log(l) });
    console.log(`
  DeAI Atlas is running
    app:               ${app.appUrl}/
    devnet (IC API):   ${app.devnetUrl}
    identity provider: ${app.devnetUrl}/_/identity/   (user "curator" reviews proposals; any other name contributes)
    backend canister:  ${app.backendId}   (${args.stateDir}/canister_ids.json)
  Ctrl-C saves the devnet state to ${args.stateDir}/ and stops.
`);
    let stopping = false;
    const stop = () => {
        if (stopping) process.exit(130);
        stopping = true;
        console.log('\nsaving state and stopping…');
        app.close().then(() => process.exit(0), (e: unknown) => { console.error(e); process.exit(1); });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
}

if (import.meta.url === `file://${process.argv[1]}`) {
    main().catch((e: unknown) => {
        console.error(e instanceof Error ? e.message : e);
        process.exit(1);
    });
}
