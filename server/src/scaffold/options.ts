// Scaffold options: defaults, and the validation that turns an input (from the CLI or the
// editor) into complete options, or into clear errors naming the offending option.
import { createHash } from 'node:crypto';
import type {
  AntiAffinityMode,
  ScaffoldOptionIssue,
  ScaffoldOptionsInput,
  ScaffoldVariant,
  StorageClassChoice,
} from '../protocol';
import { defaultKafkaImage, scaffoldDefaults } from './defaults';
import { storageProviders } from './facts';
import {
  brokersWarning,
  checkBrokers,
  checkClusterDomain,
  checkClusterId,
  checkKafkaImage,
  checkNamespace,
  checkQuantity,
  checkQuorumSize,
  checkStorageClassName,
  checkZookeeperImage,
  kafkaImageWarning,
  zookeeperImageWarning,
} from './option-checks';

/** Complete, validated options: every field has its final value. */
export interface ScaffoldOptions {
  readonly variant: ScaffoldVariant;
  readonly namespace: string;
  readonly zookeeperReplicas: number;
  readonly controllers: number;
  readonly brokers: number;
  readonly storageClass: StorageClassChoice;
  readonly kafkaVolumeSize: string;
  readonly zookeeperVolumeSize: string;
  readonly controllerVolumeSize: string;
  readonly kafkaMemory: string;
  readonly zookeeperMemory: string;
  readonly controllerMemory: string;
  readonly kafkaImage: string;
  readonly zookeeperImage: string;
  readonly antiAffinity: AntiAffinityMode;
  readonly clusterId: string;
  readonly clusterDomain: string;
}

/**
 * A KRaft cluster id derived from the namespace, so regenerating the same set gives the same id
 * (the id is written into every node's storage and must never change for a running cluster).
 */
export function deriveClusterId(namespace: string): string {
  for (let attempt = 0; ; attempt++) {
    const seed = `kube-stateful/kafka/${namespace}${attempt === 0 ? '' : `/${attempt}`}`;
    const id = createHash('sha256').update(seed).digest().subarray(0, 16).toString('base64url');
    // Like kafka-storage.sh random-uuid, avoid a leading '-', which command lines read as an option.
    if (!id.startsWith('-')) {
      return id;
    }
  }
}

export interface ResolvedOptions {
  /** Undefined when there are errors. */
  readonly options: ScaffoldOptions | undefined;
  readonly errors: readonly ScaffoldOptionIssue[];
  readonly warnings: readonly string[];
}

