/**
 * Wire types of DFINITY's LLM canister `v1_chat`, as @dfinity/candid represents values of
 * src/shared/chat/llm.did: `opt T` is `[] | [T]`, variants are single-key objects.
 */

export type Opt<T> = [] | [T];

export interface LlmToolCallArgument {
  value: string;
  name: string;
}

export interface LlmToolCall {
  id: string;
  function: { name: string; arguments: LlmToolCallArgument[] };
}

export interface LlmAssistantMessage {
  content: Opt<string>;
  tool_calls: LlmToolCall[];
}

export type LlmChatMessageV1 =
  | { tool: { content: string; tool_call_id: string } }
  | { user: { content: string } }
  | { assistant: LlmAssistantMessage }
  | { system: { content: string } };

export interface LlmProperty {
  enum: Opt<string[]>;
  name: string;
  type: string;
  description: Opt<string>;
}

export interface LlmParameters {
  type: string;
  properties: Opt<LlmProperty[]>;
  required: Opt<string[]>;
}

export type LlmTool = { function: { name: string; parameters: Opt<LlmParameters>; description: Opt<string> } };

export interface LlmChatRequestV1 {
  model: string;
  tools: Opt<LlmTool[]>;
  messages: LlmChatMessageV1[];
}

export interface LlmChatResponseV1 {
  message: LlmAssistantMessage;
}
