/**
 * `npm run build`: builds every Azle canister in dfx.json offline (no dfx) and generates TypeScript bindings
 * from each committed `.did` with @icp-sdk/bindgen. A canister is rebuilt only when its inputs changed
 * (its sources, src/shared, the lockfile), so repeated test runs stay fast.
 *
 *   npm run build              build what changed
 *   npm run build -- --force   rebuild everything
 *   npm run build -- backend   build one canister
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const ROOT = join(dirname(new URL(import.meta.url).pathname), '..', '..');

interface CanisterConfig {
    type: string;
    main?: string;
    candid?: string;
    wasm?: string;
}

export interface BuiltCanister {
    name: string;
    wasmPath: string;
    didPath: string;
    rebuilt: boolean;
}

function filesUnder(dir: string): string[] {
    if (!existsSync(dir)) return [];
    const out: string[] = [];
    for (const entry of readdirSync(dir)) {
        if (entry === 'node_modules' || entry.startsWith('.')) continue;
        const path = join(dir, entry);
        if (statSync(path).isDirectory()) out.push(...filesUnder(path));
        else if (/\.(ts|js|json)$/.test(entry)) out.push(path);
    }
    return out.sort();
}

/** Hash of everything a canister build reads: its folder, the shared domain code, the seed data and the lockfile. */
function inputsHash(main: string): string {
    const hash = createHash('sha256');
    // data/ is bundled into the backend as the seed dataset.
    const files = [...filesUnder(join(ROOT, dirname(main))), ...filesUnder(join(ROOT, 'src/shared')), ...filesUnder(join(ROOT, 'data')), join(ROOT, 'package-lock.json')];
    for (const file of files) {
        hash.update(relative(ROOT, file));
        hash.update(readFileSync(file));
    }
    return hash.digest('hex');
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): void {
    const result = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
    if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed with exit code ${result.status}`);
}

export function buildCanister(name: string, config: CanisterConfig, force: boolean): BuiltCanister {
    if (config.main === undefined || config.candid === undefined || config.wasm === undefined) {
        throw new Error(`dfx.json canister ${name} lacks main, candid or wasm`);
    }
    const wasmPath = join(ROOT, config.wasm);
    const didPath = join(ROOT, config.candid);
    const stampPath = join(ROOT, '.azle', `${name}.inputs`);
    const hash = inputsHash(config.main);
    const upToDate = existsSync(wasmPath) && existsSync(stampPath) && readFileSync(stampPath, 'utf8') === hash;
    if (!upToDate || force) {
        console.log(`building canister ${name} (azle build, offline)`);
        run('npx', ['azle', 'build', name], { CANISTER_CANDID_PATH: config.candid });
        mkdirSync(dirname(stampPath), { recursive: true });
        writeFileSync(stampPath, hash);
    }
    const bindingsDir = join(ROOT, 'src', 'declarations', name);
    if (!upToDate || force || !existsSync(bindingsDir)) {
        run('npx', ['icp-bindgen', '--did-file', config.candid, '--out-dir', relative(ROOT, bindingsDir), '--force', '--actor-disabled']);
    }
    return { name, wasmPath, didPath, rebuilt: !upToDate || force };
}

export function azleCanisters(): [string, CanisterConfig][] {
    const dfx = JSON.parse(readFileSync(join(ROOT, 'dfx.json'), 'utf8')) as { canisters: Record<string, CanisterConfig> };
    return Object.entries(dfx.canisters).filter(([, c]) => c.type === 'custom' && c.main?.endsWith('.ts'));
}

function main(): void {
    const args = process.argv.slice(2);
    const force = args.includes('--force');
    const only = args.filter((a) => !a.startsWith('--'));
    for (const [name, config] of azleCanisters()) {
        if (only.length > 0 && !only.includes(name)) continue;
        if (!existsSync(join(ROOT, config.main ?? ''))) {
            console.log(`skipping ${name}: ${config.main} does not exist yet`);
            continue;
        }
        const built = buildCanister(name, config, force);
        console.log(`${built.name}: ${relative(ROOT, built.wasmPath)}${built.rebuilt ? '' : ' (up to date)'}`);
    }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
