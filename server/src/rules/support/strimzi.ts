// Strimzi custom resources (group kafka.strimzi.io, v1beta2 and v1 alike) read from the YAML
// alone: which documents are Strimzi kinds, their strimzi.io/cluster label, node pool roles,
// storage volumes and the numbers of a Kafka's broker config.
import { asScalar, getIn, getPair, getValue, scalarText, seqItems } from '../../model';
import type { DocumentModel, PairNode, PathSegment, ScalarNode, YamlNode } from '../../model';

export const strimziGroup = 'kafka.strimzi.io';

/** The label that ties node pools, topics and users to their `Kafka`. */
export const clusterLabel = 'strimzi.io/cluster';

export type StrimziKind = 'Kafka' | 'KafkaNodePool' | 'KafkaTopic' | 'KafkaUser';

const strimziKinds: ReadonlySet<string> = new Set<StrimziKind>([
  'Kafka',
  'KafkaNodePool',
  'KafkaTopic',
  'KafkaUser',
]);

/** The Strimzi kind of an object, or undefined (other groups also have a kind `Kafka`). */
export function strimziKindOf(object: {
  readonly apiVersion?: string | undefined;
  readonly kind?: string | undefined;
}): StrimziKind | undefined {
  const group = object.apiVersion?.split('/')[0];
  return group === strimziGroup && strimziKinds.has(object.kind ?? '')
    ? (object.kind as StrimziKind)
    : undefined;
}

/** True for the kinds that name their cluster with the strimzi.io/cluster label. */
export function isClusterMember(kind: StrimziKind | undefined): boolean {
  return kind === 'KafkaNodePool' || kind === 'KafkaTopic' || kind === 'KafkaUser';
}

/** The value node of the strimzi.io/cluster label, when the document has one. */
export function clusterLabelNode(document: DocumentModel): ScalarNode | undefined {
  return asScalar(getIn(document.root, ['metadata', 'labels', clusterLabel]));
}

/** The path of a label in a document, for navigation sites. */
export const clusterLabelPath: readonly PathSegment[] = ['metadata', 'labels', clusterLabel];

/** A number written as a YAML number or as a quoted number (`"3"`), as Strimzi accepts both. */
export function numberOf(node: YamlNode | null | undefined): number | undefined {
  const scalar = asScalar(node);
  if (typeof scalar?.value === 'number') {
    return Number.isInteger(scalar.value) ? scalar.value : undefined;
  }
  const text = typeof scalar?.value === 'string' ? scalar.value.trim() : undefined;
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined;
}

/** A KafkaNodePool's `spec.roles` as written. */
export function poolRoles(document: DocumentModel): string[] {
  return seqItems(getIn(document.root, ['spec', 'roles']))
    .map((role) => scalarText(role))
    .filter((role): role is string => role !== undefined);
}

/** One storage volume: the whole storage (single) or one entry of a JBOD's `volumes`. */
export interface StorageVolume {
  readonly node: YamlNode;
  readonly type: string | undefined;
  readonly typePair: PairNode | undefined;
  /** The index in a JBOD's `volumes`; undefined for a single (non-JBOD) storage. */
  readonly jbodIndex?: number;
}

/** A storage section of a Strimzi resource and what it stores. */
export interface StorageSection {
  readonly node: YamlNode;
  /** `brokers and controllers` for a node pool (by its roles), `brokers`, `ZooKeeper`. */
  readonly holds: string;
  readonly volumes: readonly StorageVolume[];
  /** The JBOD `volumes` sequence, when the storage is a JBOD. */
  readonly jbodVolumes?: YamlNode;
}

function volumeOf(node: YamlNode, jbodIndex?: number): StorageVolume {
  const typePair = getPair(node, 'type');
  return {
    node,
    type: scalarText(typePair?.value),
    typePair,
    ...(jbodIndex !== undefined ? { jbodIndex } : {}),
  };
}

function sectionOf(node: YamlNode | undefined, holds: string): StorageSection | undefined {
  if (!node || node.type !== 'map') {
    return undefined;
  }
  if (scalarText(getValue(node, 'type')) === 'jbod') {
    const jbodVolumes = getValue(node, 'volumes');
    return {
      node,
      holds,
      volumes: seqItems(jbodVolumes).map((volume, index) => volumeOf(volume, index)),
      ...(jbodVolumes ? { jbodVolumes } : {}),
    };
  }
  return { node, holds, volumes: [volumeOf(node)] };
}

/** What a node pool's nodes are, for messages. */
export function rolesText(roles: readonly string[]): string {
  const broker = roles.includes('broker');
  const controller = roles.includes('controller');
  return broker && controller
    ? 'brokers and controllers'
    : controller
      ? 'controllers'
      : broker
        ? 'brokers'
        : 'nodes';
}

/**
 * The storage sections of a Strimzi document: a node pool's `spec.storage`, a Kafka's
 * `spec.kafka.storage` (clusters without node pools) and `spec.zookeeper.storage`.
 */
export function storageSections(document: DocumentModel): StorageSection[] {
  const kind = strimziKindOf(document);
  const sections: (StorageSection | undefined)[] = [];
  if (kind === 'KafkaNodePool') {
    sections.push(
      sectionOf(getIn(document.root, ['spec', 'storage']), rolesText(poolRoles(document))),
    );
  } else if (kind === 'Kafka') {
    sections.push(
      sectionOf(getIn(document.root, ['spec', 'kafka', 'storage']), 'brokers'),
      sectionOf(getIn(document.root, ['spec', 'zookeeper', 'storage']), 'ZooKeeper'),
    );
  }
  return sections.filter((section): section is StorageSection => section !== undefined);
}

/** A Kafka's `spec.kafka.config` entry as a number, with its value node. */
export function kafkaConfigNumber(
  document: DocumentModel,
  key: string,
): { readonly value: number; readonly node: YamlNode } | undefined {
  const node = getIn(document.root, ['spec', 'kafka', 'config', key]);
  const value = numberOf(node);
  return node && value !== undefined ? { value, node } : undefined;
}

/** A KafkaTopic's `spec.config` entry as a number, with its value node. */
export function topicConfigNumber(
  document: DocumentModel,
  key: string,
): { readonly value: number; readonly node: YamlNode } | undefined {
  const node = getIn(document.root, ['spec', 'config', key]);
  const value = numberOf(node);
  return node && value !== undefined ? { value, node } : undefined;
}

/** How messages count nodes: `1 broker`, `3 brokers`. */
export function countText(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
