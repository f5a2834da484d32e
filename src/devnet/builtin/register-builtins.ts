/** Registers the built-in system canisters (CMC, cycles ledger) on a devnet, if not yet registered. */
import { IDL } from '@dfinity/candid';
import type { Principal } from '@dfinity/principal';
import type { Devnet } from '../index.js';
import { CMC_ID, CYCLES_LEDGER_ID } from './builtin-ids.js';
import { createCmc } from './cmc.js';
import { createCyclesLedger } from './cycles-ledger.js';

const TopUpArgs = IDL.Record({ canister_id: IDL.Principal, amount: IDL.Nat });

export function registerBuiltins(devnet: Devnet, { subnetId }: { subnetId: Principal }): void {
    if (!devnet.engine.builtins.has(CMC_ID.toText())) devnet.registerBuiltinCanister(CMC_ID, createCmc({ subnetId }));
    if (devnet.engine.builtins.has(CYCLES_LEDGER_ID.toText())) return;
    const ledger = createCyclesLedger({
        // Other creation settings (compute allocation, ...) are left at their defaults; icp-cli sets them afterwards with update_settings.
        createCanister: ({ controllers, cycles }) => devnet.createCanister({ controllers, cycles, sender: controllers[0] }),
        depositCycles: async (canisterId, cycles) => {
            // provisional_top_up_canister: anyone may call it on development instances (management-canister.md).
            const arg = new Uint8Array(IDL.encode([TopUpArgs], [{ canister_id: canisterId, amount: cycles }]));
            const outcome = await devnet.management.fromIngress(CYCLES_LEDGER_ID, 'provisional_top_up_canister', arg);
            if (outcome.kind === 'rejected') throw new Error(outcome.rejectMessage);
        }
    });
    devnet.registerBuiltinCanister(CYCLES_LEDGER_ID, ledger);
}
