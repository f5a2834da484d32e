/**
 * http_request end to end inside the devnet: a real wasm canister calls aaaaa-aa through ic0.call_*, the engine
 * dispatches to src/devnet/outcalls, replicas hit a real node:http server, transforms run as wasm queries, and
 * the canister sees the refund.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { IDL } from '@dfinity/candid';
import { Principal } from '@dfinity/principal';
import { Devnet } from '../../src/devnet';
import { RejectCode } from '../../src/devnet/engine-api';
import { deployCanister } from '../../src/devnet/testing';
import { encodeHttpRequestArgs, httpRequestFee, HttpRequestResult, TransformArgs, type HttpResponse } from '../../src/devnet/outcalls';
import { decodeGoReply, goArg, outcallCanisterWasm } from './outcalls-wasm.fixture';

const ATTACHED_CYCLES = 1_000_000_000n;
import { startServer, type TestServer } from './outcalls.fixtures';

const controller = Principal.fromText('rrkah-fqaaa-aaaaa-aaaaq-cai');
const FIXED: HttpResponse = { status: 299n, headers: [{ name: 'x-fixed', value: '1' }], body: new TextEncoder().encode('fixed by wasm') };

let devnet: Devnet | undefined;
let servers: TestServer[] = [];
afterEach(async () => {
    devnet?.close();
    devnet = undefined;
    await Promise.all(servers.map((s) => s.close()));
    servers = [];
});

async function setup(handler: Parameters<typeof startServer>[0], options: { subnetSize?: number; outcallTimeoutMs?: number } = {}) {
    const s = await startServer(handler);
    servers.push(s);
    devnet = await Devnet.create(options);
    const wasm = outcallCanisterWasm(new Uint8Array(IDL.encode([HttpRequestResult], [FIXED])));
    const id = await deployCanister(devnet, { wasm, sender: controller });
    const go = async (args: Parameters<typeof encodeHttpRequestArgs>[0]) => {
        const out = await devnet!.update({ sender: controller, canisterId: id, method: 'go', arg: goArg('http_request', encodeHttpRequestArgs(args), ATTACHED_CYCLES) });
        if (out.kind !== 'replied') throw new Error(`go was rejected: ${out.rejectMessage}`);
        return decodeGoReply(out.reply);
    };
    return { s, id, go };
}

describe('http_request from a wasm canister', () => {
    it('runs the wasm transform on every replica response, agrees, and refunds all but the fee', async () => {
        const { s, id, go } = await setup((_req, i, res) => res.end(`varying ${i}`), { subnetSize: 13 });
        const url = `${s.url}/v1/models`;
        const r = await go({ url, method: 'get', maxResponseBytes: 2000n, transform: { canisterId: id, method: 'fixed', context: new Uint8Array([9]) } });
        expect(r.kind).toBe('reply');
        if (r.kind !== 'reply') return;
        expect(IDL.decode([HttpRequestResult], r.reply)[0]).toEqual({ status: 299n, headers: FIXED.headers, body: FIXED.body });
        expect(s.seen).toHaveLength(13);
        const fee = httpRequestFee({ requestBytes: BigInt(url.length + 'fixed'.length + 1), maxResponseBytes: 2000n, subnetSize: 13 });
        expect(r.refunded).toBe(ATTACHED_CYCLES - fee);
    });

    it('passes the response and context to the transform, and reports divergence as SYS_TRANSIENT', async () => {
        const same = await setup((_req, _i, res) => res.end('same'), { subnetSize: 4 });
        const ok = await same.go({ url: same.s.url, method: 'get', maxResponseBytes: 2000n, transform: { canisterId: same.id, method: 'echo', context: new Uint8Array([7, 7]) } });
        expect(ok.kind).toBe('reply');
        if (ok.kind !== 'reply') return;
        const [echoed] = IDL.decode([TransformArgs], ok.reply) as unknown as [{ response: HttpResponse; context: Uint8Array }];
        expect(new TextDecoder().decode(Uint8Array.from(echoed.response.body))).toBe('same');
        expect(Array.from(echoed.context)).toEqual([7, 7]);
        devnet?.close();

        const differ = await setup((_req, i, res) => res.end(`n=${i}`), { subnetSize: 4 });
        const bad = await differ.go({ url: differ.s.url, method: 'get', maxResponseBytes: 2000n, transform: { canisterId: differ.id, method: 'echo', context: new Uint8Array() } });
        expect(bad).toMatchObject({ kind: 'reject', rejectCode: RejectCode.SysTransient });
        expect(bad.kind === 'reject' && bad.message).toMatch(/^No consensus could be reached\. Replicas had different responses\./);
    });

    it('refunds everything when the canister attaches too few cycles', async () => {
        const { s, go } = await setup((_req, _i, res) => res.end('x'), { subnetSize: 13 });
        // No max_response_bytes: 2 MB are reserved, ≈ 20.85 B cycles, more than the 1 B attached.
        const r = await go({ url: s.url, method: 'get' });
        expect(r).toMatchObject({ kind: 'reject', rejectCode: RejectCode.CanisterReject, refunded: ATTACHED_CYCLES });
        expect(r.kind === 'reject' && r.message).toMatch(/^http_request request sent with 1000000000 cycles, but \d+ cycles are required\.$/);
        expect(s.seen).toHaveLength(0);
    });

    it('times out with the configured outcall timeout', async () => {
        const { s, go } = await setup(() => undefined, { subnetSize: 4, outcallTimeoutMs: 300 });
        const r = await go({ url: s.url, method: 'get', maxResponseBytes: 100n });
        expect(r).toMatchObject({ kind: 'reject', rejectCode: RejectCode.SysFatal, message: 'Timeout expired' });
    });
});
