import { describe, it, expect } from 'vitest';
import * as registry from '../../../src/shared/registry';

describe('registry public API', () => {
  it('exports the pure entry points through index.ts', () => {
    for (const fn of ['validateDataset', 'computeFit', 'recommendHardwareForModel', 'recommendModelsForHardware', 'listHardware', 'searchAll', 'compareHardware', 'toCandidHardware', 'opsPerWatt'] as const) {
      expect(typeof registry[fn]).toBe('function');
    }
    expect(registry.PRECISIONS).toEqual(['fp32', 'tf32', 'bf16', 'fp16', 'fp8', 'int8', 'int4']);
  });
});
