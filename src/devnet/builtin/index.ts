/** Built-in system canisters of the devnet (what icp-cli needs to deploy, ic-interface notes §3.4). */
export { CMC_ID, CYCLES_LEDGER_ID } from './builtin-ids.js';
export { createCmc } from './cmc.js';
export { createCyclesLedger, DEV_ACCOUNT_BALANCE_CYCLES, CYCLES_LEDGER_FEE_CYCLES } from './cycles-ledger.js';
export { registerBuiltins } from './register-builtins.js';
