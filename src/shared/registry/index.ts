/**
 * Public API of the registry's pure domain logic. Import across modules only through this file.
 * No IC calls, no Node/DOM APIs: this code runs in the Azle canister (QuickJS), the frontend and tests.
 */
export * from './types';
export * from './limits.constants';
export * from './fit.constants';
export { validateHardware } from './validate-hardware';
export { validateRuntime } from './validate-runtime';
export { validateModel } from './validate-model';
export { validateBenchmarkResult, validateBenchmarkSubmission } from './validate-result';
export { validateDataset, type Dataset } from './validate-dataset';
export * from './model-size';
export * from './derived-metrics';
export * from './fit';
export * from './recommend';
export { pickScore } from './recommend-models';
export * from './filters';
export * from './paginate';
export { encodeCursor, decodeCursor, type SortDir, type SortValue, type CursorPosition } from './cursor.utils';
export * from './query';
export * from './search';
export * from './compare';
export * from './candid-mapping';
