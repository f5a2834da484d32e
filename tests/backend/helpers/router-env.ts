/**
 * A devnet with the backend (real wasm) and the stand-in LLM canister installed at the LLM canister's
 * mainnet id, the router configured for local testing (dfx_test_key, http to loopback), an operator.
 */
import { IDL } from '@icp-sdk/core/candid';
import { Principal } from '@dfinity/principal';

import { buildLlmStandin } from '../../../canisters/llm_standin/build';
import { LLM_CANISTER_ID } from '../../../src/shared/chat/llm-canister.idl';
import { Devnet, type DevnetOptions } from '../../../src/devnet/index';
import { createActor, deployCanister } from '../../../src/devnet/testing/index';
import { BACKEND_WASM, contributorId, controllerId, curatorId, identity, unwrap, type Backend, type BackendEnv } from '../helpers';
import { idlFactory, type _SERVICE } from '../../../src/declarations/backend/declarations/backend.did.js';
import type { ApiFormat } from '../../../src/shared/router/router.types';

export const operatorId = identity(4);
export const userIds = Array.from({ length: 8 }, (_, i) => identity(10 + i));

const StandinIdl = ({ IDL: I }: { IDL: typeof IDL }) => I.Service({ calls: I.Func([], [I.Nat64], ['query']) });

export interface RouterEnv extends BackendEnv {
    operator: Backend;
    standinCalls(): Promise<bigint>;
    instructions: { entryPoint: string; instructions: bigint }[];
}

export async function startRouterEnv(options: DevnetOptions = {}): Promise<RouterEnv> {
    const standinWasm = buildLlmStandin();
    const devnet = await Devnet.create({ subnetSize: 4, ...options });
    const instructions: RouterEnv['instructions'] = [];
    devnet.onMessage((e) => {
        instructions.push({ entryPoint: e.entryPoint, instructions: BigInt(e.instructions) });
        if (process.env.DEBUG_DEVNET) console.log(`[devnet] ${e.entryPoint}: ${e.instructions} instructions, ${e.wallMs} ms`);
    });
    const llmId = Principal.fromText(LLM_CANISTER_ID);
    await deployCanister(devnet, { wasm: standinWasm, sender: controllerId, specifiedId: llmId });
    const canisterId = await deployCanister(devnet, { wasm: BACKEND_WASM, sender: controllerId, arg: new Uint8Array(IDL.encode([], [])) });
    const as = (who: Parameters<BackendEnv['as']>[0]): Backend => createActor<_SERVICE>(devnet, idlFactory, canisterId, who === 'anonymous' ? undefined : who);
    const controller = as(controllerId);
    unwrap(await controller.set_roles(curatorId.getPrincipal(), [{ curator: null }]));
    unwrap(await controller.set_roles(operatorId.getPrincipal(), [{ operator: null }]));
    const config = await controller.get_router_config();
    unwrap(await controller.set_router_config({ ...config, schnorr_key_name: 'dfx_test_key', allow_http_loopback: true, subnet_size: options.subnetSize ?? 4 }));
    const standin = createActor<{ calls: () => Promise<bigint> }>(devnet, StandinIdl as never, llmId);
    return {
        devnet, canisterId, as, controller, curator: as(curatorId), contributor: as(contributorId), anonymous: as('anonymous'),
        operator: as(operatorId), standinCalls: () => standin.calls(), instructions
    };
}

export interface WorkerSpec {
    url: string;
    format: ApiFormat;
    model: string;
    contextTokens?: number;
    mode?: 'replicated' | 'non_replicated';
    priceIn?: number;
    priceOut?: number;
    variantId?: string;
}

/** Registers (as the operator) and approves (as the curator) a worker; returns its id. */
export async function addWorker(env: RouterEnv, w: WorkerSpec): Promise<string> {
    const reg = unwrap(await env.operator.register_worker({
        url: w.url, api_format: { [w.format]: null } as never, mode: { [w.mode ?? 'replicated']: null } as never,
        models: [{ name: w.model, variant_id: w.variantId === undefined ? [] : [w.variantId], context_tokens: w.contextTokens ?? 32_768 }],
        hardware_id: [], runtime_id: [], price_input_usd_per_mtok: w.priceIn ?? 0.1, price_output_usd_per_mtok: w.priceOut ?? 0.2
    }));
    unwrap(await env.curator.set_worker_status(reg.id, { approved: null }));
    return reg.id;
}

export type ChatArgs = Parameters<Backend['chat']>[0];

export function chatArgs(message: string, extra: Partial<ChatArgs> = {}): ChatArgs {
    return { conversation_id: [], model: [], task: [], message, system: [], max_tokens: [], temperature: [], route: [], ...extra };
}

export function route(p: { backend?: 'llm_canister' | 'worker'; worker_id?: string; min_trust?: string; prefer?: string; max_price_usd?: number }): ChatArgs['route'] {
    return [{
        backend: p.backend === undefined ? [] : [{ [p.backend]: null } as never],
        worker_id: p.worker_id === undefined ? [] : [p.worker_id],
        min_trust: p.min_trust === undefined ? [] : [{ [p.min_trust]: null } as never],
        prefer: p.prefer === undefined ? [] : [{ [p.prefer]: null } as never],
        max_price_usd: p.max_price_usd === undefined ? [] : [p.max_price_usd]
    }];
}

/** A unit variant's tag (or a text code such as an attempt outcome). */
export const tagOf = (v: object | string): string => (typeof v === 'string' ? v : (Object.keys(v)[0] as string));
