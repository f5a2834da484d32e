/** Request status views and certificates (https-interface.md §"Request status"; index.md §"Request status"). */
import {
    insertAt,
    requestStatusSubtree,
    signCertificate,
    stateDir,
    timeLeaf,
    toHashTree,
    type RequestStatusView
} from '../certification/index.js';
import type { RequestStatus } from '../engine-api.js';
import type { EndpointContext } from './endpoint-context.js';

export function isTerminal(status: RequestStatus): boolean {
    return status.status === 'replied' || status.status === 'rejected' || status.status === 'done';
}

export function toStatusView(status: RequestStatus): RequestStatusView {
    if (status.status === 'replied' && 'kind' in status && status.kind === 'replied') return { status: 'replied', reply: status.reply };
    if (status.status === 'rejected' && 'kind' in status && status.kind === 'rejected') {
        return { status: 'rejected', rejectCode: status.rejectCode, rejectMessage: status.rejectMessage, errorCode: status.errorCode };
    }
    if (status.status === 'replied' || status.status === 'rejected') return { status: 'done' };
    return { status: status.status };
}

/** A certificate with `/request_status/<rid>/…` and `/time`, as v3/v4 calls return. */
export function requestStatusCertificate(ctx: EndpointContext, requestId: Uint8Array, status: RequestStatus): Uint8Array {
    const root = stateDir([['time', timeLeaf(ctx.engine.time())]]);
    insertAt(root, ['request_status', requestId], requestStatusSubtree(toStatusView(status)));
    return signCertificate(ctx.keys, toHashTree(root));
}
