/**
 * Recommendations: best hardware for a model (recommend-hardware.ts) and best models for a
 * hardware or other fit target (recommend-models.ts). Both return every candidate either ranked,
 * with a human-readable explanation per rank, or excluded with the reason, plus the criteria used.
 */
export type { Excluded, Recommendation } from './recommend.utils';
export { recommendHardwareForModel, type HardwareForModelRequest, type RankedHardware } from './recommend-hardware';
export { recommendModelsForHardware, type ModelsForTargetRequest, type RankedModel } from './recommend-models';
