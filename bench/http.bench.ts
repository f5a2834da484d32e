/**
 * Benchmark of the devnet HTTP interface: round-trip latency of queries (v2, signed response verified by the
 * agent) and updates (v3 sync call with a BLS-signed certificate) from @dfinity/agent 3.4.3 actors to the probe
 * wasm, with 1 and 32 concurrent clients (each its own Ed25519 identity and agent). Reports p50/p99 in ms and
 * throughput. Run alone with `npx tsx bench/http.bench.ts`; `runHttpBench` returns the JSON.
 */
import { pathToFileURL } from 'node:url';
import { Actor, HttpAgent, type ActorSubclass } from '@dfinity/agent';
import { Ed25519KeyIdentity } from '@dfinity/identity';
import { IDL } from '@dfinity/candid';
import { Principal } from '@dfinity/principal';
import { Devnet } from '../src/devnet/index.js';
import { startDevnetServer } from '../src/devnet/http/index.js';
import { deployCanister } from '../src/devnet/testing/index.js';

const PROBE_WASM = 'tests/fixtures/.azle/probe/probe.wasm';
/** Operations per scenario in total (split across clients). */
const QUERIES_TOTAL = 320;
const UPDATES_TOTAL = 96;
const CONCURRENCY_LEVELS = [1, 32];

const probeIdl: IDL.InterfaceFactory = ({ IDL: I }) => I.Service({ get_counter: I.Func([], [I.Nat64], ['query']), inc: I.Func([], [I.Nat64], []) });
type Probe = ActorSubclass<{ get_counter: () => Promise<bigint>; inc: () => Promise<bigint> }>;

function percentile(sorted: number[], p: number): number {
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function measure(clients: Probe[], total: number, op: (p: Probe) => Promise<unknown>) {
    const latencies: number[] = [];
    const perClient = Math.ceil(total / clients.length);
    const started = performance.now();
    await Promise.all(
        clients.map(async (client) => {
            for (let i = 0; i < perClient; i++) {
                const t0 = performance.now();
                await op(client);
                latencies.push(performance.now() - t0);
            }
        })
    );
    const wallMs = performance.now() - started;
    latencies.sort((a, b) => a - b);
    const r = (x: number) => Math.round(x * 100) / 100;
    return { ops: latencies.length, p50Ms: r(percentile(latencies, 50)), p99Ms: r(percentile(latencies, 99)), opsPerSec: r((latencies.length / wallMs) * 1000) };
}

export async function runHttpBench(): Promise<Record<string, unknown>> {
    const devnet = await Devnet.create({ clock: 'live' });
    const server = await startDevnetServer({ devnet, port: 0 });
    try {
        const arg = new Uint8Array(IDL.encode([IDL.Opt(IDL.Text)], [[]]));
        const canisterId: Principal = await deployCanister(devnet, { wasm: PROBE_WASM, arg });
        const results: Record<string, unknown> = {};
        for (const n of CONCURRENCY_LEVELS) {
            const clients = await Promise.all(
                Array.from({ length: n }, async () => {
                    const agent = await HttpAgent.create({ host: server.url, shouldFetchRootKey: true, identity: Ed25519KeyIdentity.generate() });
                    const probe = Actor.createActor(probeIdl, { agent, canisterId }) as Probe;
                    await probe.get_counter(); // warm-up: fetches subnet node keys once per agent
                    return probe;
                })
            );
            results[`clients_${n}`] = {
                query: await measure(clients, QUERIES_TOTAL, (p) => p.get_counter()),
                update: await measure(clients, UPDATES_TOTAL, (p) => p.inc())
            };
        }
        return results;
    } finally {
        await server.close();
        devnet.close();
    }
}

export default runHttpBench;

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
    console.log(JSON.stringify(await runHttpBench(), null, 2));
}
