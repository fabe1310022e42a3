// The Kafka brokers (both variants) and the KRaft controller quorum, on the apache/kafka image:
// ids from the pod ordinal, advertised listeners on each pod's stable DNS name, replication
// settings derived from the broker count, and data on the volume claim.
import {
  brokerComponent,
  clientService,
  controllerComponent,
  dataVolume,
  envList,
  fieldEnv,
  headlessService,
  heapMebibytes,
  ordinals,
  podDisruptionBudget,
  podDnsName,
  resources,
  restrictedContainerSecurity,
  serviceDnsSuffix,
  statefulSet,
  tcpProbe,
} from './building-blocks';
import type { Component } from './building-blocks';
import {
  heapShare,
  kafkaEnvName,
  kafkaImage,
  kafkaPorts,
  replicationFor,
  terminationGraceSeconds,
} from './facts';
import { quantityMebibytes } from './option-checks';
import type { ScaffoldOptions } from './options';
import { zookeeperConnect } from './zookeeper';
import type { YamlData, YamlMapping } from './yaml-writer';
import { commented } from './yaml-writer';

/** KRaft controllers get node ids from 1000 so they never collide with broker ids (= ordinals). */
export const controllerIdOffset = 1000;

/** `id@host:9093,…` over the controller pods' DNS names. */
export function controllerQuorumVoters(options: ScaffoldOptions): string {
  return ordinals(options.controllers)
    .map(
      (ordinal) =>
        `${controllerIdOffset + ordinal}@${podDnsName(controllerComponent, ordinal, options)}:${kafkaPorts.controller}`,
    )
    .join(',');
}

function properties(
  values: Readonly<Record<string, string | number>>,
): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [kafkaEnvName(key), value]),
  );
}

function heapOptions(memory: string): string {
  const heap = heapMebibytes(quantityMebibytes(memory)!, heapShare.kafka);
  return `-Xms${heap}m -Xmx${heap}m`;
}

function startScript(idVariable: string, idExpression: string, explanation: string): string {
  return `# ${explanation}
export ${idVariable}=${idExpression}
exec ${kafkaImage.runScript}
`;
}

export function kafkaHeadlessService(options: ScaffoldOptions): YamlMapping {
  return headlessService(
    brokerComponent,
    [
      { name: 'client', port: kafkaPorts.client },
      { name: 'internal', port: kafkaPorts.internal },
    ],
    options,
  );
}

export function kafkaBootstrapService(options: ScaffoldOptions): YamlMapping {
  return clientService(
    brokerComponent,
    brokerComponent.clientService!,
    [{ name: 'client', port: kafkaPorts.client }],
    options,
  );
}

export function kafkaPdb(options: ScaffoldOptions): YamlMapping {
  return podDisruptionBudget(brokerComponent, options);
}

export function controllerHeadlessService(options: ScaffoldOptions): YamlMapping {
  return headlessService(
    controllerComponent,
    [{ name: 'controller', port: kafkaPorts.controller }],
    options,
  );
}

export function controllerPdb(options: ScaffoldOptions): YamlMapping {
  return podDisruptionBudget(controllerComponent, options);
}

/** Broker environment: listeners, replication and storage; the variant adds ZooKeeper or KRaft keys. */
function brokerEnv(options: ScaffoldOptions): YamlData[] {
  const { replicationFactor, minInsyncReplicas } = replicationFor(options.brokers);
  const host = `$(POD_NAME).${serviceDnsSuffix(brokerComponent, options)}`;
  const kraft = options.variant === 'kafka-kraft';
  const modeProperties: Record<string, string | number> = kraft
    ? {
        'process.roles': 'broker',
        'controller.quorum.voters': controllerQuorumVoters(options),
        'controller.listener.names': 'CONTROLLER',
      }
    : { 'zookeeper.connect': zookeeperConnect(options) };
  const shareTopics: Record<string, number> = kraft
    ? {
        'share.coordinator.state.topic.replication.factor': replicationFactor,
        'share.coordinator.state.topic.min.isr': minInsyncReplicas,
      }
    : {};
  return [
    // POD_NAME comes first: Kubernetes expands $(POD_NAME) only in variables defined after it.
    fieldEnv('POD_NAME', 'metadata.name'),
    ...envList({
      ...(kraft ? { [kafkaImage.clusterIdVariable]: options.clusterId } : {}),
      ...properties({
        ...modeProperties,
        listeners: `CLIENT://0.0.0.0:${kafkaPorts.client},INTERNAL://0.0.0.0:${kafkaPorts.internal}`,
        'advertised.listeners': `CLIENT://${host}:${kafkaPorts.client},INTERNAL://${host}:${kafkaPorts.internal}`,
        'listener.security.protocol.map': `${kraft ? 'CONTROLLER:PLAINTEXT,' : ''}CLIENT:PLAINTEXT,INTERNAL:PLAINTEXT`,
        'inter.broker.listener.name': 'INTERNAL',
        'log.dirs': kafkaImage.logDirs,
        'default.replication.factor': replicationFactor,
        'min.insync.replicas': minInsyncReplicas,
        'offsets.topic.replication.factor': replicationFactor,
        'transaction.state.log.replication.factor': replicationFactor,
        'transaction.state.log.min.isr': minInsyncReplicas,
        ...shareTopics,
        'unclean.leader.election.enable': 'false',
      }),
      [kafkaImage.heapVariable]: heapOptions(options.kafkaMemory),
    }),
  ];
}