/** Fills in defaults and validates every field; nothing is generated from invalid options. */
export function resolveScaffoldOptions(input: ScaffoldOptionsInput): ResolvedOptions {
  const variant = input.variant;
  const namespace = input.namespace ?? scaffoldDefaults.namespace;
  const options: ScaffoldOptions = {
    variant,
    namespace,
    zookeeperReplicas: input.zookeeperReplicas ?? scaffoldDefaults.zookeeperReplicas,
    controllers: input.controllers ?? scaffoldDefaults.controllers,
    brokers: input.brokers ?? scaffoldDefaults.brokers,
    storageClass: input.storageClass ?? scaffoldDefaults.storageClass,
    kafkaVolumeSize: input.kafkaVolumeSize ?? scaffoldDefaults.kafkaVolumeSize,
    zookeeperVolumeSize: input.zookeeperVolumeSize ?? scaffoldDefaults.zookeeperVolumeSize,
    controllerVolumeSize: input.controllerVolumeSize ?? scaffoldDefaults.controllerVolumeSize,
    kafkaMemory: input.kafkaMemory ?? scaffoldDefaults.kafkaMemory,
    zookeeperMemory: input.zookeeperMemory ?? scaffoldDefaults.zookeeperMemory,
    controllerMemory: input.controllerMemory ?? scaffoldDefaults.controllerMemory,
    kafkaImage: input.kafkaImage ?? defaultKafkaImage(variant),
    zookeeperImage: input.zookeeperImage ?? scaffoldDefaults.zookeeperImage,
    antiAffinity: input.antiAffinity ?? scaffoldDefaults.antiAffinity,
    clusterId: input.clusterId ?? deriveClusterId(namespace),
    clusterDomain: input.clusterDomain ?? scaffoldDefaults.clusterDomain,
  };
  const errors: ScaffoldOptionIssue[] = [];
  const check = (option: keyof ScaffoldOptionsInput, message: string | undefined): void => {
    if (message) {
      errors.push({ option, message });
    }
  };
  const zookeeper = variant === 'kafka-zookeeper';
  // The Strimzi variant pins its Kafka version through the operator release: no image, no id.
  const strimzi = variant === 'kafka-strimzi';
  if (variant !== 'kafka-zookeeper' && variant !== 'kafka-kraft' && !strimzi) {
    check(
      'variant',
      `Unknown variant '${String(variant)}': use kafka-zookeeper, kafka-kraft or kafka-strimzi.`,
    );
  }
  check('namespace', checkNamespace(options.namespace));
  if (zookeeper) {
    check('zookeeperReplicas', checkQuorumSize(options.zookeeperReplicas, 'ZooKeeper replicas'));
    check(
      'zookeeperVolumeSize',
      checkQuantity(options.zookeeperVolumeSize, 'ZooKeeper volume size', 1024),
    );
    check('zookeeperMemory', checkQuantity(options.zookeeperMemory, 'ZooKeeper memory', 512));
    check('zookeeperImage', checkZookeeperImage(options.zookeeperImage));
  } else {
    check('controllers', checkQuorumSize(options.controllers, 'KRaft controllers'));
    check(
      'controllerVolumeSize',
      checkQuantity(options.controllerVolumeSize, 'Controller volume size', 1024),
    );
    check('controllerMemory', checkQuantity(options.controllerMemory, 'Controller memory', 512));
    if (!strimzi) {
      check('clusterId', checkClusterId(options.clusterId));
    }
  }
  check('brokers', checkBrokers(options.brokers));
  check('storageClass', checkStorageChoice(options.storageClass));
  check('kafkaVolumeSize', checkQuantity(options.kafkaVolumeSize, 'Kafka volume size', 1024));
  check('kafkaMemory', checkQuantity(options.kafkaMemory, 'Kafka memory', 1024));
  if (!strimzi) {
    check('kafkaImage', checkKafkaImage(options.kafkaImage, variant));
  }
  if (options.antiAffinity !== 'required' && options.antiAffinity !== 'preferred') {
    check(
      'antiAffinity',
      `Anti-affinity '${String(options.antiAffinity)}' must be required or preferred.`,
    );
  }
  check('clusterDomain', checkClusterDomain(options.clusterDomain));
  if (errors.length > 0) {
    return { options: undefined, errors, warnings: [] };
  }
  return { options, errors, warnings: collectWarnings(options) };
}

function checkStorageChoice(choice: StorageClassChoice): string | undefined {
  if ('existing' in choice) {
    return checkStorageClassName(choice.existing);
  }
  if (!Object.hasOwn(storageProviders, choice.create)) {
    return `Unknown StorageClass provider '${String(choice.create)}': use ${Object.keys(storageProviders).join(', ')}.`;
  }
  return undefined;
}

function collectWarnings(options: ScaffoldOptions): string[] {
  const warnings = [
    brokersWarning(options.brokers),
    options.variant === 'kafka-strimzi' ? undefined : kafkaImageWarning(options.kafkaImage),
  ];
  if (options.variant === 'kafka-zookeeper') {
    warnings.push(zookeeperImageWarning(options.zookeeperImage));
  }
  if (options.namespace === 'default' || options.namespace.startsWith('kube-')) {
    warnings.push(
      `Namespace '${options.namespace}' is shared with other workloads; a dedicated namespace keeps the restricted Pod Security labels and the cluster's resources together.`,
    );
  }
  return warnings.filter((warning): warning is string => warning !== undefined);
}
