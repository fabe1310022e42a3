// Default scaffold options. Dependency-free apart from the facts, so the editor client can
// import it by path to prefill its input boxes with the same values the server uses.
import type { AntiAffinityMode, ScaffoldVariant, StorageClassChoice } from '../protocol';
import { images } from './facts';

export const scaffoldDefaults = {
  namespace: 'kafka',
  zookeeperReplicas: 3,
  controllers: 3,
  brokers: 3,
  storageClass: { create: 'azure-disk-csi' } as StorageClassChoice,
  kafkaVolumeSize: '100Gi',
  zookeeperVolumeSize: '10Gi',
  controllerVolumeSize: '10Gi',
  kafkaMemory: '4Gi',
  zookeeperMemory: '2Gi',
  controllerMemory: '2Gi',
  antiAffinity: 'required' as AntiAffinityMode,
  clusterDomain: 'cluster.local',
  zookeeperImage: images.zookeeper,
} as const;

/** Kafka 3.9.x for the ZooKeeper variant (the last line with ZooKeeper), 4.x for KRaft. */
export function defaultKafkaImage(variant: ScaffoldVariant): string {
  return variant === 'kafka-zookeeper' ? images.kafkaZookeeperMode : images.kafkaKraft;
}
