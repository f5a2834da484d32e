/**
 * Performs one outcall request with `node:http` / `node:https` (the adapter for one replica).
 * - No connection reuse (`agent: false`): each replica is a different machine.
 * - No redirects are followed (the IC's hyper client does not follow them either).
 * - The response is read until headers + body exceed `maxResponseBytes`, then the socket is dropped.
 * - The whole exchange is bounded by `timeoutMs`.
 */
import http from 'node:http';
import https from 'node:https';
import { RejectCode } from '../engine-api';
import type { HeaderEntry } from './http-request.candid';
import { MAX_RESPONSE_HEADER_SECTION_BYTES } from './limits.constants';
import { connectError, headerBytes, responseSizeError, timeoutError, type OutcallFetch, type OutcallHttpResult } from './outcall-fetch';

function describe(e: unknown): string {
    const err = e as NodeJS.ErrnoException;
    return err?.code ? `${err.code}: ${err.message}` : String(err?.message ?? e);
}

/**
 * Node sends array-form headers verbatim (no Host, no Content-Length), which keeps duplicates and spelling as the
 * canister gave them; add what hyper would add.
 */
function wireHeaders(url: URL, headers: readonly HeaderEntry[], body: Uint8Array | undefined): string[] {
    const has = (name: string): boolean => headers.some((h) => h.name.toLowerCase() === name);
    const out = headers.flatMap((h) => [h.name, h.value]);
    if (!has('host')) out.unshift('host', url.host);
    if (body && body.length > 0 && !has('content-length') && !has('transfer-encoding')) out.push('content-length', String(body.length));
    return out;
}

function pairs(raw: readonly string[]): HeaderEntry[] {
    const out: HeaderEntry[] = [];
    // hyper reports header names in lower case; rawHeaders keeps the server's spelling.
    for (let i = 0; i + 1 < raw.length; i += 2) out.push({ name: raw[i]!.toLowerCase(), value: raw[i + 1]! });
    return out;
}

export const nodeOutcallFetch: OutcallFetch = (req) =>
    new Promise<OutcallHttpResult>((resolve) => {
        let settled = false;
        const finish = (r: OutcallHttpResult): void => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            resolve(r);
        };
        const transport = req.url.protocol === 'https:' ? https : http;
        let responded = false;
        const request = transport.request(
            req.url,
            {
                method: req.method,
                headers: wireHeaders(req.url, req.headers, req.body),
                agent: false,
                maxHeaderSize: MAX_RESPONSE_HEADER_SECTION_BYTES
            },
            (res) => {
                responded = true;
                const headers = pairs(res.rawHeaders);
                const hBytes = headerBytes(headers);
                const early = responseSizeError(hBytes, 0, req.maxResponseBytes);
                if (early) {
                    finish({ kind: 'error', rejectCode: RejectCode.SysFatal, message: early });
                    request.destroy();
                    return;
                }
                const chunks: Buffer[] = [];
                let size = 0;
                res.on('data', (chunk: Buffer) => {
                    size += chunk.length;
                    const tooBig = responseSizeError(hBytes, size, req.maxResponseBytes);
                    if (tooBig) {
                        finish({ kind: 'error', rejectCode: RejectCode.SysFatal, message: tooBig });
                        request.destroy();
                        return;
                    }
                    chunks.push(chunk);
                });
                res.on('end', () =>
                    finish({ kind: 'response', response: { status: BigInt(res.statusCode ?? 0), headers, body: new Uint8Array(Buffer.concat(chunks)) } })
                );
                res.on('error', (e) => finish({ kind: 'error', rejectCode: RejectCode.SysTransient, message: `Failed to fetch body: ${describe(e)}` }));
                // A peer that drops the connection mid-body may end the stream without an 'error' event.
                res.on('close', () => {
                    if (!res.complete) finish({ kind: 'error', rejectCode: RejectCode.SysTransient, message: 'Failed to fetch body: connection closed before the body was complete' });
                });
            }
        );
        const timer = setTimeout(() => {
            finish(timeoutError());
            request.destroy();
        }, req.timeoutMs);
        request.on('error', (e) => {
            finish(responded ? { kind: 'error', rejectCode: RejectCode.SysTransient, message: `Failed to fetch body: ${describe(e)}` } : connectError(req.url.hostname, describe(e)));
        });
        request.end(req.body && req.body.length > 0 ? Buffer.from(req.body) : undefined);
    });
