// The scaffold inputs the tests generate: every combination of the choices that change the
// manifests' shape (the matrix), and the representative set pinned as golden files, chosen so
// that every value of every option appears in at least one golden variant.
import type { ScaffoldOptionsInput } from '../../server/src/protocol';

export const storageChoices = [
  { create: 'azure-disk-csi' },
  { create: 'aws-ebs-csi' },
  { create: 'gce-pd-csi' },
  { existing: 'managed-csi-premium' },
] as const;

/** Every combination of variant, StorageClass, anti-affinity, broker count and quorum size. */
export const scaffoldMatrix: readonly ScaffoldOptionsInput[] = storageChoices.flatMap(
  (storageClass) =>
    (['required', 'preferred'] as const).flatMap((antiAffinity) =>
      [1, 2, 3, 5].flatMap((brokers): ScaffoldOptionsInput[] => [
        ...[3, 5].map((zookeeperReplicas): ScaffoldOptionsInput => ({
          variant: 'kafka-zookeeper',
          storageClass,
          antiAffinity,
          brokers,
          zookeeperReplicas,
        })),
        ...[3, 5].map((controllers): ScaffoldOptionsInput => ({
          variant: 'kafka-kraft',
          storageClass,
          antiAffinity,
          brokers,
          controllers,
        })),
      ]),
    ),
);

/** The Strimzi variant's combinations (custom resources, so its own property checks). */
export const strimziMatrix: readonly ScaffoldOptionsInput[] = storageChoices.flatMap(
  (storageClass) =>
    (['required', 'preferred'] as const).flatMap((antiAffinity) =>
      [1, 2, 3, 5].flatMap((brokers) =>
        [3, 5].map((controllers): ScaffoldOptionsInput => ({
          variant: 'kafka-strimzi',
          storageClass,
          antiAffinity,
          brokers,
          controllers,
        })),
      ),
    ),
);

/** Golden variants, by folder name under test/fixtures/scaffold/. */
export const goldenVariants: Readonly<Record<string, ScaffoldOptionsInput>> = {
  'kafka-zookeeper': { variant: 'kafka-zookeeper' },
  'kafka-kraft': { variant: 'kafka-kraft' },
  'kafka-strimzi': { variant: 'kafka-strimzi' },
  'kafka-zookeeper-aws-preferred': {
    variant: 'kafka-zookeeper',
    namespace: 'streaming',
    storageClass: { create: 'aws-ebs-csi' },
    antiAffinity: 'preferred',
    brokers: 1,
    zookeeperReplicas: 5,
    kafkaVolumeSize: '50Gi',
    zookeeperVolumeSize: '5Gi',
    kafkaMemory: '2Gi',
    zookeeperMemory: '1Gi',
    clusterDomain: 'cluster.example',
  },
  'kafka-kraft-gce-preferred': {
    variant: 'kafka-kraft',
    namespace: 'events',
    storageClass: { create: 'gce-pd-csi' },
    antiAffinity: 'preferred',
    brokers: 5,
    controllers: 5,
    kafkaVolumeSize: '200Gi',
    controllerVolumeSize: '20Gi',
    kafkaMemory: '8Gi',
    controllerMemory: '1Gi',
    clusterId: 'MkU3OEVBNTcwNTJENDM2Qk',
  },
  'kafka-kraft-existing-class': {
    variant: 'kafka-kraft',
    storageClass: { existing: 'managed-csi-premium' },
    antiAffinity: 'required',
    brokers: 2,
  },
};
