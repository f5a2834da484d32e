/** Fixed ids of the system canisters the icp CLI talks to (ic-interface notes §3.4). */
import { Principal } from '@dfinity/principal';

/** Cycles minting canister, `00000000000000040101`. */
export const CMC_ID = Principal.fromText('rkp4c-7iaaa-aaaaa-aaaca-cai');
/** Cycles ledger, `00000000021000020101`. */
export const CYCLES_LEDGER_ID = Principal.fromText('um5iw-rqaaa-aaaaq-qaaba-cai');
