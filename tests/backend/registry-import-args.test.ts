/**
 * import_records' argument decoder (canisters/backend/candid/value-decoder.ts) through the real wasm. Its
 * fast path takes messages whose type table is exactly the declared one; any other message goes to
 * IDL.decode as before. The same records sent both ways (the second with an extra `null` argument, which
 * changes the prefix and forces IDL.decode) must store exactly the same data, and malformed messages must
 * get the same outcome both ways.
 */
import { Principal } from '@dfinity/principal';
import { IDL } from '@icp-sdk/core/candid';
import { beforeAll, describe, expect, it } from 'vitest';
import { toWire } from '../../canisters/backend/candid/wire-mapping';
import { idlFactory } from '../../src/declarations/backend/declarations/backend.did.js';
import { readFileSync } from 'node:fs';
import { BACKEND_WASM, controllerId, startBackend, type BackendEnv } from './helpers';
import { importResults } from './helpers-scale';
import { generatedHardware, generatedResult } from './generators/registry-data';
import { WireTypes } from './wire-types';

const service = idlFactory({ IDL }) as IDL.ServiceClass;
const importFunc = (service._fields.find(([n]) => n === 'import_records') as [string, IDL.FuncClass])[1];
const ChunkType = importFunc.argTypes[0] as IDL.Type;
const MARK = 'MARKMARK';

const TEXTS = ['plain', 'quotes "a" and \\ backslash', 'tab\tand\nnewline', 'é ü ß € 中文 😀 🇺🇳', '%41 %zz %', '\u00ef\u00bb\u00bf latin1 look-alike', 'ends with emoji 🤖'];

function chunk(seed: number): unknown {
    const results = TEXTS.map((t, i) => toWire(WireTypes.BenchmarkResult, { ...generatedResult(seed + i), notes: `${t} ${i}`, runtime_version: i % 2 === 0 ? null : t }));
    const hardware = TEXTS.map((t, i) => toWire(WireTypes.Hardware, { ...generatedHardware(seed + i), name: `Gen ${t.replace(/\s+/g, ' ')} ${i}`, notes: i % 3 === 0 ? null : t }));
    return { hardware, runtimes: [], models: [], results };
}

type Outcome = { kind: 'replied'; value: unknown } | { kind: 'rejected' };

async function call(env: BackendEnv, arg: Uint8Array): Promise<Outcome> {
    const r = await env.devnet.update({ sender: controllerId.getPrincipal(), canisterId: env.canisterId, method: 'import_records', arg });
    if (r.kind !== 'replied') return { kind: 'rejected' };
    return { kind: 'replied', value: IDL.decode(importFunc.retTypes, r.reply)[0] };
}

const declared = (value: unknown): Uint8Array => new Uint8Array(IDL.encode([ChunkType], [value]));
/** The same value with a trailing `null` argument: another prefix, so the canister uses IDL.decode. */
const viaIdlDecode = (value: unknown): Uint8Array => new Uint8Array(IDL.encode([ChunkType, IDL.Null], [value, null]));

/** `bytes` with the first occurrence of MARK's UTF-8 replaced by `patch` (same length). */
function patched(bytes: Uint8Array, patch: number[]): Uint8Array {
    const at = Buffer.from(bytes).indexOf(Buffer.from(MARK));
    if (at < 0 || patch.length !== MARK.length) throw new Error('no mark');
    const out = bytes.slice();
    out.set(patch, at);
    return out;
}

/** The stored JSON of the generated records (seed records carry each canister's install time). */
async function imported(env: BackendEnv): Promise<string[]> {
    const out: string[] = [];
    for (const kind of [{ hardware: null }, { result: null }] as const) {
        let cursor: [] | [string] = [];
        for (;;) {
            const chunk = await env.anonymous.export_records(kind, cursor, [100]);
            if (!('Ok' in chunk)) throw new Error('export failed');
            for (const r of JSON.parse(chunk.Ok.json) as { id?: string; result_id?: string }[]) {
                if ((r.id ?? '').startsWith('gen-hw-') || (r.result_id ?? '') >= 'r000001000000') out.push(JSON.stringify(r));
            }
            if (chunk.Ok.next_cursor.length === 0) break;
            cursor = chunk.Ok.next_cursor;
        }
    }
    return out;
}

let fast: BackendEnv;
let slow: BackendEnv;
beforeAll(async () => {
    fast = await startBackend();
    slow = await startBackend();
});

