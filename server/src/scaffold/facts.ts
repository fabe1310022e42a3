// Every version, image, port, path, environment variable and user id the Kafka/ZooKeeper
// scaffold relies on, each with its source, so a fact changes in one place. Source keys in
// brackets are those of shared/reference/kafka-zk-facts.md §5.

/** Image defaults. Bitnami images are deliberately absent (see `bitnamiNotice`). */
export const images = {
  /**
   * Kafka 3.9.x is the last line that can run in ZooKeeper mode: 3.9.0 is "the final major
   * release to feature the deprecated Apache ZooKeeper mode" and 4.0.0 removed it. 3.9.2
   * (2026-02-21) is the newest 3.9 patch release. [AK-BLOG ak-3.9.0.md, ak-3.9.2.md, ak-4.0.0.md]
   */
  kafkaZookeeperMode: 'apache/kafka:3.9.2',
  /** Kafka 4.x runs in KRaft mode only; 4.3.1 (2026-06-25) is the newest release. [AK-BLOG ak-4.3.1.md] */
  kafkaKraft: 'apache/kafka:4.3.1',
  /**
   * The Docker Official Image. Kafka's 3.9 docs name ZooKeeper 3.8 as the stable branch for
   * Kafka 3.x; 3.8.6 is the newest 3.8 tag. [ZK-IMG library/zookeeper; AK-DOCS 39/operations/zookeeper]
   */
  zookeeper: 'zookeeper:3.8.6',
} as const;

/** The first Kafka major version without ZooKeeper mode. [AK-BLOG ak-4.0.0.md; AK-DOCS 40 upgrade] */
export const kafkaVersionWithoutZookeeper = 4;

/** Why Bitnami references are refused. [BN-2025 bitnami/containers#83267, bitnami/charts#36097] */
export const bitnamiNotice =
  'Bitnami images are no longer freely published or updated since 2025-08-28 (bitnami/containers#83267), and they use a different configuration layout';

/** Facts about the official `zookeeper` image (31z4/zookeeper-docker 3.9.4, same layout in 3.8). */
export const zookeeperImage = {
  /** `groupadd --gid=1000` / `useradd --uid=1000 zookeeper`. [ZK-IMG 3.9.4/Dockerfile] */
  uid: 1000,
  gid: 1000,
  /** ZOO_DATA_DIR; the entrypoint writes `myid` here only when it is absent. [ZK-IMG docker-entrypoint.sh] */
  dataDir: '/data',
  /**
   * The image's default ZOO_DATA_LOG_DIR is `/datalog`, an image VOLUME that is NOT persistent
   * in Kubernetes, so the transaction log is moved onto the data volume instead.
   */
  dataLogDir: '/data/datalog',
  entrypoint: '/docker-entrypoint.sh',
  /** The image's CMD, run by the entrypoint. [ZK-IMG 3.9.4/Dockerfile] */
  serverCommand: 'zkServer.sh start-foreground',
  ports: { client: 2181, follower: 2888, election: 3888 },
  /**
   * Since ZooKeeper 3.5.3 only `srvr` is whitelisted among the four-letter words; the image
   * passes ZOO_4LW_COMMANDS_WHITELIST through to `4lw.commands.whitelist`. [ZK-4LW ZOOKEEPER-2693]
   */
  defaultFourLetterWords: ['srvr'],
  /** `netcat` is installed in the image, so probes can send four-letter words with `nc`. [ZK-IMG Dockerfile] */
  probeTool: 'nc',
  /** zkEnv.sh turns ZK_SERVER_HEAP (MiB, default 1000) into `-Xmx`. [apache/zookeeper bin/zkEnv.sh] */
  heapVariable: 'ZK_SERVER_HEAP',
  /** `server.N=host:2888:3888;2181`, space separated. [ZK-IMG docs zookeeper/README.md] */
  serversVariable: 'ZOO_SERVERS',
  myIdVariable: 'ZOO_MY_ID',
  /** ZOO_MY_ID must be 1–255. [ZK-IMG docs zookeeper/README.md] */
  maxServerId: 255,
} as const;

/** Facts about the `apache/kafka` image (apache/kafka docker/jvm and docker/resources). */
export const kafkaImage = {
  /**
   * The image switches to `USER appuser`, created by Alpine's `adduser -D`, which takes the
   * first free id from 1000 on a base without other users: uid/gid 1000 (also reported in
   * terascope/teraslice#4232). Kubernetes cannot check `runAsNonRoot` against a user NAME, so
   * the manifests set the numeric id explicitly. [AK-DOCKER docker/jvm/Dockerfile]
   */
  uid: 1000,
  gid: 1000,
  /** The image's CMD; it renders `KAFKA_*` variables into server.properties. [AK-DOCKER run, configure] */
  runScript: '/etc/kafka/docker/run',
  /** The image declares `VOLUME /var/lib/kafka/data` and chowns it to appuser. [AK-DOCKER Dockerfile] */
  dataMount: '/var/lib/kafka/data',
  /**
   * A sub-directory of the mount, because a fresh filesystem's `lost+found` would otherwise sit
   * inside the log directory, where Kafka expects only topic-partition folders.
   */
  logDirs: '/var/lib/kafka/data/logs',
  /** KAFKA_HEAP_OPTS replaces the script default `-Xmx1G -Xms1G`. [AK-DOCKER launch; kafka-server-start.sh] */
  heapVariable: 'KAFKA_HEAP_OPTS',
  /** With KAFKA_PROCESS_ROLES set, `launch` formats the storage with CLUSTER_ID when needed. [AK-DOCKER launch] */
  clusterIdVariable: 'CLUSTER_ID',
} as const;

