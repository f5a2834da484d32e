import type { WorkerResponse } from './types';

const encoder = new TextEncoder();

/** A compact JSON response; `text` must already be the exact bytes to send (e.g. deterministic JSON). */
export function jsonText(status: number, text: string, headers: Record<string, string> = {}): WorkerResponse {
    return { status, headers: { 'content-type': 'application/json', ...headers }, body: encoder.encode(text) };
}

export function json(status: number, value: unknown, headers: Record<string, string> = {}): WorkerResponse {
    return jsonText(status, JSON.stringify(value), headers);
}

/** The error body of docs/worker-protocol.md §4. */
export function errorResponse(status: number, code: string, message: string, headers: Record<string, string> = {}): WorkerResponse {
    return json(status, { error: { code, message } }, headers);
}

export function text(status: number, body: string, contentType: string): WorkerResponse {
    return { status, headers: { 'content-type': contentType }, body: encoder.encode(body) };
}
