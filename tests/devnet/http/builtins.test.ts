/**
 * The built-in CMC and cycles ledger over HTTP, through an unmodified agent with query signature verification on
 * (which also proves the canister ranges cover their ids).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Actor, HttpAgent } from '@dfinity/agent';
import { Ed25519KeyIdentity } from '@dfinity/identity';
import { IDL } from '@dfinity/candid';
import type { Principal } from '@dfinity/principal';
import { CMC_ID, CYCLES_LEDGER_ID, DEV_ACCOUNT_BALANCE_CYCLES, CYCLES_LEDGER_FEE_CYCLES } from '../../../src/devnet/builtin/index.js';
import { CreateCanisterArgs, CreateCanisterResult, Account, WithdrawArgs, WithdrawResult } from '../../../src/devnet/builtin/cycles-ledger.candid.js';
import { Principal as P } from '@dfinity/principal';
import { startHttpFixture, type HttpFixture } from './http-fixtures.js';

const cmcIdl: IDL.InterfaceFactory = ({ IDL: I }) => I.Service({ get_default_subnets: I.Func([], [I.Vec(I.Principal)], ['query']) });
const ledgerIdl: IDL.InterfaceFactory = ({ IDL: I }) =>
    I.Service({
        create_canister: I.Func([CreateCanisterArgs], [CreateCanisterResult], []),
        icrc1_balance_of: I.Func([Account], [I.Nat], ['query']),
        withdraw: I.Func([WithdrawArgs], [WithdrawResult], [])
    });

let fx: HttpFixture;
beforeAll(async () => {
    fx = await startHttpFixture();
});
afterAll(async () => fx?.close());

describe('built-in system canisters', () => {
    it('CMC get_default_subnets answers the devnet subnet', async () => {
        const agent = await HttpAgent.create({ host: fx.server.url, shouldFetchRootKey: true });
        const cmc = Actor.createActor(cmcIdl, { agent, canisterId: CMC_ID });
        const subnets = (await cmc.get_default_subnets()) as Principal[];
        expect(subnets.map((s) => s.toText())).toEqual([fx.server.keys.subnetId.toText()]);
    });

    it('cycles ledger create_canister creates a canister controlled by the caller and charges the account', async () => {
        const identity = Ed25519KeyIdentity.generate();
        const agent = await HttpAgent.create({ host: fx.server.url, shouldFetchRootKey: true, identity });
        const ledger = Actor.createActor(ledgerIdl, { agent, canisterId: CYCLES_LEDGER_ID });
        const me = { owner: identity.getPrincipal(), subaccount: [] };
        expect(await ledger.icrc1_balance_of(me)).toBe(DEV_ACCOUNT_BALANCE_CYCLES);
        const amount = 2_000_000_000_000n;
        const result = (await ledger.create_canister({ from_subaccount: [], created_at_time: [], amount, creation_args: [] })) as { Ok?: { canister_id: Principal } };
        expect(result.Ok).toBeDefined();
        const info = fx.devnet.canisterInfo(result.Ok!.canister_id)!;
        expect(info.controllers.map((c) => c.toText())).toEqual([identity.getPrincipal().toText()]);
        expect(info.cycles).toBe(amount);
        expect(await ledger.icrc1_balance_of(me)).toBe(DEV_ACCOUNT_BALANCE_CYCLES - amount - CYCLES_LEDGER_FEE_CYCLES);

        const tooMuch = (await ledger.create_canister({ from_subaccount: [], created_at_time: [], amount: DEV_ACCOUNT_BALANCE_CYCLES, creation_args: [] })) as {
            Err?: { InsufficientFunds?: { balance: bigint } };
        };
        expect(tooMuch.Err?.InsufficientFunds?.balance).toBe(DEV_ACCOUNT_BALANCE_CYCLES - amount - CYCLES_LEDGER_FEE_CYCLES);
    });

    it('cycles ledger withdraw tops up a canister (icp canister top-up)', async () => {
        const identity = Ed25519KeyIdentity.generate();
        const agent = await HttpAgent.create({ host: fx.server.url, shouldFetchRootKey: true, identity });
        const ledger = Actor.createActor(ledgerIdl, { agent, canisterId: CYCLES_LEDGER_ID });
        const before = fx.devnet.canisterInfo(fx.probeId)!.cycles;
        const amount = 1_000_000_000_000n;
        const ok = (await ledger.withdraw({ amount, from_subaccount: [], to: fx.probeId, created_at_time: [] })) as { Ok?: bigint };
        expect(ok.Ok).toBeTypeOf('bigint');
        expect(fx.devnet.canisterInfo(fx.probeId)!.cycles).toBeGreaterThan(before + amount / 2n);
        const missing = P.fromText('ryjl3-tyaaa-aaaaa-aaaba-cai');
        const failed = (await ledger.withdraw({ amount, from_subaccount: [], to: missing, created_at_time: [] })) as { Err?: Record<string, unknown> };
        expect(Object.keys(failed.Err ?? {})).toEqual(['FailedToWithdraw']);
        expect(await ledger.icrc1_balance_of({ owner: identity.getPrincipal(), subaccount: [] })).toBe(DEV_ACCOUNT_BALANCE_CYCLES - amount - CYCLES_LEDGER_FEE_CYCLES);
    });

    it('unknown methods are IC0536 rejects', async () => {
        const agent = await HttpAgent.create({ host: fx.server.url, shouldFetchRootKey: true });
        const cmc = Actor.createActor(({ IDL: I }) => I.Service({ nope: I.Func([], [], ['query']) }), { agent, canisterId: CMC_ID });
        await expect(cmc.nope()).rejects.toThrow(/IC0536/);
    });
});
