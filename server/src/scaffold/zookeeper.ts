// The ZooKeeper ensemble of the kafka-zookeeper variant, on the official `zookeeper` image:
// server ids from the pod ordinal, ZOO_SERVERS from the stable pod DNS names, and probes that
// only use four-letter words the ensemble whitelists.
import {
  clientService,
  dataVolume,
  envList,
  headlessService,
  heapMebibytes,
  ordinals,
  podDisruptionBudget,
  podDnsName,
  resources,
  restrictedContainerSecurity,
  statefulSet,
  zookeeperComponent,
} from './building-blocks';
import { heapShare, terminationGraceSeconds, zookeeperImage, zookeeperTuning } from './facts';
import { quantityMebibytes } from './option-checks';
import type { ScaffoldOptions } from './options';
import { commented } from './yaml-writer';
import type { YamlMapping } from './yaml-writer';

const { ports } = zookeeperImage;

/** The four-letter words the probes send; both must be whitelisted (only `srvr` is by default). */
export const zookeeperProbeWords = ['srvr', 'ruok'] as const;

/** `server.N=host:2888:3888;2181` for every member, N = ordinal + 1. */
export function zookeeperServers(options: ScaffoldOptions): string {
  return ordinals(options.zookeeperReplicas)
    .map((ordinal) => {
      const host = podDnsName(zookeeperComponent, ordinal, options);
      return `server.${ordinal + 1}=${host}:${ports.follower}:${ports.election};${ports.client}`;
    })
    .join(' ');
}

/** `host:2181,…` over every member's pod DNS name, the value of Kafka's zookeeper.connect. */
export function zookeeperConnect(options: ScaffoldOptions): string {
  return ordinals(options.zookeeperReplicas)
    .map((ordinal) => `${podDnsName(zookeeperComponent, ordinal, options)}:${ports.client}`)
    .join(',');
}

export function zookeeperHeadlessService(options: ScaffoldOptions): YamlMapping {
  return headlessService(
    zookeeperComponent,
    [
      { name: 'client', port: ports.client },
      { name: 'follower', port: ports.follower },
      { name: 'election', port: ports.election },
    ],
    options,
  );
}

export function zookeeperClientService(options: ScaffoldOptions): YamlMapping {
  return clientService(
    zookeeperComponent,
    zookeeperComponent.clientService!,
    [{ name: 'client', port: ports.client }],
    options,
  );
}

export function zookeeperPdb(options: ScaffoldOptions): YamlMapping {
  return podDisruptionBudget(zookeeperComponent, options);
}

const startScript = `# ZooKeeper server ids start at 1, pod ordinals at 0; the entrypoint writes myid once.
export ZOO_MY_ID=$((\${HOSTNAME##*-} + 1))
exec ${zookeeperImage.entrypoint} ${zookeeperImage.serverCommand}
`;

function fourLetterWordProbe(word: string, expected: string): string[] {
  return ['sh', '-c', `echo ${word} | nc -w 3 127.0.0.1 ${ports.client} | grep -q '${expected}'`];
}

export function zookeeperStatefulSet(
  options: ScaffoldOptions,
  storageClassName: string,
): YamlMapping {
  const heap = heapMebibytes(quantityMebibytes(options.zookeeperMemory)!, heapShare.zookeeper);
  const container: YamlMapping = {
    name: 'zookeeper',
    image: commented(
      'The official ZooKeeper image (uid/gid 1000); Kafka 3.9 documents ZooKeeper 3.8 as its stable branch.',
      options.zookeeperImage,
    ),
    imagePullPolicy: 'IfNotPresent',
    command: ['sh', '-c', startScript],
    ports: [
      { name: 'client', containerPort: ports.client },
      { name: 'follower', containerPort: ports.follower },
      { name: 'election', containerPort: ports.election },
    ],
    env: commented(
      'ZOO_4LW_COMMANDS_WHITELIST adds ruok for the liveness probe: since ZooKeeper 3.5.3 only srvr is\nallowed by default. The transaction log (ZOO_DATA_LOG_DIR) lives on the data volume too.',
      envList({
        [zookeeperImage.serversVariable]: zookeeperServers(options),
        ZOO_4LW_COMMANDS_WHITELIST: zookeeperProbeWords.join(','),
        ZOO_STANDALONE_ENABLED: 'false',
        ZOO_TICK_TIME: zookeeperTuning.tickTime,
        ZOO_INIT_LIMIT: zookeeperTuning.initLimit,
        ZOO_SYNC_LIMIT: zookeeperTuning.syncLimit,
        ZOO_AUTOPURGE_SNAPRETAINCOUNT: zookeeperTuning.autopurgeSnapRetainCount,
        ZOO_AUTOPURGE_PURGEINTERVAL: zookeeperTuning.autopurgePurgeIntervalHours,
        ZOO_MAX_CLIENT_CNXNS: zookeeperTuning.maxClientConnections,
        ZOO_DATA_DIR: zookeeperImage.dataDir,
        ZOO_DATA_LOG_DIR: zookeeperImage.dataLogDir,
        [zookeeperImage.heapVariable]: heap,
      }),
    ),
    resources: resources('500m', options.zookeeperMemory),
    // Ready only while the server is part of a quorum and serving (srvr prints its Mode then).
    readinessProbe: {
      exec: { command: fourLetterWordProbe('srvr', '^Mode: ') },
      initialDelaySeconds: 10,
      periodSeconds: 10,
      timeoutSeconds: 5,
      failureThreshold: 3,
    },
    // Alive while the process answers at all, with or without a quorum.
    livenessProbe: {
      exec: { command: fourLetterWordProbe('ruok', 'imok') },
      initialDelaySeconds: 30,
      periodSeconds: 20,
      timeoutSeconds: 5,
      failureThreshold: 6,
    },
    securityContext: restrictedContainerSecurity,
    volumeMounts: [{ name: dataVolume, mountPath: zookeeperImage.dataDir }],
  };
  return statefulSet(
    {
      component: zookeeperComponent,
      replicas: options.zookeeperReplicas,
      terminationGracePeriodSeconds: terminationGraceSeconds.zookeeper,
      uid: zookeeperImage.uid,
      gid: zookeeperImage.gid,
      container,
      volumeSize: options.zookeeperVolumeSize,
      storageClassName,
    },
    options,
  );
}
