import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTinyLlama, type TinyLlamaOptions } from '../../../src/cli/gguf';
import { createLlamaRuntime, type LlamaRuntime } from '../../../src/worker';

export const TINY_MODEL_ID = 'tiny';

/** Writes a generated tiny llama GGUF into a fresh temp dir. */
export async function writeTinyModel(options: TinyLlamaOptions = {}): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'deai-worker-'));
    const path = join(dir, `${TINY_MODEL_ID}.gguf`);
    await writeFile(path, buildTinyLlama({ weightType: 'Q8_0', ...options }));
    return path;
}

/** A real llama.cpp runtime (CPU, 1 thread: the test machine is small and shared). */
export async function tinyLlamaRuntime(parallel = 2): Promise<LlamaRuntime> {
    return createLlamaRuntime({ modelPath: await writeTinyModel(), template: 'chatml', threads: 1, contextSize: 512, parallel, gpu: false });
}
