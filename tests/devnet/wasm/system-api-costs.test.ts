import { describe, expect, it } from 'vitest';
import { BYTE_TRANSMISSION_COST_FACTOR, systemApiCost } from '../../../src/devnet/wasm/index.js';

describe('systemApiCost', () => {
    it('adds the fixed overhead of the call to the charged bytes', () => {
        expect(systemApiCost('msg_reply_data_append', BYTE_TRANSMISSION_COST_FACTOR * 10)).toBe(1_000n);
        expect(systemApiCost('call_perform', 0)).toBe(5_000n);
        expect(systemApiCost('stable64_read', 4096)).toBe(4_116n);
    });

    it('charges the common 500 for a call it has no entry for', () => {
        expect(systemApiCost('cost_call', 0)).toBe(500n);
    });
});
