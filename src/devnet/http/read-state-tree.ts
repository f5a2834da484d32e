/**
 * Builds the tree of a read_state answer (https-interface.md §"Request: Read state"): `/time` plus each requested
 * path's subtree, unpruned, after the spec's permission checks. Paths that do not exist are left out, so clients see
 * them as Absent (an absent request status keeps agents polling).
 */
import { Principal } from '@dfinity/principal';
import {
    bytesEqual,
    canisterRangesSubtree,
    canisterSubtree,
    insertAt,
    requestStatusSubtree,
    resolvePath,
    stateDir,
    subnetSubtree,
    timeLeaf,
    toHex,
    type DevnetKeys,
    type StateDir
} from '../certification/index.js';
import type { CanisterView } from './engine-port.js';
import { HttpError, badRequest } from './http-error.js';
import type { TrackedRequest } from './request-registry.js';
import type { RequestStatusView } from '../certification/index.js';
import type { Target } from './routes.js';

export interface ReadStateSources {
    keys: DevnetKeys;
    nowNs: bigint;
    target: Target;
    sender: Uint8Array;
    canisterView(id: Principal): CanisterView | undefined;
    requestStatus(requestIdHex: string): RequestStatusView | undefined;
    trackedRequest(requestIdHex: string): TrackedRequest | undefined;
}

const text = (b: Uint8Array): string => new TextDecoder().decode(b);
const invalidPath = (): HttpError => new HttpError(404, 'Invalid path requested.');

export function buildReadStateTree(paths: readonly Uint8Array[][], src: ReadStateSources): StateDir {
    const root = stateDir([['time', timeLeaf(src.nowNs)]]);
    for (const path of paths) {
        if (path.length === 0) throw invalidPath();
        const subtree = sourceFor(path, src);
        if (subtree === undefined) continue;
        const node = resolvePath(subtree, path.slice(1));
        if (node !== undefined) insertAt(root, path, node);
    }
    return root;
}

/** The virtual subtree under the first label of `path`, after permission checks. */
function sourceFor(path: Uint8Array[], src: ReadStateSources): StateDir | undefined {
    const head = text(path[0]!);
    const isCanisterTarget = src.target.kind === 'canister';
    switch (head) {
        case 'time':
            return undefined; // already present
        case 'subnet':
            return stateDir([[src.keys.subnetId.toUint8Array(), subnetSubtree(src.keys)]]);
        case 'canister_ranges':
            return stateDir([[src.keys.subnetId.toUint8Array(), canisterRangesSubtree()]]);
        case 'api_boundary_nodes':
            return stateDir();
        case 'request_status':
            if (!isCanisterTarget) throw invalidPath();
            return requestStatusSource(path, src);
        case 'canister':
            if (!isCanisterTarget) throw invalidPath();
            return canisterSource(path, src);
        default:
            throw invalidPath();
    }
}

function requestStatusSource(path: Uint8Array[], src: ReadStateSources): StateDir | undefined {
    const rid = path[1];
    if (rid === undefined) throw invalidPath();
    const ridHex = toHex(rid);
    const tracked = src.trackedRequest(ridHex);
    if (tracked && !bytesEqual(tracked.sender, src.sender)) throw new HttpError(403, 'Request IDs must be for requests signed by the caller.');
    if (tracked && !bytesEqual(tracked.effectiveCanisterId, src.target.id.toUint8Array())) {
        throw new HttpError(403, 'Request IDs must be for requests sent to the effective canister id of the read_state request.');
    }
    const view = src.requestStatus(ridHex);
    return view ? stateDir([[rid, requestStatusSubtree(view)]]) : undefined;
}

function canisterSource(path: Uint8Array[], src: ReadStateSources): StateDir | undefined {
    const cid = path[1];
    if (cid === undefined) throw invalidPath();
    if (!bytesEqual(cid, src.target.id.toUint8Array())) {
        throw badRequest(`Effective canister id in URL ${src.target.id.toText()} does not match requested canister id ${safePrincipal(cid)}.`);
    }
    const field = path[2] === undefined ? undefined : text(path[2]);
    if (field !== undefined && !['module_hash', 'controllers', 'metadata'].includes(field)) throw invalidPath();
    const view = src.canisterView(src.target.id);
    if (!view) return undefined;
    let metadata = view.publicMetadata;
    const name = path[3] === undefined ? undefined : text(path[3]);
    if (field === 'metadata' && name !== undefined && view.privateMetadata.has(name)) {
        if (!view.controllers.some((c) => bytesEqual(c.toUint8Array(), src.sender))) {
            throw new HttpError(403, `Custom section ${name} can only be requested by the controllers of the canister.`);
        }
        metadata = new Map([...metadata, [name, view.privateMetadata.get(name)!]]);
    }
    return stateDir([[cid, canisterSubtree({ moduleHash: view.moduleHash, controllers: view.controllers, metadata })]]);
}

function safePrincipal(bytes: Uint8Array): string {
    return bytes.length <= 29 ? Principal.fromUint8Array(bytes).toText() : `0x${toHex(bytes)}`;
}
