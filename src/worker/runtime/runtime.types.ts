import type { ChatRequest, ChatResponse } from '../../shared/chat/types';

/** What /health reports about the runtime behind the gateway. */
export interface RuntimeInfo {
    kind: 'openai' | 'ollama' | 'llama.cpp';
    /** Upstream base URL (openai/ollama) or GGUF path (llama.cpp). */
    target: string;
    /** Runtime version where known (node-llama-cpp / llama.cpp release). */
    version: string | null;
    /** Embedded llama.cpp only: the compute backend in use ("cuda", "vulkan", "metal" or "cpu"). */
    backend?: string;
}

/**
 * A chat backend. `chat` throws RuntimeError for every failure it can classify, and rethrows `signal.reason`
 * when aborted (the timeout middleware's 504).
 */
export interface ChatRuntime {
    readonly info: RuntimeInfo;
    listModels(signal?: AbortSignal): Promise<string[]>;
    chat(request: ChatRequest, signal: AbortSignal): Promise<ChatResponse>;
    close(): Promise<void>;
}

export type RuntimeErrorCode = 'upstream_unreachable' | 'upstream_bad_response' | 'upstream_error' | 'unsupported_request' | 'runtime_failed';

/** HTTP status the gateway answers for each runtime failure (docs/worker-protocol.md §4). */
export const RUNTIME_ERROR_STATUS: Readonly<Record<RuntimeErrorCode, number>> = {
    upstream_unreachable: 502,
    upstream_bad_response: 502,
    upstream_error: 502,
    unsupported_request: 400,
    runtime_failed: 500
};

export class RuntimeError extends Error {
    override name = 'RuntimeError';
    constructor(readonly code: RuntimeErrorCode, message: string) {
        super(message);
    }
}
