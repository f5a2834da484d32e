import { describe, expect, it } from 'vitest';
import { prepareModule } from '../../../src/devnet/wasm/index.js';
import { cases, weightsWasm } from './instruction-weights-fixture.js';

/** Decoding every immediate correctly is also what keeps the module valid after metering. */
describe('IC instruction weights over every supported instruction class', () => {
    for (const c of cases) {
        it(`charges ${c.name} ${c.cost}`, async () => {
            const prepared = await prepareModule(weightsWasm, { cache: null });
            const { exports } = await WebAssembly.instantiate(prepared.module, {});
            const counter = exports[prepared.counterGlobal] as WebAssembly.Global;
            const run = exports[c.name] as () => unknown;
            if (c.name === 'trap') expect(run).toThrow(WebAssembly.RuntimeError);
            else run();
            expect(counter.value).toBe(BigInt(c.cost));
            if (c.name === 'init') {
                expect([...new Uint8Array((exports['memory'] as WebAssembly.Memory).buffer, 0, 4)]).toEqual([20, 30, 40, 0]);
            }
        });
    }
});
