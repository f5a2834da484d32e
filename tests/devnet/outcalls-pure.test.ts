import { describe, expect, it } from 'vitest';
import { IDL } from '@dfinity/candid';
import { Principal } from '@dfinity/principal';
import { decodeHttpRequestArgs, HttpRequestResult, TransformArgs } from '../../src/devnet/outcalls/http-request.candid';
import { RejectCode } from '../../src/devnet/engine-api';
import { agreementThreshold, outcomeHash, reachConsensus } from '../../src/devnet/outcalls/consensus';
import { httpRequestFee } from '../../src/devnet/outcalls/http-request.cost';
import { isLoopbackHost } from '../../src/devnet/outcalls/url-policy';
import { responseSizeError } from '../../src/devnet/outcalls/outcall-fetch';
import { createHttpRequest } from '../../src/devnet/outcalls';

describe('agreement threshold n − ⌊(n−1)/3⌋', () => {
    it.each([
        [1, 1],
        [4, 3],
        [7, 5],
        [13, 9],
        [28, 19],
        [34, 23],
        [40, 27]
    ])('n = %i needs %i', (n, t) => expect(agreementThreshold(n)).toBe(t));

    it('rejects a non-positive committee', () => expect(() => agreementThreshold(0)).toThrow(RangeError));
});

describe('reachConsensus', () => {
    const reply = (s: string) => ({ kind: 'reply' as const, bytes: new TextEncoder().encode(s) });

    it('delivers an agreed reject like an agreed reply', () => {
        const timeout = { kind: 'reject' as const, rejectCode: RejectCode.SysFatal, message: 'Timeout expired' };
        expect(reachConsensus(7, Array(4).fill(timeout), 4)).toEqual({ kind: 'agreed', outcome: timeout, supporters: 4 });
    });

    it('lists hashes most frequent first', () => {
        const r = reachConsensus(3, [reply('a'), reply('b'), reply('b'), reply('c')], 4);
        expect(r.kind).toBe('diverged');
        if (r.kind !== 'diverged') return;
        expect(r.rejectCode).toBe(RejectCode.SysTransient);
        expect(r.message).toMatch(/^No consensus could be reached\. Replicas had different responses\. Details: request_id: 3, hashes: \[[0-9a-f]{64}: 2\], \[[0-9a-f]{64}: 1\], \[[0-9a-f]{64}: 1\]$/);
    });

    it('hashes the request id with the content', () => {
        expect(outcomeHash(1, reply('x'))).not.toBe(outcomeHash(2, reply('x')));
        expect(outcomeHash(1, reply('x'))).toBe(outcomeHash(1, reply('x')));
        expect(outcomeHash(1, reply('x'))).not.toBe(outcomeHash(1, { kind: 'reject', rejectCode: RejectCode.SysFatal, message: 'x' }));
    });
});

describe('pricing v1 fee', () => {
    it('matches the documented 13-node example (4 KB request, 16 KB reserved)', () => {
        expect(httpRequestFee({ requestBytes: 4_000n, maxResponseBytes: 16_000n, subnetSize: 13 })).toBe(49_140_000n + 20_800_000n + 166_400_000n);
    });
    it('charges 2,000,000 reserved bytes when unset (≈ 20.85 B cycles on 13 nodes)', () => {
        expect(httpRequestFee({ requestBytes: 0n, maxResponseBytes: undefined, subnetSize: 13 })).toBe(20_849_140_000n);
    });
    it('uses 171,360,000 as the 34-node base', () => {
        expect(httpRequestFee({ requestBytes: 0n, maxResponseBytes: 0n, subnetSize: 34 })).toBe(171_360_000n);
    });
});

describe('response size rule and loopback policy', () => {
    it('gives headers priority over the body', () => {
        expect(responseSizeError(10, 90, 100n)).toBeUndefined();
        expect(responseSizeError(10, 91, 100n)).toBe('Http body exceeds size limit of 100 bytes.');
        expect(responseSizeError(101, 0, 100n)).toBe('Header size exceeds specified response size limit 100');
    });
    it.each([
        ['localhost', true],
        ['127.0.0.1', true],
        ['127.255.0.9', true],
        ['[::1]', true],
        ['128.0.0.1', false],
        ['127.0.0.1.nip.io', false],
        ['example.com', false]
    ])('%s loopback = %s', (h, expected) => expect(isLoopbackHost(h as string)).toBe(expected));

    it('refuses an out-of-range subnet size', () => {
        expect(() => createHttpRequest({ subnetSize: 0 })).toThrow(/subnetSize/);
        expect(() => createHttpRequest({ subnetSize: 65 })).toThrow(/subnetSize/);
        expect(() => createHttpRequest({ timeoutMs: 0 })).toThrow(/timeoutMs/);
        expect(() => createHttpRequest({ timeoutMs: 600_001 })).toThrow(/timeoutMs/);
    });
});

describe('decoding http_request_args with subtyping', () => {
    it('accepts the older record without is_replicated / pricing_version and with 3 methods (Azle 0.33 IDL)', () => {
        const header = IDL.Record({ value: IDL.Text, name: IDL.Text });
        const azleArgs = IDL.Record({
            url: IDL.Text,
            method: IDL.Variant({ get: IDL.Null, head: IDL.Null, post: IDL.Null }),
            max_response_bytes: IDL.Opt(IDL.Nat64),
            body: IDL.Opt(IDL.Vec(IDL.Nat8)),
            transform: IDL.Opt(IDL.Record({ function: IDL.Func([TransformArgs], [HttpRequestResult], ['query']), context: IDL.Vec(IDL.Nat8) })),
            headers: IDL.Vec(header)
        });
        const me = Principal.fromText('rrkah-fqaaa-aaaaa-aaaaq-cai');
        const bytes = IDL.encode([azleArgs], [
            { url: 'https://x.io', method: { post: null }, max_response_bytes: [5n], body: [new Uint8Array([1])], transform: [{ function: [me, 'tx'], context: new Uint8Array([2]) }], headers: [{ name: 'a', value: 'b' }] }
        ]);
        const d = decodeHttpRequestArgs(new Uint8Array(bytes));
        expect(d).toMatchObject({ url: 'https://x.io', method: 'post', maxResponseBytes: 5n, headers: [{ name: 'a', value: 'b' }], isReplicated: undefined, pricingVersion: undefined });
        expect(d.transform?.canisterId.toText()).toBe(me.toText());
        expect(d.transform?.method).toBe('tx');
        expect(Array.from(d.body ?? [])).toEqual([1]);
    });
});
