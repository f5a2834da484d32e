/**
 * The canonical chat model: one provider-neutral shape that every wire format translates to and from
 * (docs/chat-formats.md). Translators live beside this file, one per wire format.
 */
import type { JsonValue } from './json-value';

export type ChatRole = 'system' | 'user' | 'assistant' | 'tool';

export interface SystemMessage {
  readonly role: 'system';
  readonly content: string;
}

export interface UserMessage {
  readonly role: 'user';
  readonly content: string;
}

/** A function call the model asked for. `arguments` is always a JSON object, never a JSON string. */
export interface ToolCall {
  readonly id: string;
  readonly name: string;
  readonly arguments: Readonly<Record<string, JsonValue>>;
}

/** `content` is null only when the turn is nothing but tool calls. */
export interface AssistantMessage {
  readonly role: 'assistant';
  readonly content: string | null;
  readonly toolCalls: readonly ToolCall[];
}

/** The result of running the tool call `toolCallId`, as text (often JSON text). */
export interface ToolMessage {
  readonly role: 'tool';
  readonly toolCallId: string;
  readonly content: string;
}

export type ChatMessage = SystemMessage | UserMessage | AssistantMessage | ToolMessage;

/** Scalar JSON-schema types a tool parameter may have; an enum is a `string` with `enum` values. */
export type ToolPropertyType = 'string' | 'number' | 'integer' | 'boolean';
export const TOOL_PROPERTY_TYPES: readonly ToolPropertyType[] = ['string', 'number', 'integer', 'boolean'];

export interface ToolProperty {
  readonly type: ToolPropertyType;
  readonly description?: string;
  /** Allowed values; only with `type: 'string'`. */
  readonly enum?: readonly string[];
}

/** A JSON-schema-like object schema: flat, scalar properties only (what every target format can carry). */
export interface ToolParameters {
  readonly type: 'object';
  readonly properties: Readonly<Record<string, ToolProperty>>;
  readonly required: readonly string[];
}

export interface ToolDefinition {
  readonly name: string;
  readonly description?: string;
  readonly parameters: ToolParameters;
}

/** Sampling settings. Absent optional fields mean "the server's default". */
export interface GenerationParams {
  readonly maxTokens: number;
  readonly temperature?: number;
  readonly topP?: number;
  readonly stop?: readonly string[];
  readonly seed?: number;
}

export interface ChatRequest {
  readonly model: string;
  readonly messages: readonly ChatMessage[];
  readonly tools?: readonly ToolDefinition[];
  readonly params: GenerationParams;
}

/** `unknown` when the server did not say (the LLM canister never does) or said something unmapped. */
export type FinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'unknown';
export const FINISH_REASONS: readonly FinishReason[] = ['stop', 'length', 'tool_calls', 'content_filter', 'unknown'];

export interface TokenUsage {
  readonly inputTokens: number;
  readonly outputTokens: number;
}

export interface ChatResponse {
  readonly message: AssistantMessage;
  readonly finishReason: FinishReason;
  readonly usage: TokenUsage | null;
}

/**
 * Stable error codes (style.md §10.6):
 * - `invalid_json`: the body is not JSON at all;
 * - `missing_field` / `wrong_type` / `invalid_value`: the JSON does not have the expected shape;
 * - `limit_exceeded`: a bound from chat-limits.constants.ts (or a target's documented limit) is broken;
 * - `unsupported`: valid canonical input that the target format cannot express;
 * - `upstream_error`: the server answered with its own error object.
 */
export type ChatErrorCode =
  | 'invalid_json'
  | 'missing_field'
  | 'wrong_type'
  | 'invalid_value'
  | 'limit_exceeded'
  | 'unsupported'
  | 'upstream_error';

export interface ChatError {
  readonly code: ChatErrorCode;
  /** Where in the input, as a JSONPath-like string (`$.choices[0].message`). */
  readonly path: string;
  readonly message: string;
  /** For `limit_exceeded`: the limit's constant name, its maximum and the value found. */
  readonly limit?: { readonly name: string; readonly max: number; readonly actual: number };
}
