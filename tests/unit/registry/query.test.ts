import { describe, it, expect } from 'vitest';
import { paginate, type PageRequest } from '../../../src/shared/registry/paginate';
import { decodeCursor, encodeCursor } from '../../../src/shared/registry/cursor.utils';
import { getById, listHardware, listModels, listResults, listRuntimes } from '../../../src/shared/registry/query';
import { HARDWARE_SORT_KEYS } from '../../../src/shared/registry/filters';
import { CURSOR_MAX_CHARS, ID_MAX_CHARS, NAME_MAX_CHARS, PAGE_SIZE_MAX } from '../../../src/shared/registry/limits.constants';
import type { Hardware } from '../../../src/shared/registry/types';
import { h100Sxm, llama31_70b, llamaCpp, mysteryNpu, qwen05b, result1, rtx4090 } from './fixtures';

interface Item { id: string; v: number | null }
const keys = { v: (i: Item) => i.v, id: (i: Item) => i.id };
const idOf = (i: Item) => i.id;

/** Deterministic pseudo-random numbers (no Math.random in tests that must be reproducible). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function pageAll(items: Item[], req: Omit<PageRequest, 'cursor'>, between?: (pageNo: number) => void): Item[] {
  const seen: Item[] = [];
  let cursor: string | null = null;
  for (let n = 0; n < 1000; n++) {
    const r: ReturnType<typeof paginate<Item>> = paginate(items, idOf, keys, { ...req, cursor });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    seen.push(...r.value.items);
    cursor = r.value.next_cursor;
    if (cursor === null) return seen;
    between?.(n);
  }
  throw new Error('did not terminate');
}

describe('paginate', () => {
  const base: Item[] = [
    { id: 'a', v: 3 }, { id: 'b', v: 1 }, { id: 'c', v: null }, { id: 'd', v: 3 }, { id: 'e', v: 2 }, { id: 'f', v: null },
  ];
  it('orders by value then id, nulls last in both directions', () => {
    expect(pageAll(base, { sort_key: 'v', dir: 'asc', page_size: 2 }).map((i) => i.id)).toEqual(['b', 'e', 'a', 'd', 'c', 'f']);
    expect(pageAll(base, { sort_key: 'v', dir: 'desc', page_size: 4 }).map((i) => i.id)).toEqual(['a', 'd', 'e', 'b', 'c', 'f']);
  });

  it('reports total and ends with a null cursor', () => {
    const r = paginate(base, idOf, keys, { sort_key: 'v', dir: 'asc', cursor: null, page_size: 6 });
    expect(r.ok && r.value).toMatchObject({ total: 6, next_cursor: null });
    const r2 = paginate(base, idOf, keys, { sort_key: 'v', dir: 'asc', cursor: null, page_size: null });
    expect(r2.ok && r2.value.items.length).toBe(6);
  });

  it.each([1, 2, 3, 7])('no duplicates or gaps when items are inserted and deleted between pages (page size %i)', (size) => {
    for (const dir of ['asc', 'desc'] as const) {
      const rnd = lcg(size * 31 + (dir === 'asc' ? 1 : 2));
      const original: Item[] = Array.from({ length: 40 }, (_, i) => ({ id: `o${String(i).padStart(2, '0')}`, v: rnd() < 0.15 ? null : Math.floor(rnd() * 10) }));
      const live = [...original];
      const deleted = new Set<string>();
      const seen = pageAll(live, { sort_key: 'v', dir, page_size: size }, (n) => {
        if (n >= 25) return; // bounded churn, so paging terminates even at page size 1
        // Insert new items with values equal to, before and after existing ones; delete one original item.
        live.push({ id: `n${n}a`, v: Math.floor(rnd() * 10) }, { id: `n${n}b`, v: null }, { id: `a${n}`, v: 5 });
        const victim = live.findIndex((i) => i.id.startsWith('o') && !deleted.has(i.id));
        if (n % 3 === 0 && victim >= 0) deleted.add(live.splice(victim, 1)[0]!.id);
      });
      const ids = seen.map((i) => i.id);
      expect(new Set(ids).size).toBe(ids.length); // no duplicates
      for (const o of original) if (!deleted.has(o.id)) expect(ids).toContain(o.id); // no gaps
    }
  });

  it('rejects bad requests with typed errors', () => {
    const f = (req: Partial<PageRequest>) => {
      const r = paginate(base, idOf, keys, { sort_key: 'v', dir: 'asc', cursor: null, page_size: 2, ...req });
      return r.ok ? null : r.error;
    };
    expect(f({ sort_key: 'nope' })).toMatchObject({ code: 'InvalidInput', field: 'sort_key' });
    expect(f({ sort_key: 'constructor' })).toMatchObject({ code: 'InvalidInput', field: 'sort_key' });
    expect(f({ dir: 'up' as never })).toMatchObject({ field: 'dir' });
    expect(f({ page_size: 0 })).toMatchObject({ field: 'page_size' });
    expect(f({ page_size: PAGE_SIZE_MAX + 1 })).toMatchObject({ field: 'page_size' });
    const cur = encodeCursor({ key: 'v', dir: 'asc', value: 1, id: 'b' });
    expect(f({ cursor: cur, dir: 'desc' })).toMatchObject({ field: 'cursor' });
    for (const bad of ['', 'x', '!!!!', cur.slice(0, -3), 'A'.repeat(CURSOR_MAX_CHARS + 1), encodeCursor({ key: 'v', dir: 'asc', value: 1, id: 'b' }).replace(/^./, 'Z')]) {
      expect(f({ cursor: bad })).toMatchObject({ code: 'InvalidInput', field: 'cursor' });
    }
  });
});

describe('cursor encoding', () => {
  it('the longest possible cursor fits CURSOR_MAX_CHARS and decodes', () => {
    const worst = { key: 'ops_per_w_fp32_dense', dir: 'desc' as const, value: '模'.repeat(NAME_MAX_CHARS), id: 'a'.repeat(ID_MAX_CHARS) };
    const c = encodeCursor(worst);
    expect(c.length).toBeLessThanOrEqual(CURSOR_MAX_CHARS);
    expect(decodeCursor(c)).toEqual({ ok: true, value: worst });
    const named = [{ ...h100Sxm, name: '模'.repeat(NAME_MAX_CHARS) }, rtx4090];
    const p1 = listHardware(named, {}, { sort_key: 'name', dir: 'desc', cursor: null, page_size: 1 });
    const p2 = p1.ok && p1.value.next_cursor ? listHardware(named, {}, { sort_key: 'name', dir: 'desc', cursor: p1.value.next_cursor, page_size: 1 }) : null;
    expect(p2?.ok && p2.value.items.map((h) => h.id)).toEqual(['nvidia-rtx-4090']);
  });

  it('round-trips unicode, numbers and null', () => {
    for (const value of ['h100 sxm', 'ünïcødé 模型 🚀', 1.0000000000000002, -0.5, null, '']) {
      const pos = { key: 'name', dir: 'desc' as const, value, id: 'x.y-z' };
      const c = encodeCursor(pos);
      expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeCursor(c)).toEqual({ ok: true, value: pos });
    }
  });
});

const hw: Hardware[] = [h100Sxm, rtx4090, mysteryNpu];
const page = (sort_key: string, dir: 'asc' | 'desc' = 'asc'): PageRequest => ({ sort_key, dir, cursor: null, page_size: 10 });
const ids = (r: { ok: boolean; value?: { items: readonly { id: string }[] } }) => (r.ok ? r.value!.items.map((x) => x.id) : r);

describe('list with filters and sort', () => {
  it('hardware: numeric filters exclude unknowns; derived sort keys', () => {
    expect(ids(listHardware(hw, { min_memory_gb: 20 }, page('memory_gb', 'desc')))).toEqual(['nvidia-h100-sxm', 'nvidia-rtx-4090']);
    expect(ids(listHardware(hw, { kinds: ['npu'] }, page('name')))).toEqual(['acme-npu-1']);
    expect(ids(listHardware(hw, { precision: 'int8' }, page('ops_per_w_int8_dense', 'desc')))).toEqual(['acme-npu-1', 'nvidia-h100-sxm']); // 3 vs 2.83 TOPS/W
    expect(ids(listHardware(hw, { max_tdp_w: 500, vendor: 'nvidia' }, page('id')))).toEqual(['nvidia-rtx-4090']);
    expect(ids(listHardware(hw, { text: 'geforce' }, page('id')))).toEqual(['nvidia-rtx-4090']);
    expect(ids(listHardware(hw, {}, page('memory_bandwidth_gb_s')))).toEqual(['nvidia-rtx-4090', 'nvidia-h100-sxm', 'acme-npu-1']);
  });
  it('runtimes, models and results', () => {
    expect(ids(listRuntimes([llamaCpp], { feature: 'cpu_offload', backend: 'metal' }, page('name')))).toEqual(['llama-cpp']);
    expect(ids(listRuntimes([llamaCpp], { feature: 'tensor_parallel' }, page('name')))).toEqual([]); // null ≠ supported
    expect(ids(listModels([llama31_70b, qwen05b], { max_params_b: 10 }, page('params_total_b')))).toEqual(['qwen2.5-0.5b-instruct']);
    expect(ids(listModels([llama31_70b, qwen05b], { quant_method: 'gguf', task: 'code' }, page('name')))).toEqual(['llama-3.1-70b-instruct']);
    const rs = listResults([result1, { ...result1, result_id: 'r-000002', timestamp_ns: 5n }], { model_id: 'qwen2.5-0.5b-instruct' }, page('timestamp'));
    expect(rs.ok && rs.value.items.map((r) => r.result_id)).toEqual(['r-000002', 'r-000001']);
  });
  it('rejects unknown or out-of-bound filters', () => {
    const e = (r: { ok: boolean; error?: unknown }) => (r.ok ? null : r.error);
    expect(e(listHardware(hw, { memory: 3 } as never, page('id')))).toMatchObject({ field: 'filter.memory' });
    expect(e(listHardware(hw, { min_memory_gb: -1 }, page('id')))).toMatchObject({ field: 'filter.min_memory_gb' });
    expect(e(listHardware(hw, { kinds: ['tpu'] } as never, page('id')))).toMatchObject({ field: 'filter.kinds.0' });
    expect(e(listHardware(hw, { text: '   ' }, page('id')))).toMatchObject({ field: 'filter.text' });
    expect(e(listHardware(hw, { text: 'x'.repeat(300) }, page('id')))).toMatchObject({ field: 'filter.text' });
    expect(e(listModels([], { family: '' }, page('id')))).toMatchObject({ field: 'filter.family' });
    expect(e(listResults([], { hardware_id: 'Bad' }, page('result_id')))).toMatchObject({ field: 'filter.hardware_id' });
  });
  it('getById', () => {
    expect(getById(hw, 'hardware', 'acme-npu-1')).toEqual({ ok: true, value: mysteryNpu });
    expect(getById(hw, 'hardware', 'zzz')).toEqual({ ok: false, error: { code: 'NotFound', entity: 'hardware', id: 'zzz' } });
  });
});
