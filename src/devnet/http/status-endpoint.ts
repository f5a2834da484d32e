/** `GET /api/v2/status` (https-interface.md §"Status"; replica status.rs): root key for `fetchRootKey`. */
import type { EndpointContext } from './endpoint-context.js';
import { cborReply, type HttpReply } from './http-reply.js';

export function handleStatus(ctx: EndpointContext): HttpReply {
    return cborReply({
        root_key: ctx.keys.rootKeyDer,
        impl_version: ctx.implVersion,
        replica_health_status: 'healthy',
        certified_height: 0
    });
}
