/**
 * The engine's `Certifier` (engine-api.ts): data certificates for `ic0.data_certificate_*` in queries
 * (spec canister-interface.md §"Certified data"): a signed tree with `/canister/<cid>/certified_data` and `/time`.
 */
import type { Principal } from '@dfinity/principal';
import type { Certifier } from '../engine-api.js';
import { signCertificate } from './certificate.js';
import type { DevnetKeys } from './devnet-keys.js';
import { timeLeaf } from './state-paths.js';
import { stateDir, toHashTree } from './state-tree.js';

export function createCertifier(keys: DevnetKeys): Certifier {
    return {
        dataCertificate(canisterId: Principal, certifiedData: Uint8Array, timeNs: bigint): Uint8Array {
            const tree = stateDir([
                ['canister', stateDir([[canisterId.toUint8Array(), stateDir([['certified_data', certifiedData]])]])],
                ['time', timeLeaf(timeNs)]
            ]);
            return signCertificate(keys, toHashTree(tree));
        }
    };
}
