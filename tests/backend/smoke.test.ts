import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { startBackend } from './helpers';

describe('backend smoke', () => {
    it('installs the real wasm with the seed dataset and answers queries', async () => {
        const env = await startBackend();
        const events: string[] = [];
        env.devnet.onMessage((e) => events.push(`${e.entryPoint}: ${e.instructions} instr, ${e.wallMs} ms`));
        expect(await env.anonymous.version()).toBe('0.1.0');
        const stats = await env.anonymous.stats();
        const seed = (name: string): number => JSON.parse(readFileSync(`data/${name}.json`, 'utf8')).length;
        expect(Number(stats.hardware)).toBe(seed('hardware'));
        expect(Number(stats.runtimes)).toBe(seed('runtimes'));
        expect(Number(stats.models)).toBe(seed('models'));
        expect(Number(stats.benchmarks)).toBe(seed('benchmarks'));
        console.log(events.join('\n'));
    });
});
