// Settings kept in configuration files of ConfigMaps that a pod mounts (Kafka's server.properties,
// ZooKeeper's zoo.cfg or zookeeper.properties), read as Kafka/ZooKeeper settings so the rules see
// what the server really runs with, not only its environment variables.
import { getIn, getValue, scalarText, seqItems } from '../../model';
import type { YamlNode } from '../../model';
import type { ConfigFileFacts, ConfigMapFacts, IndexView } from '../index-view';
import type { RelatedLocation } from '../types';
import type { Setting } from './kafka-settings';

/** A `configMap` volume (or projected source) of a pod spec: the ConfigMap's name and its node. */
export interface ConfigMapVolumeRef {
  readonly name: string;
  readonly node: YamlNode;
}

export function configMapVolumeRefs(podSpec: YamlNode | undefined): ConfigMapVolumeRef[] {
  return seqItems(getValue(podSpec, 'volumes')).flatMap((volume) => {
    const nodes = [
      getIn(volume, ['configMap', 'name']),
      ...seqItems(getIn(volume, ['projected', 'sources'])).map((source) =>
        getIn(source, ['configMap', 'name']),
      ),
    ];
    return nodes.flatMap((node) => {
      const name = scalarText(node);
      return node && name ? [{ name, node }] : [];
    });
  });
}

export function configMapVolumeNames(podSpec: YamlNode | undefined): string[] {
  return [...new Set(configMapVolumeRefs(podSpec).map((ref) => ref.name))];
}

/** One `key=value` line of a properties file (also `key: value`), with its 0-based line. */
export interface PropertyLine {
  readonly key: string;
  readonly value: string;
  readonly line: number;
}

/** Java properties / zoo.cfg lines; comments (`#`, `!`) and blank lines are skipped. */
export function parseProperties(text: string): PropertyLine[] {
  return text.split('\n').flatMap((raw, line) => {
    const match = /^\s*([A-Za-z0-9_][\w.-]*)\s*[=:]\s*(.*?)\s*$/.exec(raw);
    return match && !/^\s*[#!]/.test(raw) ? [{ key: match[1]!, value: match[2]!, line }] : [];
  });
}

const kafkaFile = /(?:^|[/_.-])(?:server|broker|controller|kafka)[\w.-]*\.properties$/;
export const zookeeperFile = /(?:^|[/_.-])(?:zoo\.cfg|zookeeper[\w.-]*\.properties)$/;

/** The settings of the mounted configuration files of one pod, by software. */
export interface MountedSettings {
  readonly kafka: Map<string, Setting>;
  readonly zookeeper: Map<string, Setting>;
  /** Related locations for settings read from files, keyed by the setting's `source`. */
  readonly origins: Map<string, RelatedLocation>;
}

/**
 * Reads the configuration files of the ConfigMaps that `podSpec` mounts, looked up in the
 * workspace namespace. A setting is reported on the volume that mounts its ConfigMap (the
 * finding's related location is the line in the file); a setting whose key a start script of
 * the pod mentions (`sed -i s/broker.id=…/`) is treated as computed per pod.
 */
export function mountedSettings(
  podSpec: YamlNode | undefined,
  index: IndexView,
  namespace: string,
  scripts: readonly string[],
): MountedSettings {
  const result: MountedSettings = { kafka: new Map(), zookeeper: new Map(), origins: new Map() };
  const refs = configMapVolumeRefs(podSpec);
  if (refs.length === 0) {
    return result;
  }
  const byName = new Map<string, ConfigMapFacts>();
  for (const configMap of index.configMaps(namespace)) {
    byName.set(configMap.name, configMap);
  }
  const mounted = refs.flatMap((ref) => {
    const configMap = byName.get(ref.name);
    return configMap ? [{ ref, configMap }] : [];
  });
  const scriptText = [
    ...scripts,
    ...mounted.flatMap(({ configMap }) =>
      configMap.files.filter((file) => file.key.endsWith('.sh')).map((file) => file.text),
    ),
  ].join('\n');
  for (const { ref, configMap } of mounted) {
    for (const file of configMap.files) {
      const target = zookeeperFile.test(file.key)
        ? result.zookeeper
        : kafkaFile.test(file.key)
          ? result.kafka
          : undefined;
      if (!target) {
        continue;
      }
      for (const property of parseProperties(file.text)) {
        const source = `${property.key} in ${file.key} of ConfigMap ${configMap.name}`;
        target.set(property.key, {
          value: property.value,
          span: ref.node.span,
          dynamic: isTemplated(property.value) || mentions(scriptText, property.key),
          source,
        });
        result.origins.set(source, origin(configMap, file, property));
      }
    }
  }
  return result;
}

function isTemplated(value: string): boolean {
  return /\$[({]|\$[A-Za-z_]|#init#|\{\{/.test(value);
}

function mentions(scripts: string, key: string): boolean {
  return scripts.length > 0 && scripts.includes(key);
}

function origin(
  configMap: ConfigMapFacts,
  file: ConfigFileFacts,
  property: PropertyLine,
): RelatedLocation {
  const line = file.valueLine + property.line;
  return {
    uri: configMap.uri,
    range: { start: { line, character: 0 }, end: { line, character: 0 } },
    message: `${property.key}=${property.value} in ${file.key} of ConfigMap ${configMap.name}`,
  };
}

/** Settings of `base` (from files) with `over` (env, scripts, flags) taking precedence. */
export function withFileSettings(
  base: ReadonlyMap<string, Setting>,
  over: ReadonlyMap<string, Setting>,
): Map<string, Setting> {
  return new Map([...base, ...over]);
}

/** The mounted settings of a workload document's pod template, as a rule sees them. */
export function podTemplateSettings(
  template: { readonly spec: YamlNode | undefined; readonly node: YamlNode },
  index: IndexView,
  namespace: string,
): MountedSettings {
  const scripts = seqItems(getValue(template.spec, 'initContainers'))
    .concat(seqItems(getValue(template.spec, 'containers')))
    .flatMap((container) => [
      ...seqItems(getValue(container, 'command')),
      ...seqItems(getValue(container, 'args')),
    ])
    .map((node) => scalarText(node) ?? '');
  return mountedSettings(template.spec, index, namespace, scripts);
}

/** `related` for a finding on a setting read from a mounted file (nothing for other settings). */
export function relatedOfSetting(
  mounted: MountedSettings,
  setting: Setting,
): { related?: RelatedLocation[] } {
  const origin = mounted.origins.get(setting.source);
  return origin ? { related: [origin] } : {};
}
