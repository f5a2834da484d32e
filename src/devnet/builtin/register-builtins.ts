/** Registers the built-in system canisters (CMC, cycles ledger) on a devnet, if not yet registered. */
import type { Principal } from '@dfinity/principal';
import type { Devnet } from '../index.js';
import { CMC_ID, CYCLES_LEDGER_ID } from './builtin-ids.js';
import { createCmc } from './cmc.js';
import { createCyclesLedger } from './cycles-ledger.js';

export function registerBuiltins(devnet: Devnet, { subnetId }: { subnetId: Principal }): void {
    if (!devnet.engine.builtins.has(CMC_ID.toText())) devnet.registerBuiltinCanister(CMC_ID, createCmc({ subnetId }));
    if (!devnet.engine.builtins.has(CYCLES_LEDGER_ID.toText())) {
        devnet.registerBuiltinCanister(
            CYCLES_LEDGER_ID,
            createCyclesLedger({ createCanister: ({ controllers, cycles, settings: _settings }) => devnet.createCanister({ controllers, cycles, sender: controllers[0] }) })
        );
    }
}
