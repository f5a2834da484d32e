/**
 * Shared setup for the HTTP interface tests: a live-clock devnet with the probe fixture deployed, served by
 * startDevnetServer on a free 127.0.0.1 port, plus a raw envelope client for the error-path tests.
 */
import { readFile } from 'node:fs/promises';
import { Principal } from '@dfinity/principal';
import type { SignIdentity } from '@dfinity/agent';
import { IDL } from '@dfinity/candid';
import { Devnet } from '../../../src/devnet/index.js';
import { startDevnetServer, type DevnetServer } from '../../../src/devnet/http/index.js';
import { deployCanister } from '../../../src/devnet/testing/index.js';
import { cborDecode, cborEncode, concatBytes, requestId, utf8, type CborMap, type CborValue } from '../../../src/devnet/certification/index.js';
import { PROBE_WASM, probeInitArg } from '../fixtures.js';

export interface HttpFixture {
    devnet: Devnet;
    server: DevnetServer;
    probeId: Principal;
    /** `METHOD /path` of every answered request, in order. */
    requests: string[];
    close(): Promise<void>;
}

export async function startHttpFixture({ controllers = [] as Principal[] } = {}): Promise<HttpFixture> {
    const devnet = await Devnet.create({ clock: 'live' });
    const requests: string[] = [];
    const server = await startDevnetServer({ devnet, port: 0, onRequest: (e) => requests.push(`${e.method} ${e.path.replace(/\/canister\/[^/]+\//, '/canister/*/')}`) });
    const probeId = await deployCanister(devnet, { wasm: PROBE_WASM, arg: probeInitArg('http'), controllers: [Principal.anonymous(), ...controllers] });
    return {
        devnet,
        server,
        probeId,
        requests,
        close: async () => {
            await server.close();
            devnet.close();
        }
    };
}

export const nowNs = (): bigint => BigInt(Date.now()) * 1_000_000n;

export interface RawCall {
    canisterId: Principal;
    method: string;
    arg?: Uint8Array;
    type?: 'call' | 'query';
    expiry?: bigint;
    sender?: Principal;
}

/** Builds and signs an envelope without any agent library, as the spec describes it. */
export async function envelope(call: RawCall, identity?: SignIdentity, opts: { tamper?: boolean; delegation?: CborValue; senderPubkey?: Uint8Array } = {}) {
    const content: CborMap = {
        request_type: call.type ?? 'call',
        sender: (call.sender ?? identity?.getPrincipal() ?? Principal.anonymous()).toUint8Array(),
        canister_id: call.canisterId.toUint8Array(),
        method_name: call.method,
        arg: call.arg ?? new Uint8Array(IDL.encode([], [])),
        ingress_expiry: call.expiry ?? nowNs() + 120_000_000_000n,
        nonce: crypto.getRandomValues(new Uint8Array(16))
    };
    const rid = requestId(content);
    const env: CborMap = { content };
    if (identity) {
        const sig = new Uint8Array(await identity.sign(concatBytes(Uint8Array.of(10), utf8('ic-request'), rid)));
        if (opts.tamper) sig[5]! ^= 0xff;
        env.sender_pubkey = opts.senderPubkey ?? new Uint8Array(identity.getPublicKey().toDer());
        env.sender_sig = sig;
        if (opts.delegation !== undefined) env.sender_delegation = opts.delegation;
    }
    return { body: cborEncode(env), requestId: rid };
}

export async function post(url: string, path: string, body: Uint8Array): Promise<{ status: number; text: string; cbor?: CborValue; headers: Headers }> {
    const res = await fetch(`${url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/cbor' }, body: Buffer.from(body) });
    const bytes = new Uint8Array(await res.arrayBuffer());
    const isCbor = (res.headers.get('content-type') ?? '').includes('cbor') && bytes.length > 0;
    return { status: res.status, text: isCbor ? '' : new TextDecoder().decode(bytes), cbor: isCbor ? cborDecode(bytes) : undefined, headers: res.headers };
}

/** A signed (or anonymous) read_state envelope for `paths`. */
export async function readStateEnvelope(paths: Uint8Array[][], identity?: SignIdentity): Promise<Uint8Array> {
    const content: CborMap = {
        request_type: 'read_state',
        sender: (identity?.getPrincipal() ?? Principal.anonymous()).toUint8Array(),
        paths,
        ingress_expiry: nowNs() + 60_000_000_000n
    };
    const env: CborMap = { content };
    if (identity) {
        env.sender_pubkey = new Uint8Array(identity.getPublicKey().toDer());
        env.sender_sig = new Uint8Array(await identity.sign(concatBytes(Uint8Array.of(10), utf8('ic-request'), requestId(content))));
    }
    return cborEncode(env);
}

/** The probe methods these tests call, as a @dfinity/candid 3.x interface (the generated one uses @icp-sdk/core). */
export const probeIdl3: IDL.InterfaceFactory = ({ IDL: I }) =>
    I.Service({
        whoami: I.Func([], [I.Principal], ['query']),
        whoami_update: I.Func([], [I.Principal], []),
        get_counter: I.Func([], [I.Nat64], ['query']),
        inc: I.Func([], [I.Nat64], []),
        init_arg: I.Func([], [I.Opt(I.Text)], ['query']),
        trap_after_writes: I.Func([I.Text], [I.Nat64], []),
        set_certified: I.Func([I.Vec(I.Nat8)], [I.Null], []),
        certificate: I.Func([], [I.Opt(I.Vec(I.Nat8))], ['query'])
    });

/** Reads a wasm that a concurrent build may be rewriting: retries until it has the wasm/gzip magic and is stable. */
export async function readStableWasm(path: string): Promise<Uint8Array> {
    for (let attempt = 0; ; attempt++) {
        const bytes = await readFile(path).catch(() => Buffer.alloc(0));
        await new Promise((r) => setTimeout(r, 300));
        const again = await readFile(path).catch(() => Buffer.alloc(0));
        const magic = bytes.subarray(0, 4).toString('hex');
        if ((magic === '0061736d' || magic.startsWith('1f8b')) && bytes.equals(again)) return new Uint8Array(bytes);
        if (attempt >= 30) throw new Error(`${path} is not a wasm module`);
        await new Promise((r) => setTimeout(r, 1000));
    }
}
