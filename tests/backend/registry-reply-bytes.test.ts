/**
 * The read methods' hand-written reply encoder (canisters/backend/candid/result-reply.ts) through the real
 * wasm: every reply decodes with the types of backend.did and equals, byte for byte, @icp-sdk/core's
 * IDL.encode of the decoded value with those types (what the canister's JS IDL encoder wrote before), and the
 * values equal the records as exported (an independent path: JSON of the stored records). Covers every seed record, every list page, search, compare, errors, and
 * texts with quotes, backslashes, control characters, NUL and multi-byte UTF-8.
 */
import { Principal } from '@dfinity/principal';
import { IDL } from '@icp-sdk/core/candid';
import { beforeAll, describe, expect, it } from 'vitest';
import { toWire } from '../../canisters/backend/candid/wire-mapping';
import { idlFactory } from '../../src/declarations/backend/declarations/backend.did.js';
import { startBackend, unwrap, type BackendEnv } from './helpers';
import { generatedResult } from './generators/registry-data';
import { WireTypes } from './wire-types';

const service = idlFactory({ IDL }) as IDL.ServiceClass;
const func = (method: string): IDL.FuncClass => (service._fields.find(([n]) => n === method) as [string, IDL.FuncClass])[1];

let env: BackendEnv;

/** Calls `method` as a raw query; checks the reply bytes (see the file comment) and returns the decoded value. */
async function exact(method: string, args: unknown[]): Promise<unknown> {
    const f = func(method);
    const r = await env.devnet.query({ sender: Principal.anonymous(), canisterId: env.canisterId, method, arg: new Uint8Array(IDL.encode(f.argTypes, args)) });
    if (r.kind !== 'replied') throw new Error(`${method} rejected: ${r.rejectMessage}`);
    const [value] = IDL.decode(f.retTypes, r.reply);
    expect(Buffer.from(r.reply).toString('hex')).toBe(Buffer.from(IDL.encode(f.retTypes, [value])).toString('hex'));
    return value;
}

const KINDS = [
    { kind: { hardware: null }, get: 'get_hardware', list: 'list_hardware', type: () => WireTypes.Hardware, idOf: (r: Rec) => r.id as string },
    { kind: { runtime: null }, get: 'get_runtime', list: 'list_runtimes', type: () => WireTypes.Runtime, idOf: (r: Rec) => r.id as string },
    { kind: { model: null }, get: 'get_model', list: 'list_models', type: () => WireTypes.Model, idOf: (r: Rec) => r.id as string },
    { kind: { result: null }, get: 'get_benchmark', list: 'list_benchmarks', type: () => WireTypes.BenchmarkResult, idOf: (r: Rec) => r.result_id as string }
] as const;
type Rec = Record<string, unknown>;

/** Every record of a kind as exported (JSON of the stored records), in wire form keyed by id. */
async function exported(k: (typeof KINDS)[number]): Promise<Map<string, unknown>> {
    const out = new Map<string, unknown>();
    let cursor: [] | [string] = [];
    for (;;) {
        const chunk: { json: string; next_cursor: [] | [string] } = unwrap(await env.anonymous.export_records(k.kind as never, cursor, [100]));
        for (const r of JSON.parse(chunk.json) as Rec[]) {
            if (typeof r.timestamp_ns === 'string') r.timestamp_ns = BigInt(r.timestamp_ns);
            out.set(k.idOf(r), toWire(k.type(), r));
        }
        if (chunk.next_cursor.length === 0) return out;
        cursor = chunk.next_cursor;
    }
}

const filters: Record<string, unknown> = {
    list_hardware: { kind: [], vendor: [], availability: [], min_memory_gb: [], max_price_usd: [], max_tdp_w: [] },
    list_runtimes: { hardware_vendor: [], model_format: [] },
    list_models: { family: [], publisher: [], task: [], max_params_b: [], min_context: [] },
    list_benchmarks: { hardware_id: [], runtime_id: [], model_id: [], submitter: [] }
};

const TRICKY_NOTES = 'quotes "a" \'b\', backslashes \\ \\\\ \\" \\u{0} \\n, tab\tnewline\n, é ü € 中文 😀 🇺🇳, ("x","y")';

beforeAll(async () => {
    env = await startBackend();
    const tricky = [0, 1, 2].map((i) => toWire(WireTypes.BenchmarkResult, { ...generatedResult(900_000 + i), notes: i === 2 ? null : TRICKY_NOTES.repeat(i + 1) }));
    unwrap(await env.controller.import_records({ hardware: [], runtimes: [], models: [], results: tricky as never }));
});

