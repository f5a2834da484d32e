/** Candid types of the cycles ledger methods the devnet serves (dfinity/cycles-ledger `cycles-ledger.did`, trimmed). */
import { IDL } from '@dfinity/candid';

const Visibility = IDL.Variant({ controllers: IDL.Null, public: IDL.Null, allowed_viewers: IDL.Vec(IDL.Principal) });

/** canister_settings of ic.did; every field optional, so older and newer clients both decode. */
export const CanisterSettings = IDL.Record({
    controllers: IDL.Opt(IDL.Vec(IDL.Principal)),
    compute_allocation: IDL.Opt(IDL.Nat),
    memory_allocation: IDL.Opt(IDL.Nat),
    freezing_threshold: IDL.Opt(IDL.Nat),
    reserved_cycles_limit: IDL.Opt(IDL.Nat),
    log_visibility: IDL.Opt(Visibility),
    wasm_memory_limit: IDL.Opt(IDL.Nat),
    wasm_memory_threshold: IDL.Opt(IDL.Nat)
});

const SubnetSelection = IDL.Variant({
    Filter: IDL.Record({ subnet_type: IDL.Opt(IDL.Text) }),
    Subnet: IDL.Record({ subnet: IDL.Principal })
});

export const CreateCanisterArgs = IDL.Record({
    from_subaccount: IDL.Opt(IDL.Vec(IDL.Nat8)),
    created_at_time: IDL.Opt(IDL.Nat64),
    amount: IDL.Nat,
    creation_args: IDL.Opt(IDL.Record({ subnet_selection: IDL.Opt(SubnetSelection), settings: IDL.Opt(CanisterSettings) }))
});

export const CreateCanisterError = IDL.Variant({
    GenericError: IDL.Record({ message: IDL.Text, error_code: IDL.Nat }),
    TemporarilyUnavailable: IDL.Null,
    Duplicate: IDL.Record({ duplicate_of: IDL.Nat, canister_id: IDL.Opt(IDL.Principal) }),
    CreatedInFuture: IDL.Record({ ledger_time: IDL.Nat64 }),
    FailedToCreate: IDL.Record({ error: IDL.Text, refund_block: IDL.Opt(IDL.Nat), fee_block: IDL.Opt(IDL.Nat) }),
    TooOld: IDL.Null,
    InsufficientFunds: IDL.Record({ balance: IDL.Nat })
});

export const CreateCanisterResult = IDL.Variant({
    Ok: IDL.Record({ block_id: IDL.Nat, canister_id: IDL.Principal }),
    Err: CreateCanisterError
});

export const Account = IDL.Record({ owner: IDL.Principal, subaccount: IDL.Opt(IDL.Vec(IDL.Nat8)) });

export interface CreateCanisterArgsValue {
    from_subaccount: [] | [Uint8Array | number[]];
    created_at_time: [] | [bigint];
    amount: bigint;
    creation_args: [] | [{ subnet_selection: [] | [unknown]; settings: [] | [CanisterSettingsValue] }];
}

export interface CanisterSettingsValue {
    controllers: [] | [import('@dfinity/principal').Principal[]];
    [key: string]: unknown;
}

export const WithdrawArgs = IDL.Record({
    amount: IDL.Nat,
    from_subaccount: IDL.Opt(IDL.Vec(IDL.Nat8)),
    to: IDL.Principal,
    created_at_time: IDL.Opt(IDL.Nat64)
});

const RejectionCode = IDL.Variant({
    NoError: IDL.Null,
    CanisterError: IDL.Null,
    SysTransient: IDL.Null,
    DestinationInvalid: IDL.Null,
    Unknown: IDL.Null,
    SysFatal: IDL.Null,
    CanisterReject: IDL.Null
});

export const WithdrawResult = IDL.Variant({
    Ok: IDL.Nat,
    Err: IDL.Variant({
        GenericError: IDL.Record({ message: IDL.Text, error_code: IDL.Nat }),
        TemporarilyUnavailable: IDL.Null,
        FailedToWithdraw: IDL.Record({ fee_block: IDL.Opt(IDL.Nat), rejection_code: RejectionCode, rejection_reason: IDL.Text }),
        Duplicate: IDL.Record({ duplicate_of: IDL.Nat }),
        BadFee: IDL.Record({ expected_fee: IDL.Nat }),
        InvalidReceiver: IDL.Record({ receiver: IDL.Principal }),
        CreatedInFuture: IDL.Record({ ledger_time: IDL.Nat64 }),
        TooOld: IDL.Null,
        InsufficientFunds: IDL.Record({ balance: IDL.Nat })
    })
});

export interface WithdrawArgsValue {
    amount: bigint;
    from_subaccount: [] | [Uint8Array | number[]];
    to: import('@dfinity/principal').Principal;
    created_at_time: [] | [bigint];
}
