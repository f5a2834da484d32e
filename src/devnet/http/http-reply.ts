/** What an endpoint answers; the server writes it (endpoints stay free of node:http). */
import { cborEncode, type CborValue } from '../certification/index.js';

export interface HttpReply {
    status: number;
    contentType?: string;
    body?: Uint8Array;
    headers?: Record<string, string>;
}

export const cborReply = (value: CborValue, status = 200): HttpReply => ({ status, contentType: 'application/cbor', body: cborEncode(value) });
export const emptyReply = (status: number): HttpReply => ({ status });
export const textReply = (status: number, text: string): HttpReply => ({ status, contentType: 'text/plain; charset=utf-8', body: new TextEncoder().encode(text) });
