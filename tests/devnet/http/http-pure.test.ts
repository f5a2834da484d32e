/** Pure parts of the HTTP layer: routing and envelope decoding. */
import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../../src/devnet/http/routes.js';
import { decodeEnvelope } from '../../../src/devnet/http/envelope.js';
import { HttpError } from '../../../src/devnet/http/http-error.js';
import { cborEncode, toHex } from '../../../src/devnet/certification/index.js';

const status = (f: () => unknown): number | undefined => {
    try {
        f();
        return undefined;
    } catch (e) {
        return e instanceof HttpError ? e.status : -1;
    }
};

describe('parseRoute', () => {
    it('maps every client generation’s endpoints', () => {
        expect(parseRoute('GET', '/api/v2/status')).toEqual({ kind: 'status' });
        for (const v of [2, 3, 4]) expect(parseRoute('POST', `/api/v${v}/canister/aaaaa-aa/call`)).toMatchObject({ kind: 'call', version: v });
        for (const v of [2, 3]) {
            expect(parseRoute('POST', `/api/v${v}/canister/aaaaa-aa/query`)).toMatchObject({ kind: 'query', version: v });
            expect(parseRoute('POST', `/api/v${v}/canister/aaaaa-aa/read_state`)).toMatchObject({ kind: 'read_state', version: v });
        }
        expect(parseRoute('POST', '/api/v3/subnet/aaaaa-aa/read_state')).toMatchObject({ kind: 'read_state', target: { kind: 'subnet' } });
    });
    it('404s unknown endpoints, 405s wrong methods, 400s bad ids', () => {
        expect(status(() => parseRoute('POST', '/api/v4/canister/aaaaa-aa/query'))).toBe(404);
        expect(status(() => parseRoute('POST', '/api/v2/subnet/aaaaa-aa/read_state'))).toBe(404);
        expect(status(() => parseRoute('GET', '/api/v3/canister/aaaaa-aa/call'))).toBe(405);
        expect(status(() => parseRoute('POST', '/api/v3/canister/not-a-principal/call'))).toBe(400);
    });
});

describe('decodeEnvelope', () => {
    const content = { request_type: 'query', sender: Uint8Array.of(4), canister_id: Uint8Array.of(1), method_name: 'm', arg: new Uint8Array(0), ingress_expiry: 2n ** 63n };
    it('decodes with or without the self-describe tag and computes the request id over the content', () => {
        const a = decodeEnvelope(cborEncode({ content }), 'query');
        const b = decodeEnvelope(cborEncode({ content }, { selfDescribe: false }), 'query');
        expect(a.ingressExpiry).toBe(2n ** 63n);
        expect(toHex(a.requestId)).toBe(toHex(b.requestId));
    });
    it('rejects a wrong request_type, missing fields and long nonces with 400', () => {
        expect(status(() => decodeEnvelope(cborEncode({ content }), 'call'))).toBe(400);
        expect(status(() => decodeEnvelope(cborEncode({ content: { ...content, arg: 'x' } }), 'query'))).toBe(400);
        expect(status(() => decodeEnvelope(cborEncode({ content: { ...content, nonce: new Uint8Array(33) } }), 'query'))).toBe(400);
        expect(status(() => decodeEnvelope(cborEncode({ content, extra: 1 }), 'query'))).toBe(400);
    });
});
