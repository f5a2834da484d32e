/**
 * A local rehearsal network for worker operators (docs/worker-operator.md): the devnet behind its IC HTTP
 * interface (docs/devnet-http.md) with the backend (real wasm) deployed, the router set up as on a local
 * replica (dfx_test_key, plain-HTTP loopback workers, subnet size), and the given principals made operators
 * and curators — the parts that on mainnet the project's controllers and curators do.
 *
 *   npx tsx tests/backend/helpers/worker-e2e-devnet.ts --operator <principal> [--curator <principal>] [--port 4943] [--subnet-size 13]
 *
 * Prints the host and the backend canister id, then serves until Ctrl-C. Nothing persists.
 */
import { parseArgs } from 'node:util';
import { Ed25519KeyIdentity } from '@dfinity/identity';
import { Principal } from '@dfinity/principal';

import { startDevnetServer } from '../../../src/devnet/http/index.js';
import { Devnet } from '../../../src/devnet/index.js';
import { createActor, deployCanister } from '../../../src/devnet/testing/index.js';
import { idlFactory, type _SERVICE } from '../../../src/declarations/backend/declarations/backend.did.js';

const BACKEND_WASM = '.azle/backend/backend.wasm';
const DEFAULT_PORT = 4943;
const DEFAULT_SUBNET_SIZE = 13;

const json = (v: unknown): string => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));

async function main(): Promise<void> {
    const { values: v } = parseArgs({
        options: { operator: { type: 'string', multiple: true }, curator: { type: 'string', multiple: true }, port: { type: 'string' }, 'subnet-size': { type: 'string' } }
    });
    const port = Number(v.port ?? DEFAULT_PORT);
    const subnetSize = Number(v['subnet-size'] ?? DEFAULT_SUBNET_SIZE);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error('--port must be 0..65535');
    if (!Number.isInteger(subnetSize) || subnetSize < 1 || subnetSize > 40) throw new Error('--subnet-size must be 1..40');
    const roles = new Map<string, { operator?: null; curator?: null }[]>();
    for (const p of v.operator ?? []) roles.set(Principal.fromText(p).toText(), [...(roles.get(p) ?? []), { operator: null }]);
    for (const p of v.curator ?? []) roles.set(Principal.fromText(p).toText(), [...(roles.get(p) ?? []), { curator: null }]);

    // Live clock: worker tokens carry IC time and the worker checks them against its own clock.
    const devnet = await Devnet.create({ clock: 'live', subnetSize });
    const server = await startDevnetServer({ devnet, host: '127.0.0.1', port });
    const controller = Ed25519KeyIdentity.generate();
    const canisterId = await deployCanister(devnet, { wasm: BACKEND_WASM, sender: controller.getPrincipal() });
    const backend = createActor<_SERVICE>(devnet, idlFactory, canisterId, controller);
    const config = await backend.get_router_config();
    const set = await backend.set_router_config({ ...config, schnorr_key_name: 'dfx_test_key', allow_http_loopback: true, subnet_size: subnetSize });
    if ('Err' in set) throw new Error(`set_router_config: ${json(set.Err)}`);
    for (const [principal, r] of roles) {
        const granted = await backend.set_roles(Principal.fromText(principal), r as { operator: null }[]);
        if ('Err' in granted) throw new Error(`set_roles ${principal}: ${json(granted.Err)}`);
        console.log(`roles ${r.map((x) => Object.keys(x)[0]).join(', ')}: ${principal}`);
    }
    console.log(`host:    ${server.url}`);
    console.log(`backend: ${canisterId.toText()}   (${subnetSize}-node subnet, worker tokens signed with dfx_test_key)`);

    const stop = (): void => {
        void server.close().then(() => {
            devnet.close();
            process.exit(0);
        });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
});
