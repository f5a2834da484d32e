/** Validation of a worker registration (pure): every text, list and number bounded; clear typed errors. */
import { err, ok, type Result } from '../result';
import { invalid, type RouterError } from './router-error';
import { ROUTER_LIMITS as L } from './router.constants';
import { API_FORMATS, WORKER_MODES, type WorkerModel, type WorkerRegistration } from './router.types';

const NAME = /^[\x21-\x7e]{1,128}$/;
const ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const LOOPBACK = /^http:\/\/(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\])(:\d{1,5})?(\/|$)/;

/** `https://host[:port][/path]` without query, fragment, credentials or whitespace; http only to loopback when allowed (local networks). */
export function checkUrl(url: string, allowHttpLoopback: boolean): RouterError | null {
    if (url.length === 0 || url.length > L.MAX_URL_CHARS) return invalid('url', `1‥${L.MAX_URL_CHARS} characters`);
    if (!/^[\x21-\x7e]+$/.test(url)) return invalid('url', 'printable ASCII without spaces');
    if (/[?#@]/.test(url)) return invalid('url', 'no query, fragment or credentials');
    if (/^https:\/\/[a-z0-9.-]+(:\d{1,5})?(\/|$)/i.test(url)) return null;
    if (allowHttpLoopback && LOOPBACK.test(url)) return null;
    return invalid('url', allowHttpLoopback ? 'must be https:// (or http:// to a loopback address)' : 'must be https://');
}

function checkModel(m: WorkerModel, i: number): RouterError | null {
    const f = `models[${i}]`;
    if (!NAME.test(m.name)) return invalid(`${f}.name`, '1‥128 printable ASCII characters');
    if (m.variant_id !== null && !ID.test(m.variant_id)) return invalid(`${f}.variant_id`, 'a registry id (lower-case slug, ≤ 64 characters)');
    if (!Number.isSafeInteger(m.context_tokens) || m.context_tokens < 1 || m.context_tokens > L.MAX_CONTEXT_TOKENS) {
        return invalid(`${f}.context_tokens`, `an integer in 1‥${L.MAX_CONTEXT_TOKENS}`);
    }
    return null;
}

function checkPrice(v: number, field: string): RouterError | null {
    return Number.isFinite(v) && v >= 0 && v <= L.MAX_PRICE_USD_PER_MTOK ? null : invalid(field, `USD per 1M tokens in 0‥${L.MAX_PRICE_USD_PER_MTOK}`);
}

export function validateRegistration(r: WorkerRegistration, allowHttpLoopback: boolean): Result<WorkerRegistration, RouterError> {
    const e =
        checkUrl(r.url, allowHttpLoopback) ??
        (API_FORMATS.includes(r.api_format) ? null : invalid('api_format', API_FORMATS.join(', '))) ??
        (WORKER_MODES.includes(r.mode) ? null : invalid('mode', WORKER_MODES.join(', '))) ??
        (r.models.length >= 1 && r.models.length <= L.MAX_MODELS_PER_WORKER ? null : invalid('models', `1‥${L.MAX_MODELS_PER_WORKER} models`)) ??
        r.models.map(checkModel).find((x) => x !== null) ??
        (new Set(r.models.map((m) => m.name)).size === r.models.length ? null : invalid('models', 'model names must be unique')) ??
        (r.hardware_id === null || ID.test(r.hardware_id) ? null : invalid('hardware_id', 'a registry id')) ??
        (r.runtime_id === null || ID.test(r.runtime_id) ? null : invalid('runtime_id', 'a registry id')) ??
        checkPrice(r.price_input_usd_per_mtok, 'price_input_usd_per_mtok') ??
        checkPrice(r.price_output_usd_per_mtok, 'price_output_usd_per_mtok');
    if (e) return err(e);
    return ok({ ...r, url: r.url.replace(/\/+$/, '') });
}
