/**
 * The agent's tools: read-only registry lookups executed inside the canister. Every tool returns bounded
 * JSON text and the records it used, so the final answer can cite them.
 */
import type { JsonValue } from '../../../src/shared/chat/json-value';
import type { ToolDefinition } from '../../../src/shared/chat/types';
import { compareHardware } from '../../../src/shared/registry/compare';
import { computeFit } from '../../../src/shared/registry/fit';
import { purchasePriceUsd } from '../../../src/shared/registry/index-definitions';
import { recommendHardwareForModel } from '../../../src/shared/registry/recommend-hardware';
import type { Hardware, Model, RegistryError } from '../../../src/shared/registry/types';
import { hardwareFilter } from '../registry/filters';
import { search } from '../registry/registry.service';
import { hardware, models } from '../storage/stores';

export interface Citation {
    readonly kind: 'hardware' | 'model' | 'runtime' | 'variant';
    readonly id: string;
    readonly name: string;
}

export interface ToolOutcome {
    readonly ok: boolean;
    readonly content: string;
    readonly citations: readonly Citation[];
}

/** Tool results are cut to this many characters (they go back into the prompt). */
export const MAX_TOOL_RESULT_CHARS = 3_000;
const MAX_LIST = 8;
const MAX_HARDWARE_SCAN = 500;

const str = (description: string) => ({ type: 'string' as const, description });
const num = (description: string) => ({ type: 'number' as const, description });

export const AGENT_TOOLS: readonly ToolDefinition[] = [
    { name: 'search_registry', description: 'Find hardware, runtimes and models by name words; returns kind, id, name.', parameters: { type: 'object', properties: { query: str('words such as "qwen2.5 14b" or "rtx 4090"') }, required: ['query'] } },
    { name: 'get_model', description: 'A model with its variants (quantizations, file sizes) and context length.', parameters: { type: 'object', properties: { id: str('model id') }, required: ['id'] } },
    { name: 'search_hardware', description: 'Hardware filtered by purchase price (USD) and memory (GB), cheapest first.', parameters: { type: 'object', properties: { max_price_usd: num('upper price bound'), min_memory_gb: num('lower memory bound'), vendor: str('vendor name') }, required: [] } },
    { name: 'fit', description: 'Whether a model variant fits a hardware device at a context length, with memory breakdown.', parameters: { type: 'object', properties: { model_id: str('model id'), variant_id: str('variant id'), hardware_id: str('hardware id'), context_tokens: num('context length in tokens') }, required: ['model_id', 'variant_id', 'hardware_id'] } },
    { name: 'recommend_hardware', description: 'Hardware that runs a model variant at a context, under a price, best value first.', parameters: { type: 'object', properties: { model_id: str('model id'), variant_id: str('variant id'), context_tokens: num('context length in tokens'), max_price_usd: num('price bound for all devices') }, required: ['model_id', 'variant_id'] } },
    { name: 'compare_hardware', description: 'Side-by-side specs of 2-4 hardware ids.', parameters: { type: 'object', properties: { ids: str('comma-separated hardware ids') }, required: ['ids'] } }
];

const text = (v: JsonValue | undefined): string | null => (typeof v === 'string' ? v.slice(0, 256) : null);
const number = (v: JsonValue | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null);
const hwCite = (h: Hardware): Citation => ({ kind: 'hardware', id: h.id, name: h.name });
const fail = (e: RegistryError | string): ToolOutcome => ({ ok: false, content: JSON.stringify({ error: typeof e === 'string' ? e : e }), citations: [] });
const done = (value: unknown, citations: Citation[]): ToolOutcome => ({ ok: true, content: JSON.stringify(value).slice(0, MAX_TOOL_RESULT_CHARS), citations });

function modelVariant(modelId: string | null, variantId: string | null): { model: Model; variant: Model['variants'][number] } | string {
    const model = modelId === null ? undefined : models.get(modelId);
    if (model === undefined) return `no model "${modelId}"; use search_registry`;
    const variant = model.variants.find((v) => v.id === variantId);
    if (variant === undefined) return `model ${model.id} has no variant "${variantId}"; variants: ${model.variants.map((v) => v.id).join(', ')}`;
    return { model, variant };
}

function allHardware(): Hardware[] {
    const page = hardware.list({ sort: 'id', direction: 'asc', cursor: null, limit: MAX_HARDWARE_SCAN, filter: () => true });
    return page.ok ? page.items : [];
}

