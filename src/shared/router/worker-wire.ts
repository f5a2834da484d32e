/**
 * The HTTP side of one worker call (pure): path, headers and body per API format, and the transform that
 * turns any worker's response into the normalized response JSON (src/shared/chat/normalize.ts) so that
 * replicas agree byte for byte (outcalls.md §1.3).
 */
import { encodeAnthropicRequest } from '../chat/anthropic';
import { normalizedJson, normalizeResponse, parseNormalizedResponse } from '../chat/normalize';
import { parseJsonBody } from '../chat/wire-reader';
import { encodeOllamaRequest } from '../chat/ollama';
import { encodeOpenAiRequest } from '../chat/openai';
import type { ChatError, ChatRequest, ChatResponse } from '../chat/types';
import { err, ok, type Result } from '../result';
import { ROUTER_LIMITS } from './router.constants';
import type { ApiFormat } from './router.types';
import { asciiJson } from './utf8-native';

export interface WorkerHttp {
    readonly path: string;
    /** Headers besides authorization and idempotency-key. */
    readonly headers: readonly { readonly name: string; readonly value: string }[];
    /** Pure-ASCII JSON body. */
    readonly body: string;
}

const JSON_HEADER = { name: 'content-type', value: 'application/json' };

export function encodeWorkerRequest(format: ApiFormat, req: ChatRequest): Result<WorkerHttp, ChatError> {
    switch (format) {
        case 'deai':
            return ok({ path: '/v1/chat', headers: [JSON_HEADER], body: asciiJson(req) });
        case 'openai': {
            const r = encodeOpenAiRequest(req);
            return r.ok ? ok({ path: '/v1/chat/completions', headers: [JSON_HEADER], body: asciiJson(r.value) }) : r;
        }
        case 'ollama': {
            const r = encodeOllamaRequest(req);
            return r.ok ? ok({ path: '/api/chat', headers: [JSON_HEADER], body: asciiJson(r.value) }) : r;
        }
        case 'anthropic': {
            const r = encodeAnthropicRequest(req);
            return r.ok ? ok({ path: '/v1/messages', headers: [JSON_HEADER, { name: 'anthropic-version', value: '2023-06-01' }], body: asciiJson(r.value) }) : r;
        }
    }
}

/** The transform's body: normalized JSON of the worker's body (an error form when it does not decode). */
export function normalizeWorkerBody(format: ApiFormat, body: string): string {
    if (format !== 'deai') return normalizeResponse(format, body);
    const parsed = parseNormalizedResponse(body);
    if (parsed.ok) return normalizedJson(parsed);
    const gatewayError = readGatewayError(body);
    return normalizedJson(gatewayError === null ? parsed : err(gatewayError));
}

/** The gateway's own error body, `{"error":{"code","message"}}` (docs/worker-protocol.md §4), keeping its code. */
function readGatewayError(body: string): ChatError | null {
    const top = parseJsonBody(body);
    if (!top.ok) return null;
    const e = top.value['error'] as { code?: unknown; message?: unknown } | undefined;
    if (e === null || typeof e !== 'object' || typeof e.code !== 'string') return null;
    const message = `${e.code}: ${typeof e.message === 'string' ? e.message : ''}`.slice(0, ROUTER_LIMITS.MAX_ERROR_TEXT_CHARS);
    return { code: 'upstream_error', path: '$.error', message };
}

/** Reads a transformed body back; also rejects a non-2xx status with the worker's error text. */
export function readNormalized(status: number, text: string): Result<ChatResponse, { kind: 'http_error' | 'malformed'; detail: string }> {
    const parsed = parseNormalizedResponse(text);
    if (status < 200 || status > 299) {
        const detail = parsed.ok ? 'no error body' : `${parsed.error.code}: ${parsed.error.message}`;
        return err({ kind: 'http_error', detail: `HTTP ${status}; ${detail}` });
    }
    if (!parsed.ok) return err({ kind: parsed.error.code === 'upstream_error' ? 'http_error' : 'malformed', detail: `${parsed.error.code} at ${parsed.error.path}: ${parsed.error.message}` });
    return ok(parsed.value);
}
