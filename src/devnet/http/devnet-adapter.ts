/** Maps the in-process `Devnet` onto the HTTP layer's EnginePort. */
import type { Devnet } from '../index.js';
import { effectiveCanisterId } from '../index.js';
import type { EnginePort } from './engine-port.js';

export function devnetPort(devnet: Devnet): EnginePort {
    return {
        time: () => devnet.time(),
        query: (call) => devnet.query(call),
        submitUpdate: (call, requestId) => devnet.submitUpdate(call, requestId),
        requestStatus: (requestId) => devnet.requestStatus(requestId),
        awaitRequest: (requestId, timeoutMs) => devnet.awaitRequest(requestId, timeoutMs),
        canisterView: (id) => devnet.canisterInfo(id),
        managementEffectiveCanisterId: (method, arg) => effectiveCanisterId(method, arg)
    };
}
