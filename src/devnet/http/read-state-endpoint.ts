/** `POST /api/v2|v3/canister/<ecid>/read_state` and `/api/v3/subnet/<sid>/read_state` (https-interface.md §"Read state"). */
import { Principal } from '@dfinity/principal';
import { signCertificate, toHashTree, utf8, bytesEqual } from '../certification/index.js';
import type { EndpointContext } from './endpoint-context.js';
import { decodeEnvelope } from './envelope.js';
import { badRequest } from './http-error.js';
import { cborReply, type HttpReply } from './http-reply.js';
import { buildReadStateTree } from './read-state-tree.js';
import { toStatusView } from './request-status.js';
import type { Target } from './routes.js';
import { validateRequest } from './validate-request.js';

const CANISTER_LABEL = utf8('canister');

export function handleReadState(ctx: EndpointContext, target: Target, body: Uint8Array): HttpReply {
    const env = decodeEnvelope(body, 'read_state');
    if (target.kind === 'subnet' && !bytesEqual(target.id.toUint8Array(), ctx.keys.subnetId.toUint8Array())) {
        throw badRequest(`Subnet ${target.id.toText()} does not exist; the devnet's only subnet is ${ctx.keys.subnetId.toText()}`);
    }
    // Delegation targets restrict the canisters whose state a read_state may name.
    const named = env.paths.filter((p) => p.length > 1 && bytesEqual(p[0]!, CANISTER_LABEL)).map((p) => p[1]!);
    const nowNs = ctx.engine.time();
    validateRequest(env, { nowNs, rootKeyDer: ctx.keys.rootKeyDer, targetCanisters: named });
    const tree = buildReadStateTree(env.paths, {
        keys: ctx.keys,
        nowNs,
        target,
        sender: env.sender,
        canisterView: (id: Principal) => ctx.engine.canisterView(id),
        requestStatus: (rid) => {
            const status = ctx.engine.requestStatus(rid);
            return status ? toStatusView(status) : undefined;
        },
        trackedRequest: (rid) => ctx.requests.get(rid)
    });
    return cborReply({ certificate: signCertificate(ctx.keys, toHashTree(tree)) });
}
