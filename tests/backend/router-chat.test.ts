/**
 * The chat router through the real backend wasm: the LLM canister route (stand-in at the real id), worker
 * routes in every API format over real HTTP servers, the real worker gateway verifying threshold-signed
 * tokens, and what every answer reports about its route.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { verifyWorkerToken } from '../../src/shared/worker-token/index';
import { sha256Hex } from '../../src/shared/router/idempotency';
import { errCode, unwrap } from './helpers';
import { addWorker, chatArgs, route, startRouterEnv, tagOf, type RouterEnv } from './helpers/router-env';
import { startFormatServer, startGateway, type WorkerServer } from './helpers/worker-servers';

let env: RouterEnv;
const servers: WorkerServer[] = [];

beforeAll(async () => {
    env = await startRouterEnv();
});
afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    env?.devnet.close();
});

describe('chat through the LLM canister', () => {
    it('refuses anonymous callers', async () => {
        expect(errCode(await env.anonymous.chat(chatArgs('hi')))).toBe('Unauthorized');
    });

    it('answers on-chain and reports the route', async () => {
        const before = await env.standinCalls();
        const r = unwrap(await env.contributor.chat(chatArgs('hello there')));
        expect(r.content).toBe('stand-in reply (llama3.1:8b, 1 messages, 11 prompt chars): hello there');
        expect(tagOf(r.route.backend)).toBe('llm_canister');
        expect(tagOf(r.route.trust)).toBe('onchain');
        expect(r.route.model).toBe('llama3.1:8b');
        expect(r.route.tokens_reported).toBe(false);
        expect(r.route.cycles).toBe(0n);
        expect(r.route.attempts.map((a) => tagOf(a.outcome))).toEqual(['ok']);
        expect(tagOf(r.route.context)).toBe('none');
        expect(await env.standinCalls()).toBe(before + 1n);
    });

    it('continues a conversation with its history and picks models by task', async () => {
        const first = unwrap(await env.contributor.chat(chatArgs('one', { task: ['reasoning'] })));
        expect(first.route.model).toBe('qwen3:32b');
        const second = unwrap(await env.contributor.chat(chatArgs('two', { conversation_id: [first.conversation_id], task: ['reasoning'] })));
        expect(second.content).toContain('3 messages');
        expect(second.message_index).toBe(3);
        expect(errCode(await env.contributor.chat(chatArgs('x', { task: ['poetry'] })))).toBe('InvalidInput');
    });
});

describe('chat through workers', () => {
    it('speaks each API format and strips per-response fields so replicas agree', async () => {
        for (const format of ['openai', 'ollama', 'anthropic'] as const) {
            const s = await startFormatServer(format, format);
            servers.push(s);
            const id = await addWorker(env, { url: s.url, format, model: `m-${format}` });
            const r = unwrap(await env.contributor.chat(chatArgs(`hi ${format}`, { model: [`m-${format}`] })));
            expect(r.content).toBe(`[${format}] stand-in reply (m-${format}, 1 messages, ${`hi ${format}`.length} prompt chars): hi ${format}`);
            expect(tagOf(r.route.backend)).toBe('worker');
            expect(r.route.worker_id).toEqual([id]);
            expect(tagOf(r.route.trust)).toBe('replicated_outcall');
            expect(r.route.tokens_reported).toBe(true);
            expect(r.route.cycles).toBeGreaterThan(10_000_000_000n);
            const chats = s.seen.filter((x) => x.method === 'POST');
            expect(chats).toHaveLength(4); // one per replica of the 4-node subnet
            expect(new Set(chats.map((c) => c.headers['idempotency-key'])).size).toBe(1);
            expect(new Set(chats.map((c) => c.headers['authorization'])).size).toBe(1);
            // The token is the canister's threshold signature over this exact body and key (docs/worker-protocol.md §2).
            const key = Uint8Array.from(await env.controller.worker_auth_public_key());
            const token = String(chats[0]!.headers['authorization']).replace(/^Bearer /, '');
            const v = verifyWorkerToken(token, { publicKeys: [key], audiences: [s.url], issuers: [env.canisterId.toText()], nowS: Number(env.devnet.time() / 1_000_000_000n) });
            expect(v.ok).toBe(true);
            if (v.ok) {
                expect(v.payload.idk).toBe(chats[0]!.headers['idempotency-key']);
                expect(v.payload.bh).toBe(sha256Hex(new TextEncoder().encode(chats[0]!.body)));
                expect(v.payload.exp - v.payload.iat).toBe(120);
            }
        }
    });

    it('authenticates to the real worker gateway with a threshold-signed token, one generation for all replicas', async () => {
        const key = await env.controller.worker_auth_public_key();
        const gw = await startGateway('gw', Uint8Array.from(key), env.canisterId.toText(), ['gw-model']);
        servers.push(gw);
        const id = await addWorker(env, { url: gw.url, format: 'deai', model: 'gw-model' });
        const r = unwrap(await env.contributor.chat(chatArgs('through the gateway', { model: ['gw-model'] })));
        expect(r.content).toContain('[gw] stand-in reply (gw-model');
        expect(r.route.worker_id).toEqual([id]);
        expect(gw.generations()).toBe(1);
        expect(gw.seen.filter((x) => x.method === 'POST')).toHaveLength(4);

        // Registered under another name for the same server, the token's audience no longer matches: 401, code kept.
        const other = await addWorker(env, { url: gw.url.replace('127.0.0.1', 'localhost'), format: 'deai', model: 'gw-other' });
        const denied = await env.contributor.chat(chatArgs('wrong audience', { model: ['gw-other'] }));
        const attempts = 'Err' in denied && 'AllRoutesFailed' in denied.Err ? denied.Err.AllRoutesFailed.attempts : [];
        expect(attempts.map((a) => [a.target, a.outcome])).toEqual([[`w:${other}`, 'http_error']]);
        expect(attempts[0]!.detail).toMatch(/^HTTP 401; upstream_error: token_audience: /);
        expect(gw.generations()).toBe(1);
    });

    it('prefers the on-chain LLM canister for its models, and honours the caller route preference', async () => {
        const s = await startFormatServer('openai', 'cheap');
        servers.push(s);
        const id = await addWorker(env, { url: s.url, format: 'openai', model: 'llama3.1:8b' });
        const trusted = unwrap(await env.contributor.chat(chatArgs('who answers?')));
        expect(tagOf(trusted.route.backend)).toBe('llm_canister');
        const pinned = unwrap(await env.contributor.chat(chatArgs('you', { route: route({ worker_id: id }) })));
        expect(pinned.route.worker_id).toEqual([id]);
        expect(pinned.route.attempts.some((a) => tagOf(a.outcome) === 'filtered' && a.target === 'llm')).toBe(true);
        const onchainOnly = await env.contributor.chat(chatArgs('strict', { model: ['m-openai'], route: route({ min_trust: 'onchain' }) }));
        expect(errCode(onchainOnly)).toBe('NoRoute');
    });
});
