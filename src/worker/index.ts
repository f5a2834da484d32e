export { createWorkerApp, type WorkerApp, type WorkerAppOptions } from './app/create-app';
export type { WorkerRequest, WorkerResponse, Clock, Logger } from './app/types';
export { serveWorker, type RunningWorker } from './node/serve';
export { openAiRuntime } from './runtime/openai-runtime';
export { ollamaRuntime } from './runtime/ollama-runtime';
export { createLlamaRuntime, type LlamaRuntime, type LlamaRuntimeOptions } from './runtime/llama-runtime';
export { RuntimeError, type ChatRuntime, type RuntimeInfo } from './runtime/runtime.types';
export { WORKER_LIMITS } from './worker-limits.constants';
export { parseWorkerArgs, type WorkerConfig } from './cli/worker-args';