function kafkaContainer(
  name: string,
  options: ScaffoldOptions,
  parts: {
    script: string;
    ports: YamlData[];
    env: YamlData[];
    memory: string;
    cpu: string;
    probePort: string;
    livenessPort: string;
  },
): YamlMapping {
  const pin =
    options.variant === 'kafka-zookeeper'
      ? 'Kafka 3.9.x is the last line with ZooKeeper mode: Kafka 4.0 removed it. Keep this image on 3.9.x\nand migrate to KRaft (the kafka-kraft scaffold) before upgrading to 4.x.'
      : 'Kafka 4.x runs in KRaft mode only. The image runs as appuser (uid/gid 1000).';
  return {
    name,
    image: commented(pin, options.kafkaImage),
    imagePullPolicy: 'IfNotPresent',
    command: ['sh', '-c', parts.script],
    ports: parts.ports,
    env: parts.env,
    resources: resources(parts.cpu, parts.memory),
    // Log recovery after an unclean stop can take minutes; the startup probe holds off liveness.
    startupProbe: tcpProbe(parts.probePort, { periodSeconds: 10, failureThreshold: 60 }),
    readinessProbe: tcpProbe(parts.probePort, { periodSeconds: 10, failureThreshold: 3 }),
    livenessProbe: tcpProbe(parts.livenessPort, { periodSeconds: 20, failureThreshold: 6 }),
    securityContext: restrictedContainerSecurity,
    volumeMounts: [{ name: dataVolume, mountPath: kafkaImage.dataMount }],
  };
}

function kafkaStatefulSet(
  component: Component,
  replicas: number,
  grace: number,
  container: YamlMapping,
  volumeSize: string,
  storageClassName: string,
  options: ScaffoldOptions,
): YamlMapping {
  return statefulSet(
    {
      component,
      replicas,
      terminationGracePeriodSeconds: grace,
      uid: kafkaImage.uid,
      gid: kafkaImage.gid,
      container,
      volumeSize,
      storageClassName,
    },
    options,
  );
}

export function kafkaBrokerStatefulSet(
  options: ScaffoldOptions,
  storageClassName: string,
): YamlMapping {
  const idVariable = kafkaEnvName(options.variant === 'kafka-kraft' ? 'node.id' : 'broker.id');
  const container = kafkaContainer('kafka', options, {
    script: startScript(
      idVariable,
      '${HOSTNAME##*-}',
      'The broker id is the pod ordinal: kafka-0 is broker 0.',
    ),
    ports: [
      { name: 'client', containerPort: kafkaPorts.client },
      { name: 'internal', containerPort: kafkaPorts.internal },
    ],
    env: brokerEnv(options),
    memory: options.kafkaMemory,
    cpu: '1',
    probePort: 'client',
    livenessPort: 'internal',
  });
  return kafkaStatefulSet(
    brokerComponent,
    options.brokers,
    terminationGraceSeconds.kafka,
    container,
    options.kafkaVolumeSize,
    storageClassName,
    options,
  );
}

export function controllerStatefulSet(
  options: ScaffoldOptions,
  storageClassName: string,
): YamlMapping {
  const env = envList({
    [kafkaImage.clusterIdVariable]: options.clusterId,
    ...properties({
      'process.roles': 'controller',
      'controller.quorum.voters': controllerQuorumVoters(options),
      'controller.listener.names': 'CONTROLLER',
      listeners: `CONTROLLER://0.0.0.0:${kafkaPorts.controller}`,
      'listener.security.protocol.map': 'CONTROLLER:PLAINTEXT',
      'log.dirs': kafkaImage.logDirs,
    }),
    [kafkaImage.heapVariable]: heapOptions(options.controllerMemory),
  });
  const container = kafkaContainer('controller', options, {
    script: startScript(
      kafkaEnvName('node.id'),
      `$((${controllerIdOffset} + \${HOSTNAME##*-}))`,
      `Controller ids are ${controllerIdOffset} + the pod ordinal, apart from the broker ids.`,
    ),
    ports: [{ name: 'controller', containerPort: kafkaPorts.controller }],
    env,
    memory: options.controllerMemory,
    cpu: '500m',
    probePort: 'controller',
    livenessPort: 'controller',
  });
  return kafkaStatefulSet(
    controllerComponent,
    options.controllers,
    terminationGraceSeconds.controller,
    container,
    options.controllerVolumeSize,
    storageClassName,
    options,
  );
}
