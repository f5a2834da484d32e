import { describe, expect, it } from 'vitest';
import { hasLoneSurrogate } from '../../../src/shared/registry/validate.utils';
import { validateHardware } from '../../../src/shared/registry/validate-hardware';
import { h100Sxm } from './fixtures';

describe('well-formed text', () => {
    it('finds unpaired surrogates and accepts pairs', () => {
        expect(hasLoneSurrogate('plain ascii')).toBe(false);
        expect(hasLoneSurrogate('music 𝄞 and ünïcödé')).toBe(false);
        expect(hasLoneSurrogate('lone high \ud834 here')).toBe(true);
        expect(hasLoneSurrogate('lone low \udd1e here')).toBe(true);
        expect(hasLoneSurrogate('\ud834')).toBe(true);
    });

    it('rejects a record whose text cannot be encoded as UTF-8', () => {
        const r = validateHardware({ ...h100Sxm, name: 'H100 \ud800' });
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error).toMatchObject({ code: 'InvalidInput', field: 'name' });
    });
});
