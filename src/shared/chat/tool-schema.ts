/** Canonical tool definitions as JSON schema: the `parameters` object OpenAI, Ollama and Anthropic all take. */
import type { ToolDefinition } from './types';

export interface JsonSchemaProperty {
  type: string;
  description?: string;
  enum?: string[];
}

export interface JsonSchemaObject {
  type: 'object';
  properties: Record<string, JsonSchemaProperty>;
  required: string[];
}

/** Key order is fixed (type, description, enum; type, properties, required) so golden files are stable. */
export function toJsonSchema(parameters: ToolDefinition['parameters']): JsonSchemaObject {
  const properties: Record<string, JsonSchemaProperty> = {};
  for (const [name, p] of Object.entries(parameters.properties)) {
    const out: JsonSchemaProperty = { type: p.type };
    if (p.description !== undefined) out.description = p.description;
    if (p.enum !== undefined) out.enum = [...p.enum];
    properties[name] = out;
  }
  return { type: 'object', properties, required: [...parameters.required] };
}

/** OpenAI's `{ type: "function", function: {...} }` tool, also used by Ollama and by chat templates. */
export interface FunctionTool {
  type: 'function';
  function: { name: string; description?: string; parameters: JsonSchemaObject };
}

export function toFunctionTool(t: ToolDefinition): FunctionTool {
  const fn: FunctionTool['function'] = t.description === undefined
    ? { name: t.name, parameters: toJsonSchema(t.parameters) }
    : { name: t.name, description: t.description, parameters: toJsonSchema(t.parameters) };
  return { type: 'function', function: fn };
}
