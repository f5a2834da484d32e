/**
 * A development cycles ledger at `um5iw-rqaaa-aaaaq-qaaba-cai` (ic-interface notes §3.4): icp-cli creates every
 * canister through its `create_canister`, even locally, reads balances with `icrc1_balance_of` and tops canisters
 * up with `withdraw`.
 * Every account starts with DEV_ACCOUNT_BALANCE_CYCLES (as icp-cli seeds local identities), kept in memory.
 */
import { IDL } from '@dfinity/candid';
import { Principal } from '@dfinity/principal';
import type { BuiltinCanister } from '../engine-api.js';
import { CYCLES_LEDGER_ID } from './builtin-ids.js';
import { decodeArgs, invalidArgument, methodNotFound, replyWith, type BuiltinOutcome } from './builtin-replies.js';
import {
    Account,
    CreateCanisterArgs,
    CreateCanisterResult,
    WithdrawArgs,
    WithdrawResult,
    type CanisterSettingsValue,
    type CreateCanisterArgsValue,
    type WithdrawArgsValue
} from './cycles-ledger.candid.js';

/** icp-cli seeds each local identity with 1,000 T cycles (run.rs initialize_network). */
export const DEV_ACCOUNT_BALANCE_CYCLES = 1_000_000_000_000_000n;
/** The cycles ledger's fee per operation: 100 M cycles. */
export const CYCLES_LEDGER_FEE_CYCLES = 100_000_000n;
/** Bound on the accounts tracked (each is ~100 bytes). */
export const MAX_LEDGER_ACCOUNTS = 1_000_000;

export interface CreateCanisterRequest {
    controllers: Principal[];
    cycles: bigint;
    settings: CanisterSettingsValue | undefined;
}

export interface CyclesLedgerOptions {
    /** Creates a canister on the devnet and returns its id (throws with a message on failure). */
    createCanister(req: CreateCanisterRequest): Promise<Principal>;
    /** Adds cycles to a canister (throws with a message when it does not exist). */
    depositCycles(canisterId: Principal, cycles: bigint): Promise<void>;
}

export function createCyclesLedger({ createCanister, depositCycles }: CyclesLedgerOptions): BuiltinCanister {
    const id = CYCLES_LEDGER_ID.toText();
    const balances = new Map<string, bigint>();
    let nextBlock = 0n;
    const key = (owner: Principal, sub: Uint8Array | number[] | undefined): string => `${owner.toText()}:${sub ? Buffer.from(sub).toString('hex') : ''}`;
    const balanceOf = (k: string): bigint => balances.get(k) ?? DEV_ACCOUNT_BALANCE_CYCLES;
    const setBalance = (k: string, v: bigint): void => {
        if (!balances.has(k) && balances.size >= MAX_LEDGER_ACCOUNTS) balances.delete(balances.keys().next().value!);
        balances.set(k, v);
    };

    async function create(caller: Principal, arg: Uint8Array): Promise<BuiltinOutcome> {
        const decoded = decodeArgs([CreateCanisterArgs], arg);
        if (!decoded.ok) return invalidArgument(id, 'create_canister', decoded.detail);
        const args = decoded.values[0] as CreateCanisterArgsValue;
        const account = key(caller, args.from_subaccount[0]);
        const balance = balanceOf(account);
        const err = (e: Record<string, unknown>): BuiltinOutcome => replyWith([CreateCanisterResult], [{ Err: e }]);
        if (balance < args.amount + CYCLES_LEDGER_FEE_CYCLES) return err({ InsufficientFunds: { balance } });
        const settings = args.creation_args[0]?.settings[0];
        const extra = settings?.controllers[0] ?? [];
        const controllers = [caller, ...extra.filter((c) => c.toText() !== caller.toText())];
        let canisterId: Principal;
        try {
            canisterId = await createCanister({ controllers, cycles: args.amount, settings });
        } catch (e) {
            return err({ FailedToCreate: { error: (e as Error).message.slice(0, 1000), refund_block: [], fee_block: [] } });
        }
        setBalance(account, balance - args.amount - CYCLES_LEDGER_FEE_CYCLES);
        return replyWith([CreateCanisterResult], [{ Ok: { block_id: nextBlock++, canister_id: canisterId } }]);
    }

    /** `withdraw` (what `icp canister top-up` calls): moves cycles from the caller's account to a canister. */
    async function withdraw(caller: Principal, arg: Uint8Array): Promise<BuiltinOutcome> {
        const decoded = decodeArgs([WithdrawArgs], arg);
        if (!decoded.ok) return invalidArgument(id, 'withdraw', decoded.detail);
        const args = decoded.values[0] as WithdrawArgsValue;
        const account = key(caller, args.from_subaccount[0]);
        const balance = balanceOf(account);
        const err = (e: Record<string, unknown>): BuiltinOutcome => replyWith([WithdrawResult], [{ Err: e }]);
        if (balance < args.amount + CYCLES_LEDGER_FEE_CYCLES) return err({ InsufficientFunds: { balance } });
        try {
            await depositCycles(args.to, args.amount);
        } catch (e) {
            return err({ FailedToWithdraw: { fee_block: [], rejection_code: { DestinationInvalid: null }, rejection_reason: (e as Error).message.slice(0, 1000) } });
        }
        setBalance(account, balance - args.amount - CYCLES_LEDGER_FEE_CYCLES);
        return replyWith([WithdrawResult], [{ Ok: nextBlock++ }]);
    }

    return {
        async call({ caller, method, arg, kind }) {
            switch (method) {
                case 'create_canister':
                    return kind === 'update' ? create(caller, arg) : methodNotFound(id, kind, method);
                case 'withdraw':
                    return kind === 'update' ? withdraw(caller, arg) : methodNotFound(id, kind, method);
                case 'icrc1_balance_of': {
                    const decoded = decodeArgs([Account], arg);
                    if (!decoded.ok) return invalidArgument(id, method, decoded.detail);
                    const account = decoded.values[0] as { owner: Principal; subaccount: [] | [Uint8Array] };
                    return replyWith([IDL.Nat], [balanceOf(key(account.owner, account.subaccount[0]))]);
                }
                case 'icrc1_fee':
                    return replyWith([IDL.Nat], [CYCLES_LEDGER_FEE_CYCLES]);
                case 'icrc1_decimals':
                    return replyWith([IDL.Nat8], [12]);
                case 'icrc1_symbol':
                    return replyWith([IDL.Text], ['TCYCLES']);
                case 'icrc1_name':
                    return replyWith([IDL.Text], ['Trillion Cycles']);
                default:
                    return methodNotFound(id, kind, method);
            }
        }
    };
}
