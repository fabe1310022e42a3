// The model's public surface: everything above this layer imports from here.
export * from './model';
export * from './navigate';
export * from './spans';
export { originOf, parseFile } from './parse';
export type { DocumentOrigin } from './parse';
export { ModelCache } from './model-cache';
