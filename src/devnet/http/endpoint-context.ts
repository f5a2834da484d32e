/** Everything an endpoint handler needs, injected by the server. */
import type { DevnetKeys } from '../certification/index.js';
import type { EnginePort } from './engine-port.js';
import type { RequestRegistry } from './request-registry.js';

export interface EndpointContext {
    engine: EnginePort;
    keys: DevnetKeys;
    requests: RequestRegistry;
    /** How long v3/v4 calls wait before answering 202. */
    syncCallTimeoutMs: number;
    /** Text of `impl_version` in /api/v2/status. */
    implVersion: string;
}
