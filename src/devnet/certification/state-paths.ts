/**
 * Builders for the state-tree paths the devnet serves (spec index.md §"The system state tree":
 * /time, /subnet, /canister_ranges, /request_status, /canister).
 */
import type { Principal } from '@dfinity/principal';
import { cborEncode } from './cbor.js';
import { leb128, utf8 } from './bytes.js';
import type { DevnetKeys } from './devnet-keys.js';
import { setChild, stateDir, type StateDir, type StateNode } from './state-tree.js';

/** Canister ids are `u64 BE ‖ 01 01`; this one range covers every canister id (incl. the CMC and cycles ledger). */
export const ALL_CANISTERS_RANGE: readonly [Uint8Array, Uint8Array] = [
    Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 0, 1, 1),
    Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 1, 1)
];

export const timeLeaf = (timeNs: bigint): Uint8Array => leb128(timeNs);

/** CBOR (tag 55799) `[[start, end], …]`, the value of canister_ranges paths. */
export function encodeRanges(ranges: readonly (readonly [Uint8Array, Uint8Array])[]): Uint8Array {
    return cborEncode(ranges.map(([s, e]) => [s, e]));
}

/** `/subnet/<sid>` subtree: public_key, canister_ranges, type, node/<nid>/public_key. */
export function subnetSubtree(keys: DevnetKeys): StateDir {
    return stateDir([
        ['canister_ranges', encodeRanges([ALL_CANISTERS_RANGE])],
        ['node', stateDir([[keys.nodeId.toUint8Array(), stateDir([['public_key', keys.nodeKeyDer]])]])],
        ['public_key', keys.rootKeyDer],
        ['type', utf8('application')]
    ]);
}

/** `/canister_ranges/<sid>` subtree: one shard labeled with its first range start (spec 0.50 sharded ranges). */
export function canisterRangesSubtree(): StateDir {
    return stateDir([[ALL_CANISTERS_RANGE[0], encodeRanges([ALL_CANISTERS_RANGE])]]);
}

/** What the request-status subtree needs to know about a request. */
export type RequestStatusView =
    | { status: 'received' | 'processing' | 'done' }
    | { status: 'replied'; reply: Uint8Array }
    | { status: 'rejected'; rejectCode: number; rejectMessage: string; errorCode: string };

/** `/request_status/<rid>` subtree (spec §"Request status"). */
export function requestStatusSubtree(view: RequestStatusView): StateDir {
    const dir = stateDir([['status', utf8(view.status)]]);
    if (view.status === 'replied') fill(dir, [['reply', view.reply]]);
    if (view.status === 'rejected') {
        fill(dir, [
            ['reject_code', leb128(view.rejectCode)],
            ['reject_message', utf8(view.rejectMessage)],
            ['error_code', utf8(view.errorCode)]
        ]);
    }
    return dir;
}

function fill(dir: StateDir, entries: [string, StateNode][]): void {
    for (const [k, v] of entries) setChild(dir, k, v);
}

/** What the `/canister/<cid>` subtree needs (certified_data only appears in data certificates). */
export interface CanisterStateView {
    moduleHash?: Uint8Array;
    controllers: readonly Principal[];
    /** Public metadata sections by name (`icp:public <name>`). */
    metadata: ReadonlyMap<string, Uint8Array>;
}

export function canisterSubtree(view: CanisterStateView): StateDir {
    const dir = stateDir([['controllers', cborEncode(view.controllers.map((p) => p.toUint8Array()))]]);
    if (view.moduleHash) fill(dir, [['module_hash', view.moduleHash]]);
    if (view.metadata.size > 0) fill(dir, [['metadata', stateDir([...view.metadata].map(([k, v]) => [k, v] as const))]]);
    return dir;
}