export function executeTool(name: string, args: Readonly<Record<string, JsonValue>>): ToolOutcome {
    switch (name) {
        case 'search_registry': {
            const r = search(text(args['query']) ?? '', MAX_LIST);
            return r.ok ? done(r.value, r.value.map((h) => ({ kind: h.kind, id: h.id, name: h.name }))) : fail(r.error);
        }
        case 'get_model': {
            const m = models.get(text(args['id']) ?? '');
            if (m === undefined) return fail(`no model "${text(args['id'])}"; use search_registry`);
            const variants = m.variants.map((v) => ({ id: v.id, quant: v.quant_label, bits_per_weight: v.bits_per_weight, file_size_bytes: v.file_size_bytes }));
            return done({ id: m.id, name: m.name, params_total_b: m.params_total_b, context_length: m.context_length, variants }, [{ kind: 'model', id: m.id, name: m.name }]);
        }
        case 'search_hardware': {
            const keep = hardwareFilter({ kind: null, vendor: text(args['vendor']), availability: null, min_memory_gb: number(args['min_memory_gb']), max_price_usd: number(args['max_price_usd']), max_tdp_w: null });
            const found = allHardware().filter(keep).sort((a, b) => (purchasePriceUsd(a) ?? Infinity) - (purchasePriceUsd(b) ?? Infinity)).slice(0, MAX_LIST);
            return done(found.map((h) => ({ id: h.id, name: h.name, memory_gb: h.memory_gb, price_usd: purchasePriceUsd(h), bandwidth_gb_s: h.memory_bandwidth_gb_s })), found.map(hwCite));
        }
        case 'fit': {
            const mv = modelVariant(text(args['model_id']), text(args['variant_id']));
            if (typeof mv === 'string') return fail(mv);
            const hwId = text(args['hardware_id']) ?? '';
            const r = computeFit({ ...mv, target: { kind: 'hardware', hardware_id: hwId }, context_tokens: number(args['context_tokens']), batch: 1, kv_dtype: 'f16' }, (id) => hardware.get(id) ?? null);
            if (!r.ok) return fail(r.error);
            const h = hardware.get(hwId);
            const { breakdown: _b, ...summary } = r.value;
            return done(summary, [{ kind: 'model', id: mv.model.id, name: mv.model.name }, { kind: 'variant', id: mv.variant.id, name: mv.variant.quant_label ?? mv.variant.id }, ...(h ? [hwCite(h)] : [])]);
        }
        case 'recommend_hardware': {
            const mv = modelVariant(text(args['model_id']), text(args['variant_id']));
            if (typeof mv === 'string') return fail(mv);
            const r = recommendHardwareForModel({ ...mv, hardware: allHardware(), context_tokens: number(args['context_tokens']), batch: 1, kv_dtype: 'f16', currency: 'USD', max_price: number(args['max_price_usd']), max_tdp_w: null, max_devices: 1, limit: MAX_LIST });
            if (!r.ok) return fail(r.error);
            const ranked = r.value.ranked.map((x) => ({ rank: x.rank, hardware_id: x.hardware_id, total_price: x.total_price, decode_tokens_per_s_upper_bound: x.decode_tokens_per_s_upper_bound }));
            const cites = r.value.ranked.map((x) => hardware.get(x.hardware_id)).filter((h): h is Hardware => h !== undefined).map(hwCite);
            return done({ ranked, criteria: r.value.criteria }, [{ kind: 'model', id: mv.model.id, name: mv.model.name }, { kind: 'variant', id: mv.variant.id, name: mv.variant.quant_label ?? mv.variant.id }, ...cites]);
        }
        case 'compare_hardware': {
            const ids = (text(args['ids']) ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '').slice(0, 4);
            const items = ids.map((id) => hardware.get(id)).filter((h): h is Hardware => h !== undefined);
            if (items.length !== ids.length || items.length < 2) return fail(`need 2-4 known hardware ids; got ${ids.join(', ')}`);
            const r = compareHardware(items, ids, { kinds: ['street', 'msrp'], currency: 'USD' });
            return r.ok ? done(r.value, items.map(hwCite)) : fail(r.error);
        }
        default:
            return fail(`unknown tool "${name}"`);
    }
}
