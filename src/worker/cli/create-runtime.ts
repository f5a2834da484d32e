import { availableParallelism } from 'node:os';
import { createLlamaRuntime } from '../runtime/llama-runtime';
import { ollamaRuntime } from '../runtime/ollama-runtime';
import { openAiRuntime } from '../runtime/openai-runtime';
import type { ChatRuntime } from '../runtime/runtime.types';
import type { FetchFn } from '../runtime/upstream-http';
import { WORKER_LIMITS } from '../worker-limits.constants';
import type { RuntimeConfig } from './worker-args';

/** Builds the runtime a config names; the GGUF runtime loads its model before returning. */
export async function createRuntime(config: RuntimeConfig, fetchFn: FetchFn = fetch): Promise<ChatRuntime> {
    if (config.kind === 'http') {
        const o = { upstream: config.upstream, fetch: fetchFn, apiKey: config.apiKey, maxResponseBytes: WORKER_LIMITS.MAX_UPSTREAM_RESPONSE_BYTES };
        return config.format === 'ollama' ? ollamaRuntime(o) : openAiRuntime(o);
    }
    return createLlamaRuntime({
        modelPath: config.path,
        modelId: config.modelId,
        template: config.template,
        contextSize: config.contextSize,
        parallel: config.parallel,
        threads: config.threads ?? availableParallelism(),
        gpu: config.gpu
    });
}
