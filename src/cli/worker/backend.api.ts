import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Actor, HttpAgent, type ActorSubclass, type Identity } from '@dfinity/agent';
import type { IDL } from '@dfinity/candid';

/**
 * The thin `api` layer over the backend canister (style.md §10.3): one function per canister method, nothing else.
 * The IDL comes from the bindings `npm run build` generates (`src/declarations/backend`), loaded at run time so
 * this module type-checks without a build.
 */
export interface BackendConnection {
    /** Replica / devnet URL, e.g. http://127.0.0.1:4943 or https://icp-api.io. */
    host: string;
    canisterId: string;
    identity: Identity;
    /** Local networks only: trust the root key the replica serves. */
    fetchRootKey: boolean;
}

export type CandidResult<T> = { Ok: T } | { Err: Record<string, unknown> };
type Opt<T> = [] | [T];

/** `submit_benchmark` argument (backend.did `BenchmarkSubmission`). */
export interface BenchmarkSubmissionWire {
    model_id: string;
    variant_id: string;
    hardware_id: string;
    runtime_id: string;
    runtime_version: Opt<string>;
    model_sha256: Opt<string>;
    origin: { measured: null };
    ttft_ms: Opt<number>;
    prompt_tokens_per_s: Opt<number>;
    generation_tokens_per_s: Opt<number>;
    power_w: Opt<number>;
    settings: { batch_size: Opt<number>; output_tokens: Opt<number>; concurrency: Opt<number>; device_count: Opt<number>; prompt_tokens: Opt<number> };
    notes: Opt<string>;
    sources: Array<{ url: string; title: string; note: Opt<string>; accessed: string }>;
}

const DECLARATIONS = resolve(new URL('../../..', import.meta.url).pathname, 'src/declarations/backend/declarations/backend.did.js');

async function backendIdl(): Promise<IDL.InterfaceFactory> {
    try {
        return ((await import(pathToFileURL(DECLARATIONS).href)) as { idlFactory: IDL.InterfaceFactory }).idlFactory;
    } catch {
        throw new Error(`backend bindings not found at ${DECLARATIONS}; run \`npm run build\` first`);
    }
}

async function agentFor(c: BackendConnection): Promise<HttpAgent> {
    const agent = await HttpAgent.create({ host: c.host, identity: c.identity, shouldFetchRootKey: false });
    if (c.fetchRootKey) await agent.fetchRootKey();
    return agent;
}

export async function backendActor(c: BackendConnection): Promise<ActorSubclass<Record<string, (...args: unknown[]) => Promise<unknown>>>> {
    return Actor.createActor(await backendIdl(), { agent: await agentFor(c), canisterId: c.canisterId });
}

export async function submitBenchmark(c: BackendConnection, submission: BenchmarkSubmissionWire): Promise<CandidResult<{ result_id: string }>> {
    return (await backendActor(c)).submit_benchmark(submission) as Promise<CandidResult<{ result_id: string }>>;
}

export async function getModel(c: BackendConnection, id: string): Promise<CandidResult<Record<string, unknown>>> {
    return (await backendActor(c)).get_model(id) as Promise<CandidResult<Record<string, unknown>>>;
}

export async function proposeModel(c: BackendConnection, model: Record<string, unknown>, comment: string): Promise<CandidResult<{ id: string; status: Record<string, null> }>> {
    return (await backendActor(c)).propose_model(model, [comment]) as Promise<CandidResult<{ id: string; status: Record<string, null> }>>;
}

/** `register_worker` argument (backend.did `WorkerRegistration`). */
export interface WorkerRegistrationWire {
    url: string;
    api_format: { deai: null } | { openai: null } | { ollama: null } | { anthropic: null };
    mode: { replicated: null } | { non_replicated: null };
    price_input_usd_per_mtok: number;
    price_output_usd_per_mtok: number;
    runtime_id: Opt<string>;
    hardware_id: Opt<string>;
    models: Array<{ name: string; variant_id: Opt<string>; context_tokens: number }>;
}

/** Registers a worker owned by the caller (needs the operator role); the worker starts `pending` until a curator approves it. */
export async function registerWorker(c: BackendConnection, registration: WorkerRegistrationWire): Promise<CandidResult<{ id: string; status: Record<string, null> }>> {
    return (await backendActor(c)).register_worker(registration) as Promise<CandidResult<{ id: string; status: Record<string, null> }>>;
}

/** The canister's 32-byte ed25519 key that signs worker tokens (an update call: it may ask the management canister). */
export async function workerAuthPublicKey(c: BackendConnection): Promise<Uint8Array> {
    return Uint8Array.from((await (await backendActor(c)).worker_auth_public_key()) as Uint8Array | number[]);
}
