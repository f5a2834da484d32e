/**
 * Registry writes through the real wasm: the role × method matrix, the proposal flow with conflict
 * detection, validation errors, append-only benchmark results and the audit log.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { toWire } from '../../canisters/backend/candid/wire-mapping';
import { WireTypes } from './wire-types';
import { generatedHardware } from './generators/registry-data';
import { contributorId, errCode, identity, startBackend, unwrap, type Backend, type BackendEnv } from './helpers';

let env: BackendEnv;
beforeAll(async () => {
    env = await startBackend();
});

type WireHardware = Parameters<Backend['propose_hardware']>[0];
const wireHardware = (i: number, over: Record<string, unknown> = {}): WireHardware => toWire(WireTypes.Hardware, { ...generatedHardware(i), ...over }) as WireHardware;

const submission = (over: Record<string, unknown> = {}) =>
    toWire(WireTypes.BenchmarkSubmission, {
        hardware_id: 'nvidia-rtx-4090',
        runtime_id: 'llama-cpp',
        model_id: 'llama-3.1-8b-instruct',
        variant_id: 'llama-3.1-8b-instruct-gguf-q4_k_m',
        settings: { batch_size: 1, prompt_tokens: 512, output_tokens: 128, concurrency: 1, device_count: 1 },
        prompt_tokens_per_s: 9000,
        generation_tokens_per_s: 150,
        ttft_ms: 60,
        power_w: 420,
        origin: 'measured',
        model_sha256: null,
        runtime_version: 'b4500',
        sources: [],
        ...over
    }) as Parameters<Backend['submit_benchmark']>[0];

describe('role × method matrix', () => {
    // Which level may call each write; lower levels get Unauthorized, higher ones may.
    const cases: { method: string; needs: 'contributor' | 'curator' | 'controller'; call: (b: Backend, n: number) => Promise<unknown> }[] = [
        { method: 'propose_hardware', needs: 'contributor', call: (b, n) => b.propose_hardware(wireHardware(100 + n), []) },
        { method: 'submit_benchmark', needs: 'contributor', call: (b) => b.submit_benchmark(submission()) },
        { method: 'review_proposal', needs: 'curator', call: (b) => b.review_proposal('p999999999999', false, []) },
        { method: 'set_roles', needs: 'controller', call: (b) => b.set_roles(identity(50).getPrincipal(), []) },
        { method: 'import_records', needs: 'controller', call: (b) => b.import_records({ hardware: [], runtimes: [], models: [], results: [] }) }
    ];
    const levels = ['anonymous', 'contributor', 'curator', 'controller'] as const;

    for (const c of cases) {
        it(`${c.method} needs a ${c.needs}`, async () => {
            const actors: Record<(typeof levels)[number], Backend> = { anonymous: env.anonymous, contributor: env.contributor, curator: env.curator, controller: env.controller };
            for (const [i, level] of levels.entries()) {
                const result = (await c.call(actors[level], i)) as { Ok: unknown } | { Err: object };
                const allowed = levels.indexOf(level) >= levels.indexOf(c.needs);
                if (allowed) expect('Err' in result ? Object.keys(result.Err)[0] : 'Ok', `${level} → ${c.method}`).not.toBe('Unauthorized');
                else expect(errCode(result), `${level} → ${c.method}`).toBe('Unauthorized');
            }
        });
    }

    it('tells callers their level', async () => {
        expect(Object.keys((await env.anonymous.whoami()).level)[0]).toBe('anonymous');
        expect(Object.keys((await env.contributor.whoami()).level)[0]).toBe('contributor');
        expect(Object.keys((await env.curator.whoami()).level)[0]).toBe('curator');
        expect(Object.keys((await env.controller.whoami()).level)[0]).toBe('controller');
    });
});

describe('proposals', () => {
    it('a contribution becomes a record only after a curator approves it, and the audit log shows both', async () => {
        const p = unwrap(await env.contributor.propose_hardware(wireHardware(1), ['new card']));
        expect(p.status).toEqual({ pending: null });
        expect(p.proposer).toBe(contributorId.getPrincipal().toText());
        expect(errCode(await env.anonymous.get_hardware('gen-hw-000001'))).toBe('NotFound');
        const reviewed = unwrap(await env.curator.review_proposal(p.id, true, []));
        expect(reviewed.status).toEqual({ approved: null });
        expect(unwrap(await env.anonymous.get_hardware('gen-hw-000001')).name).toBe('Generated Accelerator 1');
        const log = unwrap(await env.anonymous.audit_log([], [5]));
        expect(log.entries.map((e) => e.action)).toEqual(expect.arrayContaining(['approve', 'propose']));
        expect(errCode(await env.curator.review_proposal(p.id, true, []))).toBe('Conflict');
    });

    it('an edit based on a stale version is a Conflict, not a silent overwrite', async () => {
        unwrap(await env.curator.review_proposal(unwrap(await env.contributor.propose_hardware(wireHardware(2), [])).id, true, []));
        const a = unwrap(await env.contributor.propose_hardware(wireHardware(2, { tdp_w: 300 }), []));
        const b = unwrap(await env.curator.propose_hardware(wireHardware(2, { tdp_w: 350 }), []));
        expect(a.action).toEqual({ update: null });
        unwrap(await env.curator.review_proposal(b.id, true, []));
        expect(errCode(await env.curator.review_proposal(a.id, true, []))).toBe('Conflict');
        expect(unwrap(await env.anonymous.get_hardware('gen-hw-000002')).tdp_w).toEqual([350]);
        const rejected = unwrap(await env.curator.review_proposal(a.id, false, ['stale']));
        expect(rejected.status).toEqual({ rejected: null });
        expect(rejected.review_reason).toEqual(['stale']);
    });

    it('lists pending proposals newest first', async () => {
        const p = unwrap(await env.contributor.propose_hardware(wireHardware(3), []));
        const pending = unwrap(await env.anonymous.list_proposals([{ pending: null }], [], [10]));
        expect(pending.items[0]?.id).toBe(p.id);
        expect(pending.items.every((x) => 'pending' in x.status)).toBe(true);
    });
});

describe('validation', () => {
    const invalid: [string, Record<string, unknown>][] = [
        ['id', { id: 'Not A Slug!' }],
        ['name', { name: 'x'.repeat(129) }],
        ['memory_gb', { memory_gb: -1 }],
        ['tdp_w', { tdp_w: 2e6 }],
        ['release_year', { release_year: 1900 }],
        ['sources', { sources: [] }],
        ['sources.0.url', { sources: [{ url: 'ftp://example.org', title: 't', accessed: '2026-01-01' }] }],
        ['prices.0.as_of', { prices: [{ value: 1, currency: 'USD', kind: 'msrp', as_of: 'yesterday' }] }]
    ];
    for (const [field, over] of invalid) {
        it(`rejects a bad ${field} with InvalidInput naming the field`, async () => {
            const r = await env.contributor.propose_hardware(wireHardware(9, over), []);
            expect(r).toMatchObject({ Err: { InvalidInput: {} } });
            const err = (r as { Err: { InvalidInput: { field: string; reason: string } } }).Err.InvalidInput;
            expect(err.field.startsWith(field.split('.')[0] as string)).toBe(true);
            expect(err.reason.length).toBeGreaterThan(0);
        });
    }

    it('bounds comments', async () => {
        expect(await env.contributor.propose_hardware(wireHardware(9), ['x'.repeat(5000)])).toMatchObject({ Err: { InvalidInput: { field: 'comment' } } });
    });
});

describe('benchmark results', () => {
    it('are append-only with sequential ids, the submitter and the time', async () => {
        const a = unwrap(await env.contributor.submit_benchmark(submission()));
        const b = unwrap(await env.contributor.submit_benchmark(submission({ generation_tokens_per_s: 151 })));
        expect(Number(b.result_id.slice(1))).toBe(Number(a.result_id.slice(1)) + 1);
        expect(a.submitter).toBe(contributorId.getPrincipal().toText());
        expect(a.timestamp_ns).toBeGreaterThan(0n);
        expect(unwrap(await env.anonymous.get_benchmark(a.result_id)).generation_tokens_per_s).toEqual([150]);
    });

    it('refuse a model hash that differs from the variant file the registry knows', async () => {
        const wrong = 'ab'.repeat(32);
        expect(await env.contributor.submit_benchmark(submission({ model_sha256: wrong }))).toMatchObject({ Err: { InvalidInput: { field: 'model_sha256' } } });
        const known = unwrap(await env.anonymous.get_model('llama-3.1-8b-instruct')).variants.find((v) => v.id === 'llama-3.1-8b-instruct-gguf-q4_k_m')?.sha256[0];
        expect(known).toMatch(/^[0-9a-f]{64}$/);
        unwrap(await env.contributor.submit_benchmark(submission({ model_sha256: known })));
    });

    it('refuse references to records that do not exist', async () => {
        expect(await env.contributor.submit_benchmark(submission({ hardware_id: 'nope' }))).toMatchObject({ Err: { NotFound: { entity: { hardware: null } } } });
        expect(await env.contributor.submit_benchmark(submission({ variant_id: 'gemma-3-4b-it-gguf-q4_k_m' }))).toMatchObject({ Err: { NotFound: { entity: { variant: null } } } });
    });
});

describe('roles and import', () => {
    it('controllers grant and revoke curator rights; the anonymous principal cannot hold roles', async () => {
        const someone = identity(60);
        unwrap(await env.controller.set_roles(someone.getPrincipal(), [{ curator: null }]));
        expect(Object.keys((await env.as(someone).whoami()).level)[0]).toBe('curator');
        unwrap(await env.controller.set_roles(someone.getPrincipal(), []));
        expect(Object.keys((await env.as(someone).whoami()).level)[0]).toBe('contributor');
        expect(errCode(await env.controller.set_roles((await env.anonymous.whoami()).principal, [{ curator: null }]))).toBe('InvalidInput');
    });

    it('imports a chunk atomically: one bad record writes nothing', async () => {
        const good = wireHardware(70);
        const bad = wireHardware(71, { memory_gb: -5 });
        expect(errCode(await env.controller.import_records({ hardware: [good, bad], runtimes: [], models: [], results: [] }))).toBe('InvalidInput');
        expect(errCode(await env.anonymous.get_hardware('gen-hw-000070'))).toBe('NotFound');
        const ok = unwrap(await env.controller.import_records({ hardware: [good], runtimes: [], models: [], results: [] }));
        expect(ok).toEqual({ inserted: 1, updated: 0 });
        expect(errCode(await env.controller.import_records({ hardware: Array.from({ length: 201 }, (_, i) => wireHardware(1000 + i)), runtimes: [], models: [], results: [] }))).toBe('LimitExceeded');
    });
});

describe('pagination under concurrent writes', () => {
    it('pages by price while records are inserted between pages: no duplicates, no gaps among pre-existing records', async () => {
        const filter = { kind: [], vendor: ['GenVendor3'], availability: [], min_memory_gb: [], max_price_usd: [], max_tdp_w: [] } as Parameters<Backend['list_hardware']>[0]['filter'];
        const base = Array.from({ length: 30 }, (_, i) => wireHardware(3000 + i * 17, { vendor: 'GenVendor3' }));
        unwrap(await env.controller.import_records({ hardware: base, runtimes: [], models: [], results: [] }));
        const seen: string[] = [];
        let cursor: [] | [string] = [];
        for (let round = 0; round < 50; round++) {
            const p: { items: { id: string }[]; next_cursor: [] | [string] } = unwrap(
                await env.anonymous.list_hardware({ page: { sort: ['price_usd'], descending: [], cursor, limit: [4] }, filter })
            );
            seen.push(...p.items.map((h) => h.id));
            if (p.next_cursor.length === 0) break;
            cursor = p.next_cursor;
            // Someone else adds two cards: one cheaper than everything (behind the cursor), one dearer (ahead of it).
            const cheap = wireHardware(9000 + round, { vendor: 'GenVendor3', prices: [{ value: 1, currency: 'USD', kind: 'msrp', as_of: '2026-01-01' }] });
            const dear = wireHardware(9500 + round, { vendor: 'GenVendor3', prices: [{ value: 99_000_000, currency: 'USD', kind: 'msrp', as_of: '2026-01-01' }] });
            unwrap(await env.controller.import_records({ hardware: [cheap, dear], runtimes: [], models: [], results: [] }));
        }
        expect(new Set(seen).size).toBe(seen.length);
        for (const h of base) expect(seen).toContain((h as { id: string }).id);
        expect(seen.filter((id) => id.startsWith('gen-hw-0090'))).toEqual([]);
        expect(seen.filter((id) => id.startsWith('gen-hw-0095')).length).toBeGreaterThan(0);
    });
});