/** Listener names and ports used by the generated Kafka configuration. */
export const kafkaPorts = { client: 9092, controller: 9093, internal: 9094 } as const;

/**
 * `server.properties` key → image environment variable: prefix KAFKA_, upper case, `.`→`_`,
 * `_`→`__`, `-`→`___`. [AK-DOCKER docker/examples/README.md]
 */
export function kafkaEnvName(property: string): string {
  return (
    'KAFKA_' + property.replace(/_/g, '__').replace(/-/g, '___').replace(/\./g, '_').toUpperCase()
  );
}

/** ZooKeeper settings the scaffold writes (tick/init/sync as in the k8s.io tutorial; autopurge on). [TUT; KC-ZK] */
export const zookeeperTuning = {
  tickTime: 2000,
  initLimit: 10,
  syncLimit: 5,
  autopurgeSnapRetainCount: 5,
  autopurgePurgeIntervalHours: 12,
  maxClientConnections: 60,
} as const;

/** Heap as a share of the container memory limit. [SZ JvmOptionUtils: Kafka 50 %, ZooKeeper 75 %] */
export const heapShare = { kafka: 0.5, zookeeper: 0.75 } as const;

/** Seconds granted for a clean stop: Kafka's controlled shutdown moves leadership away first. [KC-K: 300] */
export const terminationGraceSeconds = { kafka: 300, controller: 120, zookeeper: 60 } as const;

/** Replication settings derived from the broker count: RF 3 / min ISR 2 is the typical setup. [AK-ISR] */
export function replicationFor(brokers: number): {
  replicationFactor: number;
  minInsyncReplicas: number;
} {
  const replicationFactor = Math.min(3, brokers);
  return { replicationFactor, minInsyncReplicas: Math.max(1, replicationFactor - 1) };
}

/** CSI StorageClasses the scaffold can create. [AZ; kubernetes-sigs aws-ebs-csi-driver; GKE pd-csi docs] */
export const storageProviders = {
  'azure-disk-csi': {
    label: 'Azure Disk (CSI, Premium SSD)',
    className: 'azure-disk-premium-retain',
    provisioner: 'disk.csi.azure.com',
    parameters: { skuName: 'Premium_LRS' },
  },
  'aws-ebs-csi': {
    label: 'AWS EBS (CSI, gp3)',
    className: 'aws-ebs-gp3-retain',
    provisioner: 'ebs.csi.aws.com',
    parameters: { type: 'gp3', encrypted: 'true' },
  },
  'gce-pd-csi': {
    label: 'GCE Persistent Disk (CSI, SSD)',
    className: 'gce-pd-ssd-retain',
    provisioner: 'pd.csi.storage.gke.io',
    parameters: { type: 'pd-ssd' },
  },
} as const;

/** Pod labels Kubernetes maintains on StatefulSet pods (beta and on by default since 1.28). [K8S-API kubernetes#119232] */
export const podIndexLabel = 'apps.kubernetes.io/pod-index';

/** The node label pod anti-affinity spreads over. */
export const hostnameTopologyKey = 'kubernetes.io/hostname';

/**
 * The Strimzi release the kafka-strimzi variant is pinned to. Strimzi 1.2.0 (tag commit
 * 6c7b43c4af0db547c10463ba09d1dfa6f5e156a0) serves only the `kafka.strimzi.io/v1` API (1.0.0
 * removed v1beta2), runs Kafka 4.2.x and 4.3.x with 4.3.1 as its default (kafka-versions.yaml),
 * needs Kubernetes 1.30+ (its Helm chart README), and its own examples pair Kafka 4.3.1 with
 * metadataVersion 4.3-IV0 (packaging/examples/kafka/kafka-persistent.yaml). KRaft and node pools
 * are the only mode since 0.46.0 (ZooKeeper removed) and need no annotation since 0.48.0.
 * [strimzi/strimzi-kafka-operator CHANGELOG.md 1.0.0, 1.2.0; release notes 0.46.0, 0.48.0]
 */
export const strimzi = {
  release: '1.2.0',
  apiVersion: 'kafka.strimzi.io/v1',
  kafkaVersion: '4.3.1',
  metadataVersion: '4.3-IV0',
  minimumKubernetes: '1.30',
  /** The operator's Helm chart, as its README installs it. */
  helmChart: 'oci://quay.io/strimzi-helm/strimzi-kafka-operator',
  /** The label Strimzi puts on every pod of a node pool, used for anti-affinity. */
  poolNameLabel: 'strimzi.io/pool-name',
  clusterLabel: 'strimzi.io/cluster',
} as const;
