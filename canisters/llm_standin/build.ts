/**
 * Builds the stand-in LLM canister offline (`npx tsx canisters/llm_standin/build.ts`), skipped when its
 * sources, src/shared/chat and the Azle version are unchanged. Output: canisters/llm_standin/.azle/llm_standin/.
 * Safe to call from several test processes at once (an flock around the build).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = join(DIR, '..', '..');
export const LLM_STANDIN_WASM = join(DIR, '.azle', 'llm_standin', 'llm_standin.wasm');
const STAMP = join(DIR, '.azle', 'llm_standin.inputs');
const BUILD_TIMEOUT_MS = 300_000;

function inputsHash(): string {
    const h = createHash('sha256');
    const files = [...readdirSync(DIR).filter((f) => f.endsWith('.ts') || f.endsWith('.json')).map((f) => join(DIR, f)), ...readdirSync(join(ROOT, 'src/shared/chat')).map((f) => join(ROOT, 'src/shared/chat', f))];
    for (const f of files.sort()) h.update(f).update(readFileSync(f));
    h.update(JSON.parse(readFileSync(join(ROOT, 'node_modules/azle/package.json'), 'utf8')).version as string);
    return h.digest('hex');
}

export function buildLlmStandin(): string {
    const hash = inputsHash();
    if (existsSync(LLM_STANDIN_WASM) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === hash) return LLM_STANDIN_WASM;
    execFileSync('flock', ['/tmp/llm_standin.build.lock', 'npx', 'azle', 'build', 'llm_standin'], {
        cwd: DIR,
        env: { ...process.env, AZLE_DFX_ROOT: DIR, CANISTER_CANDID_PATH: '.azle/llm_standin/llm_standin.did' },
        stdio: 'inherit',
        timeout: BUILD_TIMEOUT_MS
    });
    writeFileSync(STAMP, hash);
    return LLM_STANDIN_WASM;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(buildLlmStandin());
