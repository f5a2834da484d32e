import { basename } from 'node:path';
import { getLlama, getModuleVersion, LlamaCompletion, type LlamaContextSequence, type Llama, type LlamaModel, type LlamaContext } from 'node-llama-cpp';
import { renderPrompt, TEMPLATE_STOP_SEQUENCES, type TemplateFamily } from '../../shared/chat/templates';
import type { ChatRequest, ChatResponse, FinishReason } from '../../shared/chat/types';
import { RuntimeError, type ChatRuntime, type RuntimeInfo } from './runtime.types';
import { Pool } from './sequence-pool';

export interface LlamaRuntimeOptions {
    /** Path of the GGUF file. */
    modelPath: string;
    /** Model id clients must send; default: the file name without `.gguf`. */
    modelId?: string;
    /** Chat template family used to render the prompt (src/shared/chat/templates.ts). */
    template: TemplateFamily;
    /** CPU threads per evaluation; on a shared or small machine 1–2 avoids spin-wait contention. */
    threads: number;
    /** Context window in tokens (shared by all parallel sequences' own windows). */
    contextSize: number;
    /** Generations that run at once (llama.cpp sequences in one context). */
    parallel: number;
    /** 'auto' uses CUDA/Vulkan/Metal where a prebuilt binary and a device exist; false forces CPU. */
    gpu: 'auto' | false;
}

export interface LlamaRuntime extends ChatRuntime {
    /** Number of generations started since load: the tests' proof of "one generation". */
    readonly generations: number;
    readonly gpu: string;
}

const FINISH: Record<string, FinishReason> = {
    eogToken: 'stop',
    stopGenerationTrigger: 'stop',
    customStopTrigger: 'stop',
    maxTokens: 'length'
};

/**
 * Serves a local GGUF model through llama.cpp (node-llama-cpp's prebuilt binaries; never builds or downloads).
 * Each generation renders the canonical messages with a chat template, runs on a free context sequence from
 * a clean state (history cleared), and reports exact token counts.
 */
export async function createLlamaRuntime(o: LlamaRuntimeOptions): Promise<LlamaRuntime> {
    let llama: Llama;
    try {
        llama = await getLlama({ gpu: o.gpu, build: 'never', skipDownload: true, progressLogs: false, logLevel: 'error' as never, maxThreads: o.threads });
    } catch (error) {
        throw new RuntimeError('runtime_failed', `llama.cpp binary could not be loaded (prebuilt only): ${error instanceof Error ? error.message : String(error)}`);
    }
    let model: LlamaModel;
    let context: LlamaContext;
    try {
        model = await llama.loadModel({ modelPath: o.modelPath });
        context = await model.createContext({ contextSize: o.contextSize, sequences: o.parallel, threads: o.threads });
    } catch (error) {
        await llama.dispose();
        throw new RuntimeError('runtime_failed', `cannot load ${o.modelPath}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const sequences: LlamaContextSequence[] = [];
    for (let i = 0; i < o.parallel; i++) sequences.push(context.getSequence());
    const pool = new Pool(sequences);
    const modelId = o.modelId ?? basename(o.modelPath).replace(/\.gguf$/i, '');
    const info: RuntimeInfo = { kind: 'llama.cpp', target: o.modelPath, version: `node-llama-cpp ${await getModuleVersion()}; llama.cpp ${llama.llamaCppRelease.release}`, backend: llama.gpu || 'cpu' };
    const addsBos = model.tokens.bos !== null && model.tokens.shouldPrependBosToken;
    let generations = 0;

    return {
        info,
        gpu: String(llama.gpu),
        get generations() {
            return generations;
        },
        async listModels() {
            return [modelId];
        },
        async chat(request: ChatRequest, signal: AbortSignal): Promise<ChatResponse> {
            // 1. The model asked for must be the one loaded.
            if (request.model !== modelId) throw new RuntimeError('unsupported_request', `model "${request.model}" is not served here; this worker serves "${modelId}"`);
            // 2. Render; llama.cpp adds BOS itself when tokenizing, so the template must not write it.
            const prompt = renderPrompt(o.template, { messages: request.messages, tools: request.tools }, { bos: 'omit', defaultSystemPrompt: null });
            if (!prompt.ok) throw new RuntimeError('unsupported_request', prompt.error.message);
            // Special-token text (e.g. `<|im_start|>`) must become special tokens, so tokenize here, not in LlamaCompletion.
            const promptTokens = model.tokenize(prompt.value, true);
            const inputTokens = promptTokens.length + (addsBos ? 1 : 0);
            const windowTokens = context.contextSize;
            if (inputTokens + request.params.maxTokens > windowTokens) {
                throw new RuntimeError('unsupported_request', `prompt (${inputTokens} tokens) + maxTokens (${request.params.maxTokens}) exceed the context window of ${windowTokens} tokens`);
            }
            // 3. Generate on a clean sequence.
            const sequence = await pool.take();
            generations++;
            // Output tokens from the sequence's token meter (one per sampled token, EOG included): `onToken` misses
            // tokens node-llama-cpp holds back (partial UTF-8, possible stop-trigger prefixes) and drops at maxTokens.
            const meterBefore = sequence.tokenMeter.getState();
            try {
                if (signal.aborted) throw signal.reason;
                const completion = new LlamaCompletion({ contextSequence: sequence, autoDisposeSequence: false });
                const { response, metadata } = await completion.generateCompletionWithMeta(promptTokens, {
                    maxTokens: request.params.maxTokens,
                    temperature: request.params.temperature,
                    topP: request.params.topP,
                    seed: request.params.seed,
                    customStopTriggers: [...TEMPLATE_STOP_SEQUENCES[o.template], ...(request.params.stop ?? [])],
                    signal
                });
                if (metadata.stopReason === 'abort') throw signal.reason;
                return {
                    message: { role: 'assistant', content: response, toolCalls: [] },
                    finishReason: FINISH[metadata.stopReason] ?? 'unknown',
                    usage: { inputTokens, outputTokens: sequence.tokenMeter.diff(meterBefore).usedOutputTokens }
                };
            } catch (error) {
                if (signal.aborted) throw signal.reason;
                if (error instanceof RuntimeError) throw error;
                throw new RuntimeError('runtime_failed', `llama.cpp generation failed: ${error instanceof Error ? error.message : String(error)}`);
            } finally {
                await sequence.clearHistory().catch(() => {});
                pool.give(sequence);
            }
        },
        async close() {
            await context.dispose();
            await model.dispose();
            await llama.dispose();
        }
    };
}
