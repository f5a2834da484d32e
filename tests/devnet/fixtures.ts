/**
 * Shared test helpers: paths of the built fixtures, a fresh devnet with the probe (and relay) deployed, and
 * Candid shortcuts.
 */
import { IDL } from '@icp-sdk/core/candid';
import { Principal } from '@dfinity/principal';
import { Devnet, type DevnetOptions } from '../../src/devnet/index.js';
import { createActor, deployCanister, type DevnetActor } from '../../src/devnet/testing/index.js';
import { idlFactory as probeIdl, type _SERVICE as ProbeService } from '../fixtures/declarations/probe/probe.did.js';
import { idlFactory as relayIdl, type _SERVICE as RelayService } from '../fixtures/declarations/relay/relay.did.js';

export const PROBE_WASM = 'tests/fixtures/.azle/probe/probe.wasm';
export const RELAY_WASM = 'tests/fixtures/.azle/relay/relay.wasm';
export const BACKEND_WASM = '.azle/backend/backend.wasm';

export const controller = Principal.fromText('rrkah-fqaaa-aaaaa-aaaaq-cai');
export const stranger = Principal.fromText('ryjl3-tyaaa-aaaaa-aaaba-cai');

export type Probe = DevnetActor<ProbeService>;
export type Relay = DevnetActor<RelayService>;

export const probeInitArg = (text?: string): Uint8Array => new Uint8Array(IDL.encode([IDL.Opt(IDL.Text)], [text === undefined ? [] : [text]]));

export async function withProbe(options: DevnetOptions = {}, initText?: string): Promise<{ devnet: Devnet; probe: Probe; id: Principal }> {
    const devnet = await Devnet.create(options);
    const id = await deployCanister(devnet, { wasm: PROBE_WASM, sender: controller, arg: probeInitArg(initText) });
    return { devnet, probe: createActor<ProbeService>(devnet, probeIdl, id, controller), id };
}

export async function withRelay(devnet: Devnet): Promise<{ relay: Relay; relayId: Principal }> {
    const relayId = await deployCanister(devnet, { wasm: RELAY_WASM, sender: controller });
    return { relay: createActor<RelayService>(devnet, relayIdl, relayId, controller), relayId };
}

export const probeActor = (devnet: Devnet, id: Principal, identity?: Principal): Probe => createActor<ProbeService>(devnet, probeIdl, id, identity);

export const emptyArgs = (): Uint8Array => new Uint8Array(IDL.encode([], []));
export const encodeText = (text: string): Uint8Array => new Uint8Array(IDL.encode([IDL.Text], [text]));
export const decodeNat64 = (reply: Uint8Array): bigint => IDL.decode([IDL.Nat64], reply)[0] as bigint;
