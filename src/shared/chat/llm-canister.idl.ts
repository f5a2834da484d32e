/**
 * Candid IDL of the LLM canister's `v1_chat`, written from src/shared/chat/llm.did (a copy of DFINITY's llm.did) (Azle has no maintained
 * client for it: azle.md §5.3, §5.7). A factory over the IDL object, so the canister passes `IDL` from 'azle'
 * (which re-exports @dfinity/candid 3.4.3) and Node passes `IDL` from '@dfinity/candid'; only a type is
 * imported here, so the canister bundle does not pull in a second candid copy.
 *
 * @example
 *   import { IDL } from 'azle';
 *   const { ChatRequestV1, ChatResponseV1 } = llmCanisterIdl(IDL);
 *   await call(llmId, 'v1_chat', { paramIdlTypes: [ChatRequestV1], returnIdlType: ChatResponseV1, args: [wire] });
 */
import type { IDL as CandidIdl } from '@dfinity/candid';

export type IdlNamespace = typeof CandidIdl;

/** The principal of DFINITY's LLM canister on mainnet (outcalls.md §2). */
export const LLM_CANISTER_ID = 'w36hm-eqaaa-aaaal-qr76a-cai';

// Return type inferred on purpose: the record of IDL types is the API.
export function llmCanisterIdl(IDL: IdlNamespace) {
  const ToolCallArgument = IDL.Record({ value: IDL.Text, name: IDL.Text });
  const AssistantMessage = IDL.Record({
    content: IDL.Opt(IDL.Text),
    tool_calls: IDL.Vec(IDL.Record({
      id: IDL.Text,
      function: IDL.Record({ name: IDL.Text, arguments: IDL.Vec(ToolCallArgument) }),
    })),
  });
  const ChatMessageV1 = IDL.Variant({
    tool: IDL.Record({ content: IDL.Text, tool_call_id: IDL.Text }),
    user: IDL.Record({ content: IDL.Text }),
    assistant: AssistantMessage,
    system: IDL.Record({ content: IDL.Text }),
  });
  const Property = IDL.Record({
    enum: IDL.Opt(IDL.Vec(IDL.Text)),
    name: IDL.Text,
    type: IDL.Text,
    description: IDL.Opt(IDL.Text),
  });
  const Parameters = IDL.Record({
    type: IDL.Text,
    properties: IDL.Opt(IDL.Vec(Property)),
    required: IDL.Opt(IDL.Vec(IDL.Text)),
  });
  const Tool = IDL.Variant({
    function: IDL.Record({ name: IDL.Text, parameters: IDL.Opt(Parameters), description: IDL.Opt(IDL.Text) }),
  });
  const ChatRequestV1 = IDL.Record({ model: IDL.Text, tools: IDL.Opt(IDL.Vec(Tool)), messages: IDL.Vec(ChatMessageV1) });
  const ChatResponseV1 = IDL.Record({ message: AssistantMessage });
  const ChatMessageV0 = IDL.Record({
    content: IDL.Text,
    role: IDL.Variant({ user: IDL.Null, assistant: IDL.Null, system: IDL.Null }),
  });
  const ChatRequestV0 = IDL.Record({ model: IDL.Text, messages: IDL.Vec(ChatMessageV0) });
  const Service = IDL.Service({
    v0_chat: IDL.Func([ChatRequestV0], [IDL.Text], []),
    v1_chat: IDL.Func([ChatRequestV1], [ChatResponseV1], []),
  });
  return {
    ToolCallArgument, AssistantMessage, ChatMessageV1, Property, Parameters, Tool,
    ChatRequestV1, ChatResponseV1, ChatMessageV0, ChatRequestV0, Service,
  };
}

/** `idlFactory` in the shape @dfinity/agent's `Actor.createActor` expects. */
export const llmCanisterIdlFactory = ({ IDL }: { IDL: IdlNamespace }): ReturnType<IdlNamespace['Service']> => llmCanisterIdl(IDL).Service;
