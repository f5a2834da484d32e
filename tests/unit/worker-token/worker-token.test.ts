import { describe, it, expect } from 'vitest';
import { ed25519 } from '@noble/curves/ed25519';
import {
    decodeBase64Url,
    decodeUtf8,
    encodeUtf8,
    encodeBase64Url,
    encodeWorkerToken,
    MAX_WORKER_TOKEN_LIFETIME_S,
    verifyWorkerToken,
    workerTokenSigningBytes,
    workerTokenSigningInput,
    type WorkerTokenPayload,
    type WorkerTokenPolicy
} from '../../../src/shared/worker-token';

const secret = ed25519.utils.randomPrivateKey();
const publicKey = ed25519.getPublicKey(secret);
const NOW = 1_800_000_000;
const payload: WorkerTokenPayload = {
    aud: 'https://gpu1.example.org',
    iss: 'bkyz2-fmaaa-aaaaa-qaaaq-cai',
    iat: NOW,
    exp: NOW + 120,
    idk: 'req-0001',
    bh: 'a'.repeat(64)
};
const policy: WorkerTokenPolicy = { publicKeys: [publicKey], audiences: [payload.aud], issuers: [payload.iss], nowS: NOW + 1 };
const sign = (p: WorkerTokenPayload, key = secret): string =>
    encodeWorkerToken(workerTokenSigningInput(p), ed25519.sign(workerTokenSigningBytes(p), key));

describe('base64url', () => {
    it('round-trips every length 0..40 and rejects padding, bad characters and non-canonical tails', () => {
        for (let n = 0; n <= 40; n++) {
            const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff);
            const text = encodeBase64Url(bytes);
            expect(text).toBe(Buffer.from(bytes).toString('base64url'));
            expect(decodeBase64Url(text)).toEqual(bytes);
        }
        expect(decodeBase64Url('QQ==')).toBeNull();
        expect(decodeBase64Url('Q+')).toBeNull();
        expect(decodeBase64Url('QR')).toBeNull(); // 'QQ' is the canonical form of 'A'
        expect(decodeBase64Url('Q')).toBeNull();
    });
});

describe('verifyWorkerToken', () => {
    it('accepts a token signed by the canister key and returns its payload', () => {
        const result = verifyWorkerToken(sign(payload), policy);
        expect(result).toEqual({ ok: true, payload });
    });

    it('accepts any of several keys (rotation) and any issuer when none is configured', () => {
        const other = ed25519.getPublicKey(ed25519.utils.randomPrivateKey());
        expect(verifyWorkerToken(sign(payload), { ...policy, publicKeys: [other, publicKey], issuers: [] }).ok).toBe(true);
    });

    it('rejects a token signed by another key (forged)', () => {
        const result = verifyWorkerToken(sign(payload, ed25519.utils.randomPrivateKey()), policy);
        expect(result).toMatchObject({ ok: false, code: 'token_signature' });
    });

    it('rejects a payload changed after signing', () => {
        const token = sign(payload);
        const [v, , s] = token.split('.');
        const tampered = `${v}.${workerTokenSigningInput({ ...payload, idk: 'req-0002' }).split('.')[1]}.${s}`;
        expect(verifyWorkerToken(tampered, policy)).toMatchObject({ ok: false, code: 'token_signature' });
    });

    it('rejects expired, future and over-long tokens, with clock skew tolerance', () => {
        expect(verifyWorkerToken(sign(payload), { ...policy, nowS: payload.exp + 31 })).toMatchObject({ code: 'token_expired' });
        expect(verifyWorkerToken(sign(payload), { ...policy, nowS: payload.exp + 30 }).ok).toBe(true);
        expect(verifyWorkerToken(sign(payload), { ...policy, nowS: NOW - 31 })).toMatchObject({ code: 'token_not_yet_valid' });
        const long = { ...payload, exp: NOW + MAX_WORKER_TOKEN_LIFETIME_S + 1 };
        expect(verifyWorkerToken(sign(long), policy)).toMatchObject({ code: 'token_lifetime' });
    });

    it('rejects wrong audience and wrong issuer', () => {
        expect(verifyWorkerToken(sign({ ...payload, aud: 'https://other.example.org' }), policy)).toMatchObject({ code: 'token_audience' });
        expect(verifyWorkerToken(sign({ ...payload, iss: 'aaaaa-aa' }), policy)).toMatchObject({ code: 'token_issuer' });
    });

    it('rejects malformed tokens with a coded error, never throwing', () => {
        const cases: [string, string][] = [
            ['', 'token_malformed'],
            ['x'.repeat(3000), 'token_malformed'],
            ['v1.abc', 'token_malformed'],
            ['v2.abc.def', 'token_version'],
            ['v1.abc.' + 'A'.repeat(10), 'token_malformed'],
            ['v1.abc.' + encodeBase64Url(new Uint8Array(64)), 'token_signature']
        ];
        for (const [token, code] of cases) expect(verifyWorkerToken(token, policy)).toMatchObject({ ok: false, code });
    });

    it('rejects signed payloads with bad fields', () => {
        const signRaw = (json: string): string => {
            const input = `v1.${encodeBase64Url(new TextEncoder().encode(json))}`;
            return encodeWorkerToken(input, ed25519.sign(new TextEncoder().encode(input), secret));
        };
        const bad = [
            '[]',
            'not json',
            JSON.stringify({ ...payload, bh: 'XYZ' }),
            JSON.stringify({ ...payload, idk: '' }),
            JSON.stringify({ ...payload, idk: 'has space' }),
            JSON.stringify({ ...payload, iat: 1.5 }),
            JSON.stringify({ ...payload, exp: payload.iat }),
            JSON.stringify({ ...payload, aud: 'a'.repeat(300) })
        ];
        for (const json of bad) expect(verifyWorkerToken(signRaw(json), policy)).toMatchObject({ ok: false, code: 'token_payload' });
    });
});

describe('verifyWorkerToken with an injected verifier', () => {
    it('uses policy.verifySignature instead of the built-in one', () => {
        const token = sign(payload);
        expect(verifyWorkerToken(token, { ...policy, verifySignature: () => false })).toMatchObject({ ok: false, code: 'token_signature' });
        const forged = sign(payload, ed25519.utils.randomPrivateKey());
        expect(verifyWorkerToken(forged, { ...policy, verifySignature: () => true }).ok).toBe(true);
    });
});

describe('utf8 (no TextEncoder in src/shared)', () => {
    it('matches TextEncoder/TextDecoder on valid text, incl. astral and lone surrogates', () => {
        for (const s of ['', 'ascii', 'héllo', '日本語', '😀 emoji', '\ud800 lone', 'end\udfff']) {
            expect(encodeUtf8(s)).toEqual(new TextEncoder().encode(s));
            expect(decodeUtf8(new TextEncoder().encode(s))).toBe(new TextDecoder().decode(new TextEncoder().encode(s)));
        }
    });
    it('rejects invalid UTF-8', () => {
        for (const bad of [[0xc0, 0x80], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0x80], [0xff]]) {
            expect(decodeUtf8(Uint8Array.from(bad)), bad.join(',')).toBeNull();
        }
    });
});
