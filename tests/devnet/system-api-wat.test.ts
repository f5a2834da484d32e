/**
 * Byte-level System API checks with a hand-written canister (tests/fixtures/wat/system-api-probe.wat): context
 * violations (IC0504), bounds, stable64_grow limits, debug_print never trapping, call_perform discarded on trap,
 * cleanup after a trapping callback.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import binaryen from 'binaryen';
import { Principal } from '@dfinity/principal';
import { IDL } from '@icp-sdk/core/candid';
import { CANISTER_CREATION_FEE_CYCLES, Devnet } from '../../src/devnet/index.js';
import { controller } from './fixtures.js';

let devnet: Devnet;
let id: Principal;
const none = new Uint8Array();

async function call(method: string) {
    return devnet.update({ canisterId: id, method, arg: none, sender: controller });
}
async function queryI32(method: string): Promise<number> {
    const outcome = await devnet.query({ canisterId: id, method, arg: none, sender: controller });
    if (outcome.kind !== 'replied') throw new Error(outcome.rejectMessage);
    return new DataView(outcome.reply.buffer, outcome.reply.byteOffset).getInt32(0, true);
}

beforeAll(async () => {
    const module = binaryen.parseText(await readFile('tests/fixtures/wat/system-api-probe.wat', 'utf8'));
    if (!module.validate()) throw new Error('invalid wat fixture');
    const wasm = module.emitBinary();
    module.dispose();
    devnet = await Devnet.create();
    id = await devnet.createCanister({ sender: controller });
    await devnet.installCode({ canisterId: id, wasm, sender: controller });
});

describe('System API, byte level', () => {
    it.each([
        ['accept_outside_inspect', '"ic0_accept_message" cannot be executed in update mode'],
        ['reply_twice', 'already replied'],
        ['caller_oob', 'exceeds the slice size'],
        ['reject_bad_utf8', 'not valid UTF-8'],
        ['best_effort_twice', 'already set']
    ])('%s traps with a contract violation (IC0504)', async (method, text) => {
        const outcome = await call(method);
        expect(outcome).toMatchObject({ kind: 'rejected', rejectCode: 5, errorCode: 'IC0504' });
        expect(outcome.kind === 'rejected' && outcome.rejectMessage).toContain(text);
    });

    it.each([
        ['unreachable', 'Canister trapped: unreachable'],
        ['heap_oob', 'Canister trapped: heap out of bounds']
    ])('a wasm trap (%s) is IC0502 with the trap text', async (method, text) => {
        const outcome = await call(method);
        expect(outcome).toMatchObject({ kind: 'rejected', rejectCode: 5, errorCode: 'IC0502' });
        expect(outcome.kind === 'rejected' && outcome.rejectMessage).toContain(`Error from Canister ${id.toText()}: ${text}`);
    });

    it('a query may not set the global timer', async () => {
        const outcome = await devnet.query({ canisterId: id, method: 'timer_in_query', arg: none, sender: controller });
        expect(outcome).toMatchObject({ errorCode: 'IC0504', rejectMessage: expect.stringContaining('"ic0_global_timer_set" cannot be executed in non replicated query mode') });
    });

    it('stable64_grow returns the old size, or -1 beyond 500 GiB', async () => {
        const first = await call('grow_one');
        const again = await call('grow_one');
        const huge = await call('grow_too_much');
        const i64 = (o: typeof first) => (o.kind === 'replied' ? new DataView(o.reply.buffer, o.reply.byteOffset).getBigInt64(0, true) : undefined);
        expect([i64(first), i64(again), i64(huge)]).toEqual([0n, 1n, -1n]);
    });

    it('debug_print never traps, even out of bounds', async () => {
        expect((await call('debug_oob')).kind).toBe('replied');
    });

    it('calls performed by a message that then traps are never sent', async () => {
        const before = await queryI32('pings');
        const outcome = await call('call_then_trap');
        expect(outcome).toMatchObject({ errorCode: 'IC0503' });
        await devnet.runUntilIdle();
        expect(await queryI32('pings')).toBe(before);
    });

    it('when a reply callback traps, the cleanup callback runs with its env and its changes persist', async () => {
        const before = await queryI32('pings');
        expect((await call('call_with_cleanup')).kind).toBe('replied');
        await devnet.runUntilIdle();
        expect(await queryI32('pings')).toBe(before + 1);
        expect(await queryI32('cleanups')).toBe(7);
    });

    it('create_canister from a canister: attached cycles minus the creation fee fund the child; the caller controls it', async () => {
        const before = devnet.canisterInfo(id)!.cycles;
        const outcome = await call('create_child');
        expect(outcome.kind).toBe('replied');
        if (outcome.kind !== 'replied') return;
        const [{ canister_id: child }] = IDL.decode([IDL.Record({ canister_id: IDL.Principal })], outcome.reply) as unknown as [{ canister_id: Principal }];
        const info = devnet.canisterInfo(child)!;
        expect(info.cycles).toBe(1_000_000_000_000n - CANISTER_CREATION_FEE_CYCLES);
        expect(info.controllers.map((p) => p.toText())).toEqual([id.toText()]);
        expect(devnet.canisterInfo(id)!.cycles).toBeLessThan(before - 1_000_000_000_000n);
    });

    it('create_canister with too few cycles is rejected and refunds them; the reject text reaches the reject callback', async () => {
        const before = devnet.canisterIds().length;
        const outcome = await call('create_child_cheap');
        expect(outcome).toMatchObject({ kind: 'rejected', rejectCode: 4, rejectMessage: expect.stringContaining('Creating a canister requires a fee') });
        expect(devnet.canisterIds().length).toBe(before);
    });

    it('create_canister by ingress is refused (canister-only)', async () => {
        const arg = new Uint8Array(IDL.encode([IDL.Record({})], [{}]));
        const outcome = await devnet.update({ canisterId: Principal.managementCanister(), method: 'create_canister', arg, sender: controller });
        expect(outcome).toMatchObject({ kind: 'rejected', rejectCode: 4 });
    });

    it('deposit_cycles from a canister moves exactly the attached cycles to the target', async () => {
        const target = await devnet.createCanister({ sender: controller, cycles: 1_000n });
        const before = devnet.canisterInfo(id)!.cycles;
        const arg = new Uint8Array(IDL.encode([IDL.Record({ canister_id: IDL.Principal })], [{ canister_id: target }]));
        const outcome = await devnet.update({ canisterId: id, method: 'deposit_raw', arg, sender: controller });
        expect(outcome.kind).toBe('replied');
        expect(devnet.canisterInfo(target)!.cycles).toBe(1_000n + 5_000_000_000n);
        expect(devnet.canisterInfo(id)!.cycles).toBeLessThan(before - 5_000_000_000n);
    });
});
