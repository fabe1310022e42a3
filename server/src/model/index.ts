// The model's public surface: everything above this layer imports from here.
export * from './model';
export * from './navigate';
export * from './spans';
export { parseFile } from './parse';
export { ModelCache } from './model-cache';
