// The scaffold's public surface: the generator, option handling and the write planning.
export { generateKafkaManifests, mainFile } from './generate';
export { resolveScaffoldOptions, deriveClusterId } from './options';
export type { ScaffoldOptions } from './options';
export { scaffoldDefaults, defaultKafkaImage } from './defaults';
export { planWrites, existingPaths, describePlan } from './write-plan';
export type { ConflictChoice, WritePlan } from './write-plan';
