// The scaffold's public surface: the generator, option handling and the write planning.
export { generateKafkaManifests, mainFile } from './generate';
export {
  resolveScaffoldOptions,
  scaffoldDefaults,
  defaultKafkaImage,
  deriveClusterId,
} from './options';
export type { ScaffoldOptions } from './options';
