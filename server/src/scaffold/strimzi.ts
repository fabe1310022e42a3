// The kafka-strimzi variant: a Kafka cluster for the Strimzi operator (pinned release in facts.ts)
// as custom resources: a Kafka, a controller and a broker KafkaNodePool on persistent JBOD volumes
// of the chosen StorageClass, and a sample KafkaTopic. The operator itself is installed separately.
import { strimzi } from './facts';
import type { ScaffoldOptions } from './options';
import type { YamlMapping } from './yaml-writer';
import { commented } from './yaml-writer';

/** The Kafka's name, which every node pool and topic names in its strimzi.io/cluster label. */
export const strimziClusterName = 'kafka';

/** The file the editor opens when it is done. */
export const strimziMainFile = 'kafka.yaml';

export interface StrimziFile {
  readonly path: string;
  readonly description: string;
  readonly object: YamlMapping;
}

/** Replication factor `min(3, brokers)`, and min.insync.replicas one less (at least 1). */
export function replicationFor(brokers: number): { factor: number; minIsr: number } {
  const factor = Math.min(3, brokers);
  return { factor, minIsr: Math.max(1, factor - 1) };
}

function metadata(options: ScaffoldOptions, name: string, pool: boolean): YamlMapping {
  return {
    name,
    namespace: options.namespace,
    ...(pool ? { labels: { [strimzi.clusterLabel]: strimziClusterName } } : {}),
  };
}

/** One pod of the pool per node (required) or preferably (preferred), as Strimzi documents it. */
function poolAffinity(options: ScaffoldOptions, pool: string): YamlMapping {
  const term = {
    labelSelector: {
      matchLabels: { [strimzi.clusterLabel]: strimziClusterName, [strimzi.poolNameLabel]: pool },
    },
    topologyKey: 'kubernetes.io/hostname',
  };
  return options.antiAffinity === 'required'
    ? { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term] } }
    : {
        podAntiAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: term }],
        },
      };
}

function nodePool(
  options: ScaffoldOptions,
  storageClass: string,
  role: 'controller' | 'broker',
): YamlMapping {
  const controller = role === 'controller';
  const memory = controller ? options.controllerMemory : options.kafkaMemory;
  return {
    apiVersion: strimzi.apiVersion,
    kind: 'KafkaNodePool',
    metadata: metadata(options, role, true),
    spec: {
      replicas: controller ? options.controllers : options.brokers,
      roles: [role],
      storage: {
        type: 'jbod',
        volumes: [
          {
            id: 0,
            type: 'persistent-claim',
            size: controller ? options.controllerVolumeSize : options.kafkaVolumeSize,
            class: storageClass,
            deleteClaim: commented(
              'Keep the claims (and the data) when the pool or the cluster is deleted.',
              false,
            ),
            kraftMetadata: 'shared',
          },
        ],
      },
      resources: {
        requests: { cpu: controller ? '500m' : '1', memory },
        limits: { memory },
      },
      template: { pod: { affinity: poolAffinity(options, role) } },
    },
  };
}

function kafka(options: ScaffoldOptions): YamlMapping {
  const { factor, minIsr } = replicationFor(options.brokers);
  return {
    apiVersion: strimzi.apiVersion,
    kind: 'Kafka',
    metadata: metadata(options, strimziClusterName, false),
    spec: {
      kafka: {
        version: strimzi.kafkaVersion,
        metadataVersion: strimzi.metadataVersion,
        listeners: [
          { name: 'plain', port: 9092, type: 'internal', tls: false },
          { name: 'tls', port: 9093, type: 'internal', tls: true },
        ],
        config: {
          'offsets.topic.replication.factor': factor,
          'transaction.state.log.replication.factor': factor,
          'transaction.state.log.min.isr': minIsr,
          'default.replication.factor': factor,
          'min.insync.replicas': minIsr,
          'unclean.leader.election.enable': false,
        },
      },
      entityOperator: { topicOperator: {}, userOperator: {} },
    },
  };
}

function sampleTopic(options: ScaffoldOptions): YamlMapping {
  const { factor, minIsr } = replicationFor(options.brokers);
  return {
    apiVersion: strimzi.apiVersion,
    kind: 'KafkaTopic',
    metadata: metadata(options, 'sample-topic', true),
    spec: {
      partitions: 6,
      replicas: factor,
      config: { 'min.insync.replicas': minIsr, 'retention.ms': 604800000 },
    },
  };
}

/** The Strimzi files after the namespace and StorageClass, in apply order. */
export function strimziFiles(options: ScaffoldOptions, storageClass: string): StrimziFile[] {
  return [
    {
      path: 'kafka-controller-nodepool.yaml',
      description: `The KRaft controllers (${options.controllers}), a node pool with the controller role only.`,
      object: nodePool(options, storageClass, 'controller'),
    },
    {
      path: 'kafka-broker-nodepool.yaml',
      description: `The brokers (${options.brokers}), a node pool with the broker role only.`,
      object: nodePool(options, storageClass, 'broker'),
    },
    {
      path: strimziMainFile,
      description: `The Kafka cluster (Kafka ${strimzi.kafkaVersion}, KRaft), built by Strimzi from the node pools labelled strimzi.io/cluster: ${strimziClusterName}.`,
      object: kafka(options),
    },
    {
      path: 'kafka-topic.yaml',
      description: 'A sample topic, created by the Topic Operator.',
      object: sampleTopic(options),
    },
  ];
}

/** The header lines every Strimzi file starts with, after the description. */
export function strimziHeader(options: ScaffoldOptions): string[] {
  return [
    `Needs the Strimzi ${strimzi.release} operator watching namespace ${options.namespace} (Kubernetes ${strimzi.minimumKubernetes}+), e.g.:`,
    `  helm install strimzi ${strimzi.helmChart} --version ${strimzi.release} \\`,
    `    --namespace strimzi --create-namespace --set 'watchNamespaces={${options.namespace}}'`,
  ];
}
