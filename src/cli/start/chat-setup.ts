/**
 * Chat for the local app: the stand-in LLM canister at the LLM canister's mainnet id (canisters/llm_standin;
 * built here when its sources changed),
 * the router configured for a local network (test threshold key, plain-HTTP loopback workers), and a local
 * worker: the real worker gateway (src/worker) with the stand-in's deterministic model behind it.
 */
import { readFile } from 'node:fs/promises';
import { Principal } from '@dfinity/principal';
import { buildLlmStandin } from '../../../canisters/llm_standin/build.js';
import { answer } from '../../../canisters/llm_standin/standin-answer.js';
import type { Devnet } from '../../devnet/index.js';
import type { DevnetActor } from '../../devnet/testing/index.js';
import type { _SERVICE } from '../../declarations/backend/declarations/backend.did.js';
import { LLM_CANISTER_ID } from '../../shared/chat/llm-canister.idl.js';
import { createWorkerApp, serveWorker, type ChatRuntime, type RunningWorker } from '../../worker/index.js';
import { silentLogger } from '../../worker/app/types.js';

export const LOCAL_WORKER_MODEL = 'local-standin';
/** The stand-in answers instantly; a devnet has no real GPU. */
const WORKER_CONTEXT_TOKENS = 32_768;

type Backend = DevnetActor<_SERVICE>;
type Log = (line: string) => void;

/** Builds (if changed) and installs the stand-in LLM canister unless the devnet already has it. */
export async function ensureLlmStandin(devnet: Devnet, controller: Principal, log: Log): Promise<void> {
    const id = Principal.fromText(LLM_CANISTER_ID);
    if (devnet.canisterIds().some((p) => p.toText() === LLM_CANISTER_ID)) return;
    const wasm = new Uint8Array(await readFile(buildLlmStandin()));
    await devnet.createCanister({ sender: controller, controllers: [controller], specifiedId: id, cycles: 10_000_000_000_000n });
    await devnet.installCode({ canisterId: id, wasm, sender: controller });
    log(`stand-in LLM canister installed: ${LLM_CANISTER_ID}`);
}

/** Test threshold key and loopback workers: what a local replica offers (outcalls.md §1). */
export async function configureLocalRouter(backend: Backend): Promise<void> {
    const config = await backend.get_router_config();
    const r = await backend.set_router_config({ ...config, schnorr_key_name: 'dfx_test_key', allow_http_loopback: true });
    if ('Err' in r) throw new Error(`set_router_config: ${JSON.stringify(r.Err, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))}`);
}

/** Starts the gateway on 127.0.0.1:`port` and registers + approves it (the caller must be operator and curator). */
export async function startLocalWorker(backend: Backend, backendId: string, port: number, log: Log): Promise<RunningWorker> {
    const runtime: ChatRuntime = {
        info: { kind: 'openai', target: 'stand-in', version: null },
        listModels: async () => [LOCAL_WORKER_MODEL],
        chat: async (req) => {
            const a = answer(req);
            return { ...a, message: { ...a.message, content: a.message.content === null ? null : `[local worker] ${a.message.content}` } };
        },
        close: async () => {},
    };
    const audiences: string[] = [];
    const key = await backend.worker_auth_public_key();
    const app = createWorkerApp({ runtime, auth: { publicKeys: [Uint8Array.from(key)], audiences, issuers: [backendId] } });
    const running = await serveWorker({ app, host: '127.0.0.1', port, logger: silentLogger });
    const url = running.url.replace(/\/+$/, '');
    audiences.push(url);
    const existing = (await backend.list_workers([], [], [100])).items.find((w) => w.url === url);
    let id = existing?.id;
    if (id === undefined) {
        const reg = await backend.register_worker({
            url, api_format: { deai: null }, mode: { replicated: null }, models: [{ name: LOCAL_WORKER_MODEL, variant_id: [], context_tokens: WORKER_CONTEXT_TOKENS }],
            hardware_id: [], runtime_id: [], price_input_usd_per_mtok: 0, price_output_usd_per_mtok: 0,
        });
        if ('Err' in reg) throw new Error(`register_worker: ${JSON.stringify(reg.Err)}`);
        id = reg.Ok.id;
    }
    if (existing?.status === undefined || !('approved' in existing.status)) {
        const ok = await backend.set_worker_status(id, { approved: null });
        if ('Err' in ok) throw new Error(`set_worker_status: ${JSON.stringify(ok.Err)}`);
    }
    log(`local worker ${id} at ${url} (model "${LOCAL_WORKER_MODEL}")`);
    return running;
}
