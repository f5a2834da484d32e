/**
 * Each System API function Azle uses, observed through the probe fixture's methods.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { IDL } from '@icp-sdk/core/candid';
import { Ed25519KeyIdentity } from '@dfinity/identity';
import { Principal } from '@dfinity/principal';
import type { Devnet } from '../../src/devnet/index.js';
import { ERROR_HINTS } from '../../src/devnet/core/errors.js';
import { CanisterCallError } from '../../src/devnet/testing/index.js';
import { controller, emptyArgs, encodeText, probeActor, stranger, withProbe, type Probe } from './fixtures.js';
import { FetchLogsResult } from '../../src/devnet/management/ic.idl.js';

describe('System API', () => {
    let devnet: Devnet;
    let probe: Probe;
    let id: Principal;
    beforeAll(async () => {
        ({ devnet, probe, id } = await withProbe({}, 'init-text'));
    });

    it('msg_arg_data: the init argument reaches canister_init', async () => {
        expect(await probe.init_arg()).toEqual(['init-text']);
    });

    it('msg_caller: the sender of queries and updates, anonymous by default', async () => {
        const identity = Ed25519KeyIdentity.generate();
        const asUser = probeActor(devnet, id, identity.getPrincipal());
        expect((await asUser.whoami()).toText()).toBe(identity.getPrincipal().toText());
        expect((await asUser.whoami_update()).toText()).toBe(identity.getPrincipal().toText());
        expect((await probeActor(devnet, id).whoami()).toText()).toBe(Principal.anonymous().toText());
    });

    it('canister_self', async () => {
        expect((await probe.self_id()).toText()).toBe(id.toText());
    });

    it('time: devnet time, constant within a message, moves with advanceTime', async () => {
        const t0 = devnet.time();
        expect(await probe.now()).toBe(t0);
        await devnet.advanceTime(5_000_000_000n);
        expect(await probe.now()).toBe(t0 + 5_000_000_000n);
    });

    it('canister_version: increments with each successful update, not with queries', async () => {
        const before = await probe.version();
        await probe.inc();
        const during = await probe.version_update(); // sees the value before its own increment
        expect(during).toBe(before + 1n);
        expect(await probe.version()).toBe(before + 2n);
        await probe.get_counter();
        expect(await probe.version()).toBe(before + 2n);
        // A query method executed as an update (replicated query) also counts.
        await devnet.update({ canisterId: id, method: 'get_counter', arg: emptyArgs(), sender: controller });
        expect(await probe.version()).toBe(before + 3n);
    });

    it('in_replicated_execution: 0 in a query, 1 in an update', async () => {
        expect(await probe.replicated_query()).toBe(false);
        expect(await probe.replicated_update()).toBe(true);
    });

    it('is_controller', async () => {
        expect(await probe.is_ctrl(controller)).toBe(true);
        expect(await probe.is_ctrl(stranger)).toBe(false);
    });

    it('performance_counter(0): positive and growing with work', async () => {
        const light = await probe.spin_query(10);
        const heavy = await probe.spin_query(100_000);
        expect(light).toBeGreaterThan(0n);
        expect(heavy).toBeGreaterThan(light + 1_000_000n);
    });

    it('certified_data_set / data_certificate_present: no certifier → no certificate', async () => {
        await probe.set_certified(new Uint8Array([1, 2, 3]));
        expect(devnet.canisterInfo(id)!.certifiedData).toEqual(new Uint8Array([1, 2, 3]));
        expect(await probe.certificate()).toEqual([]);
    });

    it('data_certificate_*: with a certifier, a non-replicated query gets the certificate for its canister', async () => {
        const seen: string[] = [];
        devnet.setCertifier({
            dataCertificate: (canisterId, data, timeNs) => {
                seen.push(`${canisterId.toText()}:${Buffer.from(data).toString('hex')}:${timeNs}`);
                return new Uint8Array([0xd9, 0xd9, 0xf7, ...data]);
            }
        });
        try {
            expect(await probe.certificate()).toEqual([new Uint8Array([0xd9, 0xd9, 0xf7, 1, 2, 3])]);
            expect(seen).toEqual([`${id.toText()}:010203:${devnet.time()}`]);
        } finally {
            devnet.setCertifier(undefined);
        }
    });

    it('certified_data_set traps above 32 bytes', async () => {
        const error = await probe.set_certified(new Uint8Array(33)).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(CanisterCallError);
        expect((error as CanisterCallError).errorCode).toBe('IC0504');
    });

    it('debug_print: console.log lands in fetch_canister_logs', async () => {
        await probe.log('hello from the probe');
        const outcome = await devnet.update({ canisterId: Principal.managementCanister(), method: 'fetch_canister_logs', arg: new Uint8Array(IDL.encode([IDL.Record({ canister_id: IDL.Principal })], [{ canister_id: id }])), sender: controller });
        expect(outcome.kind).toBe('replied');
        if (outcome.kind !== 'replied') return;
        const [logs] = IDL.decode([FetchLogsResult as never], outcome.reply) as unknown as [{ canister_log_records: { content: Uint8Array }[] }];
        const texts = logs.canister_log_records.map((r) => new TextDecoder().decode(r.content));
        expect(texts.some((t) => t.includes('hello from the probe'))).toBe(true);
    });

    it('msg_reject: reject code 4 CANISTER_REJECT with the message', async () => {
        const outcome = await devnet.update({ canisterId: id, method: 'reject_manual', arg: encodeText('no thanks'), sender: controller });
        expect(outcome).toMatchObject({ kind: 'rejected', rejectCode: 4, rejectMessage: 'no thanks' });
    });

    it('msg_reply with raw bytes: echo_raw returns its argument verbatim', async () => {
        const arg = encodeText('echo');
        const outcome = await devnet.update({ canisterId: id, method: 'echo_raw', arg, sender: controller });
        expect(outcome.kind === 'replied' && Buffer.from(outcome.reply).equals(Buffer.from(arg))).toBe(true);
    });

    it('a method that never replies: IC0506', async () => {
        const outcome = await devnet.update({ canisterId: id, method: 'no_reply', arg: emptyArgs(), sender: controller });
        expect(outcome).toMatchObject({ kind: 'rejected', rejectCode: 5, errorCode: 'IC0506' });
    });

    it('raw_rand through the management canister: 32 fresh bytes each call', async () => {
        const a = await probe.random();
        const b = await probe.random();
        expect(a.length).toBe(32);
        expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    });

    it('unknown method: IC0536 for updates and queries', async () => {
        const u = await devnet.update({ canisterId: id, method: 'nope', arg: emptyArgs(), sender: controller });
        expect(u).toMatchObject({ kind: 'rejected', rejectCode: 5, errorCode: 'IC0536' });
        const q = await devnet.query({ canisterId: id, method: 'inc', arg: emptyArgs(), sender: controller });
        expect(q).toMatchObject({ kind: 'rejected', errorCode: 'IC0536' });
        expect(q.kind === 'rejected' && q.rejectMessage).toContain("has no query method 'inc'");
    });

    it('ic0.trap: IC0503 with the replica message format', async () => {
        const outcome = await devnet.update({ canisterId: id, method: 'trap_after_writes', arg: encodeText('boom'), sender: controller });
        expect(outcome).toMatchObject({
            kind: 'rejected',
            rejectCode: 5,
            errorCode: 'IC0503',
            rejectMessage: `Error from Canister ${id.toText()}: Canister called \`ic0.trap\` with message: 'boom'${ERROR_HINTS.calledTrap}`
        });
    });
});
