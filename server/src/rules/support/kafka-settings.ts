// Reads Kafka and ZooKeeper settings out of a container the way the images do: Kafka properties
// from KAFKA_* / KAFKA_CFG_* variables, `export KAFKA_…=` in start scripts and `--override`
// flags; ZooKeeper settings from ZOO_* variables. Each setting keeps the span rules report on.
import { getValue, getPair, scalarText, seqItems } from '../../model';
import type { Span, YamlNode } from '../../model';
import { imageVersion, parseImage } from '../../schema/image-reference';
import { commandScalars, imageName } from './stateful-software';

/** One setting and where it is written. */
export interface Setting {
  /** The literal value; undefined when it comes from `valueFrom`. */
  readonly value: string | undefined;
  /** The span of the value (or of the env name when the value is not literal). */
  readonly span: Span;
  /** True when the value is computed per pod: `valueFrom`, `$(VAR)` or a shell expansion. */
  readonly dynamic: boolean;
  /** How the setting was written, for messages: `KAFKA_BROKER_ID`, `--override broker.id`. */
  readonly source: string;
}

/** The image's own environment variables that are not broker properties. */
const kafkaNonProperties =
  /^KAFKA_(?:HEAP_OPTS|OPTS|JMX_\w+|LOG4J_\w+|VERSION|JVM_PERFORMANCE_OPTS|GC_LOG_OPTS|TOOLS_\w+|ENABLE_KRAFT|KRAFT_CLUSTER_ID|CLUSTER_ID|DEBUG|HOME)$/;

function isDynamic(value: string | undefined): boolean {
  return value === undefined || /\$[({]|\$[A-Za-z_]/.test(value);
}

/** `KAFKA_LOG_DIRS` → `log.dirs`: `___` is `-`, `__` is `_`, `_` is `.` (apache/kafka, Bitnami's KAFKA_CFG_). */
export function kafkaPropertyOf(envName: string): string | undefined {
  if (kafkaNonProperties.test(envName)) {
    return undefined;
  }
  const match = /^KAFKA_(?:CFG_)?([A-Z0-9_]+)$/.exec(envName);
  if (!match) {
    return undefined;
  }
  return match[1]!
    .toLowerCase()
    .split('___')
    .map((part) =>
      part
        .split('__')
        .map((piece) => piece.replace(/_/g, '.'))
        .join('_'),
    )
    .join('-');
}

/** The container's `env` entries by name (the last one wins, as in Kubernetes). */
export function envSettings(container: YamlNode): Map<string, Setting> {
  const result = new Map<string, Setting>();
  for (const item of seqItems(getValue(container, 'env'))) {
    const namePair = getPair(item, 'name');
    const name = scalarText(namePair?.value);
    if (!name || !namePair?.value) {
      continue;
    }
    const valueNode = getValue(item, 'value');
    const value = scalarText(valueNode);
    result.set(name, {
      value,
      span: valueNode?.span ?? namePair.value.span,
      dynamic: isDynamic(value),
      source: name,
    });
  }
  return result;
}

/** `NAME=value` assignments and `--override key=value` flags in command and args, with spans. */
function commandAssignments(
  container: YamlNode,
  text: string,
): { key: string; flag: boolean; value: string; span: Span }[] {
  const found: { key: string; flag: boolean; value: string; span: Span }[] = [];
  // `args: [--override, key=value]` splits the flag from its value over two items.
  let afterOverrideItem = false;
  for (const node of commandScalars(container)) {
    // Search the source text so spans stay exact whatever the quoting of the scalar.
    const source = text.slice(node.span[0], node.span[1]);
    const pattern = /(--override\s+)?\b([A-Za-z][\w.-]*)=("[^"]*"|'[^']*'|[^\s;&|\\"']*)/g;
    let first = true;
    for (const match of source.matchAll(pattern)) {
      const value = match[3]!;
      const start = node.span[0] + match.index + match[0].length - value.length;
      found.push({
        key: match[2]!,
        flag:
          match[1] !== undefined ||
          (first && afterOverrideItem && /^['"]?\s*$/.test(source.slice(0, match.index))),
        value,
        span: [start, start + value.length],
      });
      first = false;
    }
    afterOverrideItem = scalarText(node)?.trim() === '--override';
  }
  return found;
}

/**
 * Kafka broker properties of a container, from env variables, then start-script exports, then
 * `--override` flags (the order in which they take effect).
 */
export function kafkaProperties(container: YamlNode, text: string): Map<string, Setting> {
  const result = new Map<string, Setting>();
  const envs = envSettings(container);
  for (const [name, setting] of envs) {
    const property = kafkaPropertyOf(name);
    if (property) {
      result.set(property, setting);
    }
  }
  for (const assignment of commandAssignments(container, text)) {
    const property = assignment.flag ? assignment.key : kafkaPropertyOf(assignment.key);
    if (property) {
      result.set(property, {
        value: assignment.value,
        span: assignment.span,
        dynamic: isDynamic(assignment.value),
        source: assignment.flag ? `--override ${assignment.key}` : assignment.key,
      });
    }
  }
  return result;
}

/** The ZooKeeper image's variables, with `export ZOO_…=` assignments of a start script on top. */
export function zookeeperSettings(container: YamlNode, text: string): Map<string, Setting> {
  const result = envSettings(container);
  for (const assignment of commandAssignments(container, text)) {
    if (!assignment.flag && /^(?:ZOO|ZK)_/.test(assignment.key)) {
      result.set(assignment.key, {
        value: assignment.value,
        span: assignment.span,
        dynamic: isDynamic(assignment.value),
        source: assignment.key,
      });
    }
  }
  return result;
}

/** A numeric setting, or undefined when it is absent, computed or not a whole number. */
export function settingNumber(setting: Setting | undefined): number | undefined {
  const value = setting?.value?.trim().replace(/^['"]|['"]$/g, '');
  return setting && !setting.dynamic && value && /^\d+$/.test(value) ? Number(value) : undefined;
}

/** The Kafka major version an image runs, when its tag tells (Confluent Platform 8 ships Kafka 4). */
export function kafkaMajorVersion(image: string | undefined): number | undefined {
  const reference = image ? parseImage(image) : undefined;
  if (!reference?.tag) {
    return undefined;
  }
  const name = reference.repository.split('/').pop() ?? '';
  const strimzi = /-kafka-(\d+)\.\d+/.exec(reference.tag);
  if (strimzi) {
    return Number(strimzi[1]);
  }
  const version = imageVersion(image!);
  if (!version) {
    return undefined;
  }
  if (/^cp-(?:kafka|server)$/.test(name)) {
    return version[0] >= 8 ? 4 : 3;
  }
  return /kafka/.test(name) ? version[0] : undefined;
}

/** A ZooKeeper image older than 3.5, where every four-letter word is allowed. */
export function zookeeperBefore35(image: string | undefined): boolean {
  const tag = image ? parseImage(image)?.tag : undefined;
  // The k8s.io tutorial and contrib images carry the ZooKeeper version at the end of the tag.
  const match = /(?:^|-)3\.(\d+)(?:\.\d+)?$/.exec(tag ?? '') ?? /^3\.(\d+)/.exec(tag ?? '');
  return (match && Number(match[1]) < 5) || /^k8szk$/.test(imageName(image));
}
