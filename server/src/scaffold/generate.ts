// The scaffold's entry point: validated options in, one file per object plus a
// kustomization.yaml out. Pure: it writes nothing; the CLI and the editor write the files.
import type { ScaffoldFile, ScaffoldOptionsInput, ScaffoldResult } from '../protocol';
import { brokerComponent } from './building-blocks';
import { storageProviders } from './facts';
import {
  controllerHeadlessService,
  controllerPdb,
  controllerStatefulSet,
  kafkaBootstrapService,
  kafkaBrokerStatefulSet,
  kafkaHeadlessService,
  kafkaPdb,
} from './kafka';
import type { ScaffoldOptions } from './options';
import { resolveScaffoldOptions } from './options';
import { strimziFiles, strimziHeader, strimziMainFile } from './strimzi';
import type { YamlMapping } from './yaml-writer';
import { writeYamlFile } from './yaml-writer';
import {
  zookeeperClientService,
  zookeeperHeadlessService,
  zookeeperPdb,
  zookeeperStatefulSet,
} from './zookeeper';

/** The file the editor opens when it is done: the Kafka broker StatefulSet. */
export const mainFile = `${brokerComponent.statefulSet}-statefulset.yaml`;

interface PlannedFile {
  readonly path: string;
  readonly description: string;
  readonly object: YamlMapping;
}

/** Validates the options and generates the manifest set, or returns the errors and no files. */
export function generateKafkaManifests(input: ScaffoldOptionsInput): ScaffoldResult {
  const { options, errors, warnings } = resolveScaffoldOptions(input);
  if (!options) {
    return { files: [], mainFile, warnings, errors };
  }
  const strimzi = options.variant === 'kafka-strimzi';
  const planned = strimzi ? planStrimziFiles(options) : planFiles(options);
  const files: ScaffoldFile[] = planned.map((file) => ({
    path: file.path,
    content: writeYamlFile(
      [
        ...header(file.description, options),
        // The Strimzi set says once, on its main file, which operator it needs.
        ...(strimzi && file.path === strimziMainFile ? strimziHeader(options) : []),
      ],
      file.object,
    ),
  }));
  files.push({
    path: 'kustomization.yaml',
    content: writeYamlFile(
      [
        ...header('Applies the whole set: kubectl apply -k <this folder>.', options),
        ...(strimzi ? strimziHeader(options) : []),
      ],
      {
        apiVersion: 'kustomize.config.k8s.io/v1beta1',
        kind: 'Kustomization',
        resources: planned.map((file) => file.path),
      },
    ),
  });
  return { files, mainFile: strimzi ? strimziMainFile : mainFile, warnings, errors: [] };
}

/** The namespace and, when one is created, the StorageClass: the start of every set. */
function baseFiles(options: ScaffoldOptions, namespaceFile: PlannedFile): PlannedFile[] {
  const storage = storageClassFor(options);
  return storage.object
    ? [
        namespaceFile,
        {
          path: 'storage-class.yaml',
          description:
            'Disks that outlive their claims and bind in the zone of the pod that uses them.',
          object: storage.object,
        },
      ]
    : [namespaceFile];
}

function planStrimziFiles(options: ScaffoldOptions): PlannedFile[] {
  return [
    ...baseFiles(options, {
      path: 'namespace.yaml',
      description:
        "The namespace: Pod Security baseline enforced (Strimzi's default pod security provider), restricted warned.",
      // Strimzi's own pods follow its pod security provider, which by default is the baseline
      // one (install the operator with the restricted provider to enforce restricted too).
      object: namespace(options, 'baseline'),
    }),
    ...strimziFiles(options, storageClassFor(options).name),
  ];
}

