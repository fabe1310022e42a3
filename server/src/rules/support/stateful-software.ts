// Recognises ZooKeeper and Kafka containers, the one place the kafka-* and zk-* rules (and the
// index-backed ones through ContainerFacts) decide what a container runs: by its command, its
// image, its environment keys and finally its pod labels.
import { scalarText, seqItems, getValue } from '../../model';
import type { DocumentModel, YamlNode } from '../../model';
import { parseImage } from '../../schema/image-reference';
import type { ContainerFacts, WorkloadFacts } from '../index-view';
import type { Labels } from './label-selector';
import { readLabels } from './label-selector';
import type { ContainerRef, PodTemplate } from './workload';
import { containersOf, podTemplateOf } from './workload';

export type StatefulSoftware = 'kafka' | 'zookeeper';

/** What recognition looks at; a container node and indexed ContainerFacts can both provide it. */
export interface SoftwareClues {
  readonly image: string | undefined;
  readonly envNames: readonly string[];
  /** `command` and `args` joined with spaces (empty when unknown, as in the index). */
  readonly commandText: string;
  readonly podLabels: Labels;
}

const zookeeperCommands = /\b(?:zkServer\.sh|zookeeper-server-start|start-zookeeper|zkGenConfig)/;
const kafkaCommands = /\bkafka-server-start\b|\/etc\/kafka\/docker\/run\b/;
/** Images whose name mentions Kafka but which are clients, tools or add-ons, not brokers. */
const kafkaToolImages =
  /connect|rest|ui|exporter|manager|proxy|bridge|mirror|schema|ksql|cruise|burrow|console|client|operator|lag/;
/**
 * Images named after ZooKeeper that run something beside it: operators (pravega/zookeeper-operator
 * runs one replica by design), exporters and web UIs.
 */
const zookeeperToolImages = /operator|exporter|navigator|[-_](?:ui|web|client|backup)\b/;
const zookeeperEnv =
  /^(?:ZOO_(?:SERVERS|MY_ID|4LW_COMMANDS_WHITELIST|TICK_TIME|CFG_EXTRA)|ZK_REPLICAS)$/;
const kafkaEnv =
  /^KAFKA_(?:ZOOKEEPER_CONNECT|BROKER_ID|NODE_ID|PROCESS_ROLES|LISTENERS|ADVERTISED_LISTENERS|LOG_DIRS|CONTROLLER_QUORUM_VOTERS|CFG_\w+)$/;
const labelKeys = [
  'app.kubernetes.io/component',
  'app.kubernetes.io/name',
  'app',
  'component',
  'name',
] as const;

/** The image's last path component without tag or digest, e.g. `kafka` for apache/kafka:3.9.2. */
export function imageName(image: string | undefined): string {
  const repository = image ? (parseImage(image)?.repository ?? image) : '';
  return repository.split('/').pop()?.toLowerCase() ?? '';
}

export function recogniseSoftware(clues: SoftwareClues): StatefulSoftware | undefined {
  // A Kafka distribution can start its bundled ZooKeeper, so the command decides first.
  if (zookeeperCommands.test(clues.commandText)) {
    return 'zookeeper';
  }
  if (kafkaCommands.test(clues.commandText)) {
    return 'kafka';
  }
  const name = imageName(clues.image);
  if (/zookeeper|^k8szk$|^zk$/.test(name) && !zookeeperToolImages.test(name)) {
    return 'zookeeper';
  }
  if (name.includes('kafka') && !kafkaToolImages.test(name)) {
    return 'kafka';
  }
  if (clues.envNames.some((env) => zookeeperEnv.test(env))) {
    return 'zookeeper';
  }
  if (clues.envNames.some((env) => kafkaEnv.test(env))) {
    return 'kafka';
  }
  for (const key of labelKeys) {
    const value = clues.podLabels[key]?.toLowerCase();
    if (value === 'zookeeper' || value === 'zk') {
      return 'zookeeper';
    }
    if (value === 'kafka' || value === 'kafka-broker') {
      return 'kafka';
    }
  }
  return undefined;
}

/** The scalar items of a container's `command` and `args`, in order. */
export function commandScalars(container: YamlNode): YamlNode[] {
  return [
    ...seqItems(getValue(container, 'command')),
    ...seqItems(getValue(container, 'args')),
  ].filter((node) => node.type === 'scalar');
}

export function cluesOfContainer(container: YamlNode, podLabels: Labels): SoftwareClues {
  return {
    image: scalarText(getValue(container, 'image')),
    envNames: seqItems(getValue(container, 'env')).flatMap((item) => {
      const name = scalarText(getValue(item, 'name'));
      return name ? [name] : [];
    }),
    commandText: commandScalars(container)
      .map((node) => scalarText(node) ?? '')
      .join(' '),
    podLabels,
  };
}

export function cluesOfFacts(container: ContainerFacts, podLabels: Labels): SoftwareClues {
  return {
    image: container.image,
    envNames: container.env.map((env) => env.name),
    commandText: '',
    podLabels,
  };
}

/** The containers of a workload document that run `software` (init containers excluded). */
export function softwareContainers(
  document: DocumentModel,
  software: StatefulSoftware,
): { template: PodTemplate; containers: ContainerRef[] } | undefined {
  const template = podTemplateOf(document);
  if (!template) {
    return undefined;
  }
  const podLabels = readLabels(template.labelsPair?.value);
  const containers = containersOf(template, ['containers']).filter(
    (container) => recogniseSoftware(cluesOfContainer(container.node, podLabels)) === software,
  );
  return containers.length > 0 ? { template, containers } : undefined;
}

/** Whether an indexed workload runs `software` in one of its regular containers. */
export function workloadRuns(workload: WorkloadFacts, software: StatefulSoftware): boolean {
  return workload.containers.some(
    (container) =>
      !container.init &&
      recogniseSoftware(cluesOfFacts(container, workload.podLabels)) === software,
  );
}
