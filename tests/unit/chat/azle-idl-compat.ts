/**
 * Compile-time check (tsc only, no runtime): the IDL factory accepts Azle's re-exported `IDL`, which the
 * canister build uses, as well as @dfinity/candid's.
 */
import type { IDL as AzleIdl } from 'azle';
import { llmCanisterIdl } from '../../../src/shared/chat/llm-canister.idl';

export type AzleLlmIdl = ReturnType<typeof llmCanisterIdl>;
export const checkAzleIdl = (idl: typeof AzleIdl): AzleLlmIdl => llmCanisterIdl(idl);
