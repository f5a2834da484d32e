/**
 * Devnet engine benchmark: module preparation (cold/cached), instantiate, install, the instructions and wall
 * time of an empty Azle query and update (probe fixture), and the round trip of an HTTPS outcall from a canister
 * (relay fixture → management canister → real node:http server on 127.0.0.1 → transform → reply), replicated
 * (13 replicas) and non-replicated. Run with `npm run bench -- devnet`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { IDL } from '@dfinity/candid';
import { Principal } from '@dfinity/principal';
import { Devnet } from '../src/devnet/index.js';
import { createIc0Imports } from '../src/devnet/core/system-api.js';
import { WasmInstance } from '../src/devnet/core/wasm-instance.js';
import { loadWasm } from '../src/devnet/testing/index.js';
import { prepareModule } from '../src/devnet/wasm/index.js';
import { buildFixtures, fixturePaths } from '../tests/fixtures/build-fixtures.js';

const SAMPLES = 25;
const sender = Principal.anonymous();
const empty = new Uint8Array(IDL.encode([], []));

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)]!;
}

async function time<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
    const started = performance.now();
    const value = await fn();
    return { ms: performance.now() - started, value };
}

/** Same code, different hash: append a custom section so no cache (memory or disk) can hit. */
function freshVariant(wasm: Uint8Array): Uint8Array {
    const name = new TextEncoder().encode(`bench-${randomBytes(8).toString('hex')}`);
    const payload = new Uint8Array([name.length, ...name]);
    return new Uint8Array([...wasm, 0, payload.length, ...payload]);
}

export async function run(): Promise<Record<string, unknown>> {
    await buildFixtures(['probe']);
    const wasm = await loadWasm(fixturePaths('probe').wasm);

    const cold = await time(() => prepareModule(freshVariant(wasm), { cache: null }));
    const cached = await time(() => prepareModule(wasm));
    const cachedAgain = await time(() => prepareModule(wasm));

    const devnet = await Devnet.create();
    const canisterId = await devnet.createCanister({ sender });
    const instantiate = await time(() => WasmInstance.create(cachedAgain.value, createIc0Imports({ current: () => undefined, subnetSize: 13, appendLog: () => {} })));
    const install = await time(() => devnet.installCode({ canisterId, wasm, sender, arg: new Uint8Array(IDL.encode([IDL.Opt(IDL.Text)], [[]])) }));
    const initInstructions = devnet.lastMessageStats?.instructions;
    await devnet.runUntilIdle();

    const queryMs: number[] = [];
    const updateMs: number[] = [];
    let queryInstructions = 0n;
    let updateInstructions = 0n;
    for (let i = 0; i < SAMPLES; i++) {
        const q = await time(() => devnet.query({ canisterId, method: 'get_counter', arg: empty, sender }));
        queryMs.push(q.ms);
        queryInstructions = q.value.stats.instructions;
        const u = await time(() => devnet.update({ canisterId, method: 'inc', arg: empty, sender }));
        updateMs.push(u.ms);
        updateInstructions = u.value.stats.instructions;
    }
    const outcalls = await outcallRoundTrip(devnet);
    return {
        module_bytes: wasm.length,
        prepare_cold_ms: Math.round(cold.ms),
        prepare_cached_ms: Math.round(cached.ms * 10) / 10,
        prepare_cached_in_memory_ms: Math.round(cachedAgain.ms * 10) / 10,
        instantiate_ms: Math.round(instantiate.ms * 10) / 10,
        install_ms: Math.round(install.ms),
        init_instructions: initInstructions,
        wasm_memory_bytes: devnet.canisterInfo(canisterId)!.wasmMemoryBytes,
        empty_query: { instructions: queryInstructions, median_ms: Math.round(median(queryMs) * 100) / 100 },
        empty_update: { instructions: updateInstructions, median_ms: Math.round(median(updateMs) * 100) / 100 },
        outcall_round_trip: outcalls,
        samples: SAMPLES
    };
}

/** Wall time of `relay.fetch(url, replicated)`: the update, the outcall(s), the transform(s) and the reply. */
async function outcallRoundTrip(devnet: Devnet): Promise<Record<string, unknown>> {
    await buildFixtures(['relay']);
    const server = createServer((_req, res) => res.end('hello'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
        const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
        const relay = await devnet.createCanister({ sender });
        await devnet.installCode({ canisterId: relay, wasm: await loadWasm(fixturePaths('relay').wasm), sender });
        await devnet.runUntilIdle();
        const out: Record<string, unknown> = {};
        for (const replicated of [true, false]) {
            const ms: number[] = [];
            let instructions = 0n;
            for (let i = 0; i < 10; i++) {
                const arg = new Uint8Array(IDL.encode([IDL.Text, IDL.Bool], [url, replicated]));
                const r = await time(() => devnet.update({ canisterId: relay, method: 'fetch', arg, sender }));
                if (r.value.kind !== 'replied') throw new Error(`fetch failed: ${JSON.stringify(r.value)}`);
                ms.push(r.ms);
                instructions = r.value.stats.instructions;
            }
            out[replicated ? 'replicated_13' : 'non_replicated'] = { median_ms: Math.round(median(ms) * 10) / 10, update_instructions: instructions };
        }
        return out;
    } finally {
        await new Promise<void>((resolve) => server.close(() => resolve()));
    }
}

export default run;
