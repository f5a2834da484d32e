/**
 * A minimal cycles minting canister (CMC) at `rkp4c-7iaaa-aaaaa-aaaca-cai`: icp-cli asks it for the subnets new
 * canisters may go to (`get_default_subnets`) before creating canisters through the cycles ledger.
 */
import { IDL } from '@dfinity/candid';
import type { Principal } from '@dfinity/principal';
import type { BuiltinCanister } from '../engine-api.js';
import { CMC_ID } from './builtin-ids.js';
import { methodNotFound, replyWith } from './builtin-replies.js';

export function createCmc({ subnetId }: { subnetId: Principal }): BuiltinCanister {
    const id = CMC_ID.toText();
    return {
        async call({ method, kind }) {
            switch (method) {
                case 'get_default_subnets':
                    return replyWith([IDL.Vec(IDL.Principal)], [[subnetId]]);
                case 'get_subnet_types_to_subnets':
                    return replyWith([IDL.Record({ data: IDL.Vec(IDL.Tuple(IDL.Text, IDL.Vec(IDL.Principal))) })], [{ data: [] }]);
                default:
                    return methodNotFound(id, kind, method);
            }
        }
    };
}
