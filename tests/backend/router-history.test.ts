/**
 * Conversations through the real wasm: stored per principal, paginated, readable and deletable only by the
 * owner, the user's message kept even when routing fails, everything surviving an upgrade; plus the
 * history-versus-limits rule (trim for the LLM canister, or route to a worker with room, never silently).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadWasm } from '../../src/devnet/testing/index';
import { BACKEND_WASM, controllerId, errCode, unwrap } from './helpers';
import { addWorker, chatArgs, startRouterEnv, tagOf, userIds, type RouterEnv } from './helpers/router-env';
import { startFormatServer, type WorkerServer } from './helpers/worker-servers';

let env: RouterEnv;
const servers: WorkerServer[] = [];

beforeAll(async () => {
    env = await startRouterEnv();
});
afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    env?.devnet.close();
});

describe('history', () => {
    it('keeps conversations per owner, paginated, hidden from others, deletable only by the owner', async () => {
        const alice = env.as(userIds[0]!);
        const bob = env.as(userIds[1]!);
        const a = unwrap(await alice.chat(chatArgs('alice one')));
        unwrap(await alice.chat(chatArgs('alice two', { conversation_id: [a.conversation_id] })));
        unwrap(await alice.chat(chatArgs('alice again')));
        const page = unwrap(await alice.list_conversations([], [1]));
        expect(page.total).toBe(2);
        expect(page.items).toHaveLength(1);
        expect(page.items[0]!.title).toBe('alice again'); // newest first
        const msgs = unwrap(await alice.get_messages(a.conversation_id, [1], [2]));
        expect(msgs.map((m) => [m.index, m.role, m.content.slice(0, 20)])).toEqual([[1, 'assistant', 'stand-in reply (llam'], [2, 'user', 'alice two']]);
        expect(JSON.parse(msgs[0]!.route_json[0]!).backend).toBe('llm_canister');

        expect(unwrap(await bob.list_conversations([], [])).total).toBe(0);
        expect(errCode(await bob.get_messages(a.conversation_id, [], []))).toBe('NotFound');
        expect(errCode(await bob.chat(chatArgs('hijack', { conversation_id: [a.conversation_id] })))).toBe('NotFound');
        expect(errCode(await bob.delete_conversation(a.conversation_id))).toBe('NotFound');
        expect(errCode(await env.anonymous.list_conversations([], []))).toBe('Unauthorized');

        expect(unwrap(await alice.delete_conversation(a.conversation_id))).toBe(4);
        expect(errCode(await alice.get_messages(a.conversation_id, [], []))).toBe('NotFound');
        expect(unwrap(await alice.list_conversations([], [])).total).toBe(1);
    });

    it('stores the user message before routing, so a failed chat loses nothing', async () => {
        const carol = env.as(userIds[2]!);
        const r = await carol.chat(chatArgs('nobody serves this', { model: ['no-such-model'] }));
        expect(errCode(r)).toBe('NoRoute');
        const list = unwrap(await carol.list_conversations([], []));
        const msgs = unwrap(await carol.get_messages(list.items[0]!.id, [], []));
        expect(msgs.map((m) => m.content)).toEqual(['nobody serves this']);
    });

    it('refuses oversized input with a typed error', async () => {
        const r = await env.contributor.chat(chatArgs('x'.repeat(33 * 1024)));
        expect(r).toEqual({ Err: { InputTooLong: { field: 'message', limit: 32_768n, actual: 33_792n } } });
        expect(errCode(await env.contributor.chat(chatArgs('')))).toBe('InvalidInput');
        expect(errCode(await env.contributor.chat(chatArgs('hi', { max_tokens: [0] })))).toBe('InvalidInput');
    });

    it('survives an upgrade', async () => {
        const dave = env.as(userIds[3]!);
        const c = unwrap(await dave.chat(chatArgs('remember me')));
        const usageBefore = unwrap(await dave.my_usage());
        await env.devnet.upgradeCanister({ canisterId: env.canisterId, wasm: await loadWasm(BACKEND_WASM), sender: controllerId.getPrincipal() as never });
        const msgs = unwrap(await dave.get_messages(c.conversation_id, [], []));
        expect(msgs.map((m) => m.content)).toEqual(['remember me', c.content]);
        expect(unwrap(await dave.my_usage()).total_requests).toBe(usageBefore.total_requests);
        const cont = unwrap(await dave.chat(chatArgs('still there?', { conversation_id: [c.conversation_id] })));
        expect(cont.message_index).toBe(3);
    });
});

describe('history beyond the LLM canister limits', () => {
    it('trims the oldest turns for the LLM canister and says so', async () => {
        const erin = env.as(userIds[4]!);
        let id: [] | [string] = [];
        for (let i = 0; i < 6; i++) id = [unwrap(await erin.chat(chatArgs(`turn ${i} ${'y'.repeat(100)}`, { conversation_id: id }))).conversation_id];
        const r = unwrap(await erin.chat(chatArgs('and now?', { conversation_id: id })));
        const ctx = r.route.context;
        expect(tagOf(ctx)).toBe('trimmed');
        if ('trimmed' in ctx) expect(ctx.trimmed.dropped_messages).toBe(3); // 13 messages → the newest 10 (2 KB here)
        expect(r.content).toContain('10 messages');
    });

    it('routes to a worker with a larger context instead, when one serves the model', async () => {
        const s = await startFormatServer('openai', 'long');
        servers.push(s);
        const long = await addWorker(env, { url: s.url, format: 'openai', model: 'llama3.1:8b', contextTokens: 131_072 });
        const frank = env.as(userIds[5]!);
        const big = unwrap(await frank.chat(chatArgs('z'.repeat(9_000))));
        expect(tagOf(big.route.backend)).toBe('llm_canister');
        const r = unwrap(await frank.chat(chatArgs('w'.repeat(2_000), { conversation_id: [big.conversation_id] })));
        expect(r.route.worker_id).toEqual([long]);
        expect(tagOf(r.route.context)).toBe('routed_for_context');
        expect(r.content).toContain('3 messages');
    });
});
