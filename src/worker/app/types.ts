import type { WorkerTokenPayload } from '../../shared/worker-token';

/** The gateway's request abstraction: what the Node adapter (or a test) hands to the app. */
export interface WorkerRequest {
    method: string;
    /** Path without the query string. */
    path: string;
    /** Lower-case header names. */
    headers: Readonly<Record<string, string | undefined>>;
    /** The body as chunks; read at most once, by the body-limit middleware. */
    body: AsyncIterable<Uint8Array> | null;
}

/** Responses are small, fully buffered JSON or text, so the dedupe cache can replay them byte for byte. */
export interface WorkerResponse {
    status: number;
    headers: Record<string, string>;
    body: Uint8Array;
}

/** Per-request state the middlewares fill in, in pipeline order. */
export interface WorkerContext {
    readonly req: WorkerRequest;
    /** Route name for metrics ("chat", "health", ...). */
    route: string;
    /** Set by body-limit. */
    body?: Uint8Array;
    /** Set by auth-token: the verified claims. */
    token?: WorkerTokenPayload;
    /** Set by timeout: aborted at the deadline or on shutdown. */
    signal?: AbortSignal;
    res?: WorkerResponse;
}

export type Next = () => Promise<void>;
export type Middleware = (ctx: WorkerContext, next: Next) => Promise<void>;

/** Milliseconds since an arbitrary origin (monotonic where possible) and wall-clock Unix seconds. */
export interface Clock {
    nowMs(): number;
    unixSeconds(): number;
}

export interface Logger {
    info(msg: string, fields?: Record<string, unknown>): void;
    warn(msg: string, fields?: Record<string, unknown>): void;
    error(msg: string, fields?: Record<string, unknown>): void;
}

export const systemClock: Clock = {
    nowMs: () => performance.now(),
    unixSeconds: () => Math.floor(Date.now() / 1000)
};

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