function planFiles(options: ScaffoldOptions): PlannedFile[] {
  const storage = storageClassFor(options);
  const files: PlannedFile[] = baseFiles(options, {
    path: 'namespace.yaml',
    description: 'The namespace, enforcing the restricted Pod Security profile.',
    object: namespace(options, 'restricted'),
  });
  if (options.variant === 'kafka-zookeeper') {
    files.push(
      {
        path: 'zookeeper-headless-service.yaml',
        description: 'Stable DNS names for the ZooKeeper servers (zookeeper-N.zookeeper-headless).',
        object: zookeeperHeadlessService(options),
      },
      {
        path: 'zookeeper-client-service.yaml',
        description: 'The address ZooKeeper clients connect to.',
        object: zookeeperClientService(options),
      },
      {
        path: 'zookeeper-pdb.yaml',
        description:
          'Voluntary disruptions take at most one ZooKeeper server, so the quorum survives drains.',
        object: zookeeperPdb(options),
      },
      {
        path: 'zookeeper-statefulset.yaml',
        description: `The ZooKeeper ensemble (${options.zookeeperReplicas} servers) Kafka 3.9 keeps its metadata in.`,
        object: zookeeperStatefulSet(options, storage.name),
      },
    );
  } else {
    files.push(
      {
        path: 'kafka-controller-headless-service.yaml',
        description:
          'Stable DNS names for the KRaft controllers (the controller.quorum.voters hosts).',
        object: controllerHeadlessService(options),
      },
      {
        path: 'kafka-controller-pdb.yaml',
        description:
          'Voluntary disruptions take at most one controller, so the metadata quorum survives drains.',
        object: controllerPdb(options),
      },
      {
        path: 'kafka-controller-statefulset.yaml',
        description: `The KRaft controller quorum (${options.controllers} dedicated controllers, as Kafka recommends for production).`,
        object: controllerStatefulSet(options, storage.name),
      },
    );
  }
  files.push(
    {
      path: 'kafka-headless-service.yaml',
      description: 'Stable DNS names for the brokers; each broker advertises its own.',
      object: kafkaHeadlessService(options),
    },
    {
      path: 'kafka-bootstrap-service.yaml',
      description: 'The bootstrap address for Kafka clients inside the cluster.',
      object: kafkaBootstrapService(options),
    },
    {
      path: 'kafka-pdb.yaml',
      description: 'Voluntary disruptions take at most one broker at a time.',
      object: kafkaPdb(options),
    },
    {
      path: mainFile,
      description: `The Kafka brokers (${options.brokers}).`,
      object: kafkaBrokerStatefulSet(options, storage.name),
    },
  );
  return files;
}

function header(description: string, options: ScaffoldOptions): string[] {
  const lines = [`Generated by Kube Stateful (${options.variant} scaffold).`, description];
  if (options.variant === 'kafka-zookeeper') {
    lines.push(
      'ZooKeeper mode is deprecated since Kafka 3.5 and removed in Kafka 4.0: this set pins Kafka 3.9.x,',
      'the last line that has it. Migrate to KRaft before upgrading Kafka to 4.x.',
    );
  }
  return lines;
}

/** The namespace, enforcing the given Pod Security level and warning about restricted. */
function namespace(options: ScaffoldOptions, enforce: 'baseline' | 'restricted'): YamlMapping {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: options.namespace,
      labels: {
        'pod-security.kubernetes.io/enforce': enforce,
        'pod-security.kubernetes.io/warn': 'restricted',
      },
    },
  };
}

/** The StorageClass the claims use, and the object to create when the user asked for one. */
function storageClassFor(options: ScaffoldOptions): { name: string; object?: YamlMapping } {
  const choice = options.storageClass;
  if ('existing' in choice) {
    return { name: choice.existing };
  }
  const provider = storageProviders[choice.create];
  return {
    name: provider.className,
    object: {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: provider.className },
      provisioner: provider.provisioner,
      parameters: provider.parameters,
      // Retain keeps the disk (and the data) when a claim is deleted by mistake.
      reclaimPolicy: 'Retain',
      volumeBindingMode: 'WaitForFirstConsumer',
      allowVolumeExpansion: true,
    },
  };
}