describe('reply bytes of the read methods', () => {
    for (const k of KINDS) {
        it(`${k.get} answers every record exactly as exported`, async () => {
            const expected = await exported(k);
            expect(expected.size).toBeGreaterThan(2);
            for (const [id, record] of expected) expect(await exact(k.get, [id])).toEqual({ Ok: record });
        });

        it(`${k.list} pages hold exactly the exported records`, async () => {
            const expected = await exported(k);
            const seen: string[] = [];
            let cursor: [] | [string] = [];
            for (let i = 0; i < 200; i++) {
                const page = { sort: [], descending: [true], cursor, limit: [7] };
                const p = (await exact(k.list, [{ page, filter: filters[k.list] }])) as { Ok: { items: Rec[]; next_cursor: [] | [string]; total: bigint } };
                expect(p.Ok.total).toBe(BigInt(expected.size));
                for (const item of p.Ok.items) {
                    seen.push(k.idOf(item));
                    expect(item).toEqual(expected.get(k.idOf(item)));
                }
                if (p.Ok.next_cursor.length === 0) break;
                cursor = p.Ok.next_cursor;
            }
            expect(seen.sort()).toEqual([...expected.keys()].sort());
        });
    }

    it('keeps quotes, backslashes, control characters and multi-byte UTF-8 in record texts', async () => {
        const id = generatedResult(900_001).result_id;
        const r = (await exact('get_benchmark', [id])) as { Ok: { notes: [] | [string] } };
        expect(r.Ok.notes).toEqual([TRICKY_NOTES.repeat(2)]);
        const none = (await exact('get_benchmark', [generatedResult(900_002).result_id])) as { Ok: { notes: [] | [string] } };
        expect(none.Ok.notes).toEqual([]);
    });

    it('echoes any id in NotFound, NUL and every ASCII character included', async () => {
        const all = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i)).join('');
        for (const id of ['', all, `${all}é😀`, '"', '\\', '\\u{0}', '","', '\u0000', 'a\u0000b\u0000']) {
            expect(await exact('get_benchmark', [id])).toEqual({ Err: { NotFound: { entity: { result: null }, id } } });
            expect(await exact('get_model', [id])).toEqual({ Err: { NotFound: { entity: { model: null }, id } } });
        }
    });

    it('answers search, compare and invalid requests exactly', async () => {
        const hits = (await exact('search', ['nvidia', [5]])) as { Ok: { id: string; name: string }[] };
        expect(hits.Ok.length).toBeGreaterThan(0);
        const hardware = await exported(KINDS[0]);
        const ids = [...hardware.keys()].slice(0, 3);
        expect(await exact('compare_hardware', [ids])).toEqual({ Ok: ids.map((id) => hardware.get(id)) });
        expect(await exact('compare_models', [[]])).toMatchObject({ Err: { InvalidInput: { field: 'ids' } } });
        expect(await exact('compare_runtimes', [['nope']])).toEqual({ Err: { NotFound: { entity: { runtime: null }, id: 'nope' } } });
        const bad = { page: { sort: ['nope'], descending: [], cursor: [], limit: [] }, filter: filters.list_benchmarks };
        expect(await exact('list_benchmarks', [bad])).toMatchObject({ Err: { InvalidInput: { field: 'sort' } } });
        expect(await exact('search', ['', []])).toMatchObject({ Err: { InvalidInput: { field: 'query' } } });
    });

    it('answers fit and the recommendations exactly', async () => {
        const fit = { model_id: 'qwen2.5-72b-instruct', variant_id: 'qwen2.5-72b-instruct-gguf-q4_k_m', context_tokens: [32768], batch: [], kv_dtype: [] };
        expect(await exact('fit', [{ ...fit, target: { hardware: { hardware_id: 'nvidia-h100-sxm5-80gb' } } }])).toHaveProperty('Ok');
        expect(await exact('fit', [{ ...fit, target: { ic_canister: null } }])).toHaveProperty('Ok');
        expect(await exact('fit', [{ ...fit, variant_id: 'nope', target: { phone: null } }])).toMatchObject({ Err: { InvalidInput: { field: 'variant_id' } } });
        const rh = { model_id: 'qwen2.5-7b-instruct', variant_id: 'qwen2.5-7b-instruct-gguf-q4_k_m', context_tokens: [16384], batch: [], kv_dtype: [], currency: [], max_price: [2000], max_tdp_w: [], max_devices: [1], limit: [5] };
        const ranked = (await exact('recommend_hardware', [rh])) as { Ok: { ranked: unknown[]; excluded: unknown[] } };
        expect(ranked.Ok.ranked.length + ranked.Ok.excluded.length).toBeGreaterThan(0);
        expect(await exact('recommend_hardware', [{ ...rh, model_id: 'nope' }])).toMatchObject({ Err: { NotFound: { id: 'nope' } } });
        const rm = { target: { browser: null }, task: [], benchmark: [], min_score: [], context_tokens: [4096], batch: [], kv_dtype: [], max_devices: [], limit: [5] };
        expect(((await exact('recommend_models', [rm])) as { Ok: { ranked: unknown[] } }).Ok.ranked.length).toBeGreaterThan(0);
        expect(await exact('recommend_models', [{ ...rm, target: { hardware: { hardware_id: 'nvidia-rtx-4090' } }, task: [{ code: null }] }])).toHaveProperty('Ok');
    });

    it('decodes arguments the same on the fast path and through IDL.decode (an extra argument forces it)', async () => {
        const calls: [string, unknown[]][] = [
            ['get_benchmark', [generatedResult(900_001).result_id]],
            ['get_model', ['no-such-model']],
            ['search', ['rtx 4090', [3]]],
            ['search', ['nvidia', []]],
            ['compare_hardware', [['nvidia-rtx-4090', 'nvidia-h100-sxm5-80gb']]],
            ['list_benchmarks', [{ page: { sort: ['ttft_ms'], descending: [true], cursor: [], limit: [5] }, filter: { ...(filters.list_benchmarks as object), hardware_id: ['nvidia-rtx-4090'] } }]],
            ['list_hardware', [{ page: { sort: [], descending: [], cursor: [], limit: [3] }, filter: { ...(filters.list_hardware as object), kind: [{ gpu: null }], min_memory_gb: [24] } }]],
            ['list_models', [{ page: { sort: [], descending: [], cursor: [], limit: [3] }, filter: { ...(filters.list_models as object), task: [{ code: null }] } }]],
            ['list_runtimes', [{ page: { sort: [], descending: [], cursor: [], limit: [0] }, filter: filters.list_runtimes }]],
            ['fit', [{ model_id: 'qwen2.5-7b-instruct', variant_id: 'qwen2.5-7b-instruct-gguf-q4_k_m', target: { hardware: { hardware_id: 'nvidia-rtx-4090' } }, context_tokens: [8192], batch: [2], kv_dtype: [{ q8_0: null }] }]],
            ['fit', [{ model_id: 'qwen2.5-7b-instruct', variant_id: 'qwen2.5-7b-instruct-gguf-q4_k_m', target: { custom: { memory_bytes: 8e9 } }, context_tokens: [], batch: [], kv_dtype: [] }]],
            ['recommend_hardware', [{ model_id: 'qwen2.5-7b-instruct', variant_id: 'qwen2.5-7b-instruct-gguf-q4_k_m', context_tokens: [], batch: [1], kv_dtype: [], currency: ['USD'], max_price: [], max_tdp_w: [450], max_devices: [2], limit: [3] }]],
            ['recommend_models', [{ target: { hardware: { hardware_id: 'nvidia-h100-sxm5-80gb' } }, task: [{ chat: null }], benchmark: [], min_score: [], context_tokens: [8192], batch: [], kv_dtype: [], max_devices: [2], limit: [4] }]]
        ];
        for (const [method, args] of calls) {
            const f = func(method);
            const viaFast = await env.devnet.query({ sender: Principal.anonymous(), canisterId: env.canisterId, method, arg: new Uint8Array(IDL.encode(f.argTypes, args)) });
            const viaIdl = await env.devnet.query({ sender: Principal.anonymous(), canisterId: env.canisterId, method, arg: new Uint8Array(IDL.encode([...f.argTypes, IDL.Null], [...args, null])) });
            expect(viaFast.kind).toBe('replied');
            expect({ method, reply: viaIdl.kind === 'replied' ? Buffer.from(viaIdl.reply).toString('hex') : viaIdl.kind }).toEqual({ method, reply: viaFast.kind === 'replied' ? Buffer.from(viaFast.reply).toString('hex') : viaFast.kind });
            await exact(method, args);
        }
    });
});
