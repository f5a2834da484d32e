import { describe, expect, it } from 'vitest';

import { idempotencyKey, sha256HexOfText } from '../../../src/shared/router/idempotency';
import { maxResponseBytesFor, outcallFee, requestBytes } from '../../../src/shared/router/outcall-cost';
import { asciiJson, fromUtf8Binary, utf8Binary, utf8Length } from '../../../src/shared/router/utf8-native';
import { encodeWorkerRequest, normalizeWorkerBody, readNormalized } from '../../../src/shared/router/worker-wire';

describe('outcall cost (pricing v1, outcalls.md §1.5)', () => {
    it('matches the documented 13-node example: 4 KB request, 16 KB reserved ≈ 236 M cycles', () => {
        expect(outcallFee(4_000, 16_000, 13)).toBe(49_140_000n + 5_200n * 4_000n + 10_400n * 16_000n);
        expect(outcallFee(0, 0, 34)).toBe((3_000_000n + 60_000n * 34n) * 34n);
    });

    it('counts URL, headers, body and transform in request bytes; sizes responses from max_tokens', () => {
        expect(requestBytes({ url: 'https://a', headers: [{ name: 'ab', value: 'cde' }], body_bytes: 10, transform_method: 'tf', transform_context_bytes: 3 })).toBe(9 + 5 + 10 + 2 + 3);
        expect(maxResponseBytesFor(1000)).toBe(12_096);
        expect(maxResponseBytesFor(10_000_000)).toBe(2_000_000);
    });
});

describe('idempotency keys', () => {
    it('are deterministic per (canister, request, attempt) and distinct otherwise', () => {
        const k = idempotencyKey('aaaaa-aa', 7n, 0);
        expect(k).toBe(idempotencyKey('aaaaa-aa', 7n, 0));
        expect(k).toMatch(/^[0-9a-f]{64}$/);
        expect(new Set([k, idempotencyKey('aaaaa-aa', 8n, 0), idempotencyKey('aaaaa-aa', 7n, 1), idempotencyKey('rrkah-fqaaa-aaaaa-aaaaq-cai', 7n, 0)]).size).toBe(4);
        expect(sha256HexOfText('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    });
});

describe('native UTF-8 helpers', () => {
    it('agree with TextEncoder, including astral characters and lone surrogates', () => {
        for (const s of ['', 'abc', 'é', '€uro', '𝄞 clef', 'lone \ud800 surrogate']) {
            expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
            expect(utf8Binary(s).length).toBe(new TextEncoder().encode(s).length);
        }
        expect(fromUtf8Binary(utf8Binary('ünïcödé 𝄞'))).toBe('ünïcödé 𝄞');
        expect(fromUtf8Binary('\xff')).toBeNull();
        const json = asciiJson({ t: 'é𝄞"\\' });
        expect(/^[\x00-\x7e]*$/.test(json)).toBe(true);
        expect(JSON.parse(json)).toEqual({ t: 'é𝄞"\\' });
    });
});

describe('worker wire', () => {
    const req = { model: 'm', messages: [{ role: 'user' as const, content: 'hé' }], params: { maxTokens: 5 } };

    it('encodes each format to its path with ASCII JSON bodies', () => {
        expect(encodeWorkerRequest('deai', req)).toMatchObject({ ok: true, value: { path: '/v1/chat' } });
        expect(encodeWorkerRequest('openai', req)).toMatchObject({ ok: true, value: { path: '/v1/chat/completions' } });
        expect(encodeWorkerRequest('ollama', req)).toMatchObject({ ok: true, value: { path: '/api/chat' } });
        const a = encodeWorkerRequest('anthropic', req);
        expect(a.ok && a.value.headers.map((h) => h.name)).toEqual(['content-type', 'anthropic-version']);
        expect(a.ok && /^[\x00-\x7e]*$/.test(a.value.body)).toBe(true);
    });

    it('normalizes away per-response fields so two replicas agree', () => {
        const body = (id: string, created: number) => JSON.stringify({ id, created, object: 'chat.completion', system_fingerprint: id, choices: [{ index: 0, message: { role: 'assistant', content: 'hi' }, finish_reason: 'stop' }], usage: { prompt_tokens: 3, completion_tokens: 1 } });
        expect(normalizeWorkerBody('openai', body('a', 1))).toBe(normalizeWorkerBody('openai', body('b', 2)));
        const read = readNormalized(200, normalizeWorkerBody('openai', body('a', 1)));
        expect(read).toMatchObject({ ok: true, value: { message: { content: 'hi' }, usage: { inputTokens: 3, outputTokens: 1 } } });
        expect(readNormalized(200, normalizeWorkerBody('openai', 'not json'))).toMatchObject({ ok: false, error: { kind: 'malformed' } });
        expect(readNormalized(502, normalizeWorkerBody('openai', '{"error":{"message":"x"}}'))).toMatchObject({ ok: false, error: { kind: 'http_error' } });
        // The worker gateway's error code survives the transform (docs/worker-protocol.md §4).
        const denied = readNormalized(401, normalizeWorkerBody('deai', '{"error":{"code":"token_audience","message":"aud not accepted"}}'));
        expect(denied).toEqual({ ok: false, error: { kind: 'http_error', detail: 'HTTP 401; upstream_error: token_audience: aud not accepted' } });
    });
});
