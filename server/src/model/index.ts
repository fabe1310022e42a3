// The model's public surface: everything above this layer imports from here.
export * from './model';
export * from './navigate';
export * from './spans';
export { originOf, parseFile, parseFileInSlices } from './parse';
export { defaultSliceMs, runInSlices, yieldToEventLoop } from './slices';
export type { SliceOptions } from './slices';
export type { DocumentOrigin } from './parse';
export { ModelCache } from './model-cache';
