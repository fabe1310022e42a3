// The schema's public surface.
export * from './types';
export { loadSchema } from './schema';
