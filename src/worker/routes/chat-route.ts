import { normalizedJson } from '../../shared/chat/normalize';
import { ok } from '../../shared/result';
import { validateChatRequest } from '../../shared/chat/validate';
import type { ChatResponse } from '../../shared/chat/types';
import { WorkerHttpError } from '../app/http-error';
import { jsonText } from '../app/json-response';
import type { Clock, WorkerContext } from '../app/types';
import type { WorkerMetrics } from '../metrics/worker-metrics';
import { RUNTIME_ERROR_STATUS, RuntimeError, type ChatRuntime } from '../runtime/runtime.types';

/**
 * POST /v1/chat (docs/worker-protocol.md §1): canonical ChatRequest in, the normalized response JSON of
 * src/shared/chat/normalize.ts out, so the same answer is always the same bytes and the router's transform
 * can read it with `parseNormalizedResponse`.
 */
export function chatRoute({ runtime, metrics, clock }: { runtime: ChatRuntime; metrics: WorkerMetrics; clock: Clock }) {
    return async function chatHandler(ctx: WorkerContext): Promise<void> {
        // 1. Parse and validate against the canonical model's bounds.
        let value: unknown;
        try {
            value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(ctx.body));
        } catch {
            throw new WorkerHttpError(400, 'invalid_json', 'request body is not UTF-8 JSON');
        }
        const request = validateChatRequest(value);
        if (!request.ok) throw new WorkerHttpError(400, request.error.code, `${request.error.path}: ${request.error.message}`);
        // 2. One upstream generation.
        const start = clock.nowMs();
        let response: ChatResponse;
        try {
            response = await runtime.chat(request.value, ctx.signal ?? new AbortController().signal);
        } catch (error) {
            const code = error instanceof RuntimeError ? error.code : error instanceof WorkerHttpError ? error.code : 'runtime_failed';
            metrics.generations.inc({ outcome: code });
            if (error instanceof RuntimeError) throw new WorkerHttpError(RUNTIME_ERROR_STATUS[error.code], error.code, error.message);
            throw error;
        }
        metrics.generations.inc({ outcome: 'ok' });
        metrics.generationSeconds.observe((clock.nowMs() - start) / 1000);
        if (response.usage) {
            metrics.tokens.inc({ kind: 'input' }, response.usage.inputTokens);
            metrics.tokens.inc({ kind: 'output' }, response.usage.outputTokens);
        }
        // 3. Deterministic bytes.
        ctx.res = jsonText(200, normalizedJson(ok(response)));
    };
}
