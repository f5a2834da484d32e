import { RuntimeError } from './runtime.types';

export type FetchFn = typeof fetch;

/** Network-level failures that mean "nothing is listening / reachable" (undici puts them in `cause.code`). */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET']);

export interface UpstreamReply {
    status: number;
    text: string;
}

/**
 * One HTTP exchange with the upstream runtime: sends JSON, reads at most `maxBytes` of the answer as UTF-8.
 * Aborts propagate as `signal.reason`; connection failures become `upstream_unreachable`; an oversized or
 * undecodable answer becomes `upstream_bad_response`.
 */
export async function upstreamRequest(args: {
    fetch: FetchFn;
    url: string;
    method: 'GET' | 'POST';
    body?: unknown;
    headers?: Record<string, string>;
    signal?: AbortSignal;
    maxBytes: number;
}): Promise<UpstreamReply> {
    let res: Response;
    try {
        res = await args.fetch(args.url, {
            method: args.method,
            headers: { accept: 'application/json', ...(args.body !== undefined ? { 'content-type': 'application/json' } : {}), ...args.headers },
            body: args.body !== undefined ? JSON.stringify(args.body) : undefined,
            signal: args.signal
        });
    } catch (error) {
        if (args.signal?.aborted) throw args.signal.reason;
        const code = (error as { cause?: { code?: string } }).cause?.code;
        const detail = code && UNREACHABLE_CODES.has(code) ? code : error instanceof Error ? error.message : String(error);
        throw new RuntimeError('upstream_unreachable', `cannot reach the runtime at ${new URL(args.url).origin}: ${detail}`);
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    try {
        if (res.body) {
            for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
                total += chunk.length;
                if (total > args.maxBytes) {
                    await res.body.cancel().catch(() => {});
                    throw new RuntimeError('upstream_bad_response', `runtime answer exceeds ${args.maxBytes} bytes`);
                }
                chunks.push(chunk);
            }
        }
    } catch (error) {
        if (error instanceof RuntimeError) throw error;
        if (args.signal?.aborted) throw args.signal.reason;
        throw new RuntimeError('upstream_unreachable', `runtime connection failed mid-answer: ${error instanceof Error ? error.message : String(error)}`);
    }
    try {
        return { status: res.status, text: new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)) };
    } catch {
        throw new RuntimeError('upstream_bad_response', 'runtime answer is not valid UTF-8');
    }
}