describe('import_records argument decoding', () => {
    it('stores the same records whether the fast path or IDL.decode decoded them', async () => {
        const value = chunk(500_000);
        const a = await call(fast, declared(value));
        const b = await call(slow, viaIdlDecode(value));
        expect(a).toEqual({ kind: 'replied', value: { Ok: { inserted: TEXTS.length * 2, updated: 0 } } });
        expect(b).toEqual(a);
        expect(await imported(fast)).toEqual(await imported(slow));
        expect(await fast.anonymous.get_hardware(generatedHardware(500_004).id)).toMatchObject({ Ok: { name: `Gen ${TEXTS[4]} 4`, notes: [TEXTS[4]] } });
        expect(await fast.anonymous.get_benchmark(generatedResult(500_003).result_id)).toMatchObject({ Ok: { notes: [`${TEXTS[3]} 3`], runtime_version: [TEXTS[3]] } });
    });

    it('gives malformed messages the same outcome as IDL.decode', async () => {
        const value = { hardware: [], runtimes: [], models: [], results: [toWire(WireTypes.BenchmarkResult, { ...generatedResult(600_000), notes: MARK })] };
        const cases: [string, number[]][] = [
            ['invalid UTF-8', [0x41, 0xc3, 0x28, 0x41, 0x41, 0x41, 0x41, 0x41]],
            ['overlong encoding', [0x41, 0xc0, 0xaf, 0x41, 0x41, 0x41, 0x41, 0x41]],
            ['encoded surrogate', [0x41, 0xed, 0xa0, 0x80, 0x41, 0x41, 0x41, 0x41]],
            ['leading BOM', [0xef, 0xbb, 0xbf, 0x41, 0x41, 0x41, 0x41, 0x41]],
            ['valid 4-byte UTF-8', [0xf0, 0x9f, 0x98, 0x80, 0x41, 0x41, 0x41, 0x41]]
        ];
        for (const [name, patch] of cases) {
            const a = await call(fast, patched(declared(value), patch));
            const b = await call(slow, patched(viaIdlDecode(value), patch));
            expect({ name, outcome: a }).toEqual({ name, outcome: b });
            expect({ name, stored: await imported(fast) }).toEqual({ name, stored: await imported(slow) });
        }
        const good = declared(value);
        const structural: [string, Uint8Array, Uint8Array][] = [
            ['trailing byte', Uint8Array.from([...good, 0]), Uint8Array.from([...viaIdlDecode(value), 0])],
            ['truncated', good.subarray(0, good.length - 3), viaIdlDecode(value).subarray(0, viaIdlDecode(value).length - 3)]
        ];
        for (const [name, a, b] of structural) expect({ name, outcome: await call(fast, a) }).toEqual({ name, outcome: await call(slow, b) });
        expect((await call(fast, patched(declared(value), [0xf0, 0x9f, 0x98, 0x80, 0x41, 0x41, 0x41, 0x41]))).kind).toBe('replied');
        expect(await imported(fast)).toEqual(await imported(slow));
    });

    it('answers Unauthorized to other callers, decoding first as before', async () => {
        const r = await fast.devnet.update({ sender: Principal.anonymous(), canisterId: fast.canisterId, method: 'import_records', arg: declared(chunk(700_000)) });
        expect(r.kind).toBe('replied');
        if (r.kind === 'replied') expect(Object.keys((IDL.decode(importFunc.retTypes, r.reply)[0] as { Err: object }).Err)).toEqual(['Unauthorized']);
    });

    it('writes every index node of a batched import to stable memory (all sort orders complete after an upgrade)', async () => {
        await importResults(fast.controller, 600, 800_000);
        await fast.devnet.upgradeCanister({ canisterId: fast.canisterId, wasm: new Uint8Array(readFileSync(BACKEND_WASM)), sender: controllerId.getPrincipal() });
        const total = Number((await fast.anonymous.stats()).benchmarks);
        for (const sort of ['id', 'generation_tokens_per_s', 'prompt_tokens_per_s', 'ttft_ms']) {
            const ids: string[] = [];
            let cursor: [] | [string] = [];
            for (let i = 0; i < 100; i++) {
                const page = await fast.anonymous.list_benchmarks({ page: { sort: [sort], descending: [], cursor, limit: [100] }, filter: { hardware_id: [], runtime_id: [], model_id: [], submitter: [] } });
                if (!('Ok' in page)) throw new Error(`list by ${sort} failed`);
                ids.push(...page.Ok.items.map((r) => r.result_id));
                if (page.Ok.next_cursor.length === 0) break;
                cursor = page.Ok.next_cursor;
            }
            expect({ sort, count: ids.length, distinct: new Set(ids).size }).toEqual({ sort, count: total, distinct: total });
        }
    });
});
