// `kube-stateful scaffold kafka-zookeeper|kafka-kraft|kafka-strimzi --out DIR [options]`: generates the manifest
// set and writes it, refusing (and writing nothing) when a target exists unless --force is given.
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type {
  ScaffoldOptionsInput,
  ScaffoldVariant,
  StorageClassChoice,
  StorageProvider,
} from '../protocol';
import { strimzi } from '../scaffold/facts';
import { generateKafkaManifests } from '../scaffold/generate';
import { parseCount } from '../scaffold/option-checks';
import { describePlan, existingPaths, planWrites } from '../scaffold/write-plan';
import { writeAllOrNothing, WriteError } from './write-files';

export const scaffoldUsage = `Usage: kube-stateful scaffold <kafka-zookeeper|kafka-kraft|kafka-strimzi> --out DIR [options]

Writes a Kafka manifest set (one file per object and a kustomization.yaml) into DIR.
kafka-zookeeper pins Kafka 3.9.x, the last line with ZooKeeper mode; kafka-kraft uses Kafka 4.x.
kafka-strimzi writes Strimzi ${strimzi.release} custom resources (Kafka, controller and broker
KafkaNodePools, a KafkaTopic) for the Strimzi operator, which must be installed separately
(images, cluster id and domain do not apply to it).

Options:
  --out DIR                          Target folder (created when missing)
  --namespace NAME                   Namespace of every object (default: kafka)
  --zookeeper-replicas N             ZooKeeper servers, odd and >= 3 (default: 3)
  --controllers N                    KRaft controllers, odd and >= 3 (default: 3)
  --brokers N                        Kafka brokers, >= 3 recommended (default: 3)
  --storage-class-provider P         Create a StorageClass: azure, aws or gce (default: azure)
  --storage-class NAME               Use an existing StorageClass instead
  --kafka-volume-size SIZE           Per-broker volume (default: 100Gi)
  --zookeeper-volume-size SIZE       Per-server ZooKeeper volume (default: 10Gi)
  --controller-volume-size SIZE      Per-controller volume (default: 10Gi)
  --kafka-memory SIZE                Broker memory limit; the heap is half of it (default: 4Gi)
  --zookeeper-memory SIZE            ZooKeeper memory limit (default: 2Gi)
  --controller-memory SIZE           Controller memory limit (default: 2Gi)
  --anti-affinity required|preferred One pod per node, or only preferably (default: required)
  --kafka-image IMAGE                Kafka image (default: apache/kafka 3.9.x or 4.x by variant)
  --zookeeper-image IMAGE            ZooKeeper image (default: the official zookeeper image)
  --cluster-id ID                    KRaft cluster id (default: derived from the namespace)
  --cluster-domain DOMAIN            Cluster DNS domain (default: cluster.local)
  --force                            Overwrite files that already exist
  -h, --help                         Show this help
`;

const optionSpec = {
  out: { type: 'string' },
  namespace: { type: 'string' },
  'zookeeper-replicas': { type: 'string' },
  controllers: { type: 'string' },
  brokers: { type: 'string' },
  'storage-class-provider': { type: 'string' },
  'storage-class': { type: 'string' },
  'kafka-volume-size': { type: 'string' },
  'zookeeper-volume-size': { type: 'string' },
  'controller-volume-size': { type: 'string' },
  'kafka-memory': { type: 'string' },
  'zookeeper-memory': { type: 'string' },
  'controller-memory': { type: 'string' },
  'anti-affinity': { type: 'string' },
  'kafka-image': { type: 'string' },
  'zookeeper-image': { type: 'string' },
  'cluster-id': { type: 'string' },
  'cluster-domain': { type: 'string' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The flag that sets each option, so option errors point at what the user typed. */
const flagOf: Readonly<Record<keyof ScaffoldOptionsInput, string>> = {
  variant: '<variant>',
  namespace: '--namespace',
  zookeeperReplicas: '--zookeeper-replicas',
  controllers: '--controllers',
  brokers: '--brokers',
  storageClass: '--storage-class',
  kafkaVolumeSize: '--kafka-volume-size',
  zookeeperVolumeSize: '--zookeeper-volume-size',
  controllerVolumeSize: '--controller-volume-size',
  kafkaMemory: '--kafka-memory',
  zookeeperMemory: '--zookeeper-memory',
  controllerMemory: '--controller-memory',
  kafkaImage: '--kafka-image',
  zookeeperImage: '--zookeeper-image',
  antiAffinity: '--anti-affinity',
  clusterId: '--cluster-id',
  clusterDomain: '--cluster-domain',
};

const providers: Readonly<Record<string, StorageProvider>> = {
  azure: 'azure-disk-csi',
  aws: 'aws-ebs-csi',
  gce: 'gce-pd-csi',
  'azure-disk-csi': 'azure-disk-csi',
  'aws-ebs-csi': 'aws-ebs-csi',
  'gce-pd-csi': 'gce-pd-csi',
};

class UsageError extends Error {}

type ParsedValues = ReturnType<typeof parseArgs<{ options: typeof optionSpec }>>['values'];

/**
 * Runs the subcommand; returns the exit code (0 done, 1 refused to overwrite, 2 bad usage or a
 * folder that cannot be written).
 */
export function runScaffold(argv: readonly string[]): number {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: optionSpec,
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      process.stdout.write(scaffoldUsage);
      return 0;
    }
    const input = toInput(positionals, values);
    if (!values.out) {
      throw new UsageError('--out DIR is required: the folder to write the manifests into.');
    }
    return writeScaffold(input, resolve(values.out), values.force === true);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      process.stderr.write(`kube-stateful scaffold: ${error.message}\n\n${scaffoldUsage}`);
      return 2;
    }
    throw error;
  }
}

function isParseArgsError(error: unknown): error is Error {
  return (
    error instanceof Error &&
    String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS')
  );
}

function toInput(positionals: readonly string[], values: ParsedValues): ScaffoldOptionsInput {
  const [variant, ...extra] = positionals;
  if (variant !== 'kafka-zookeeper' && variant !== 'kafka-kraft' && variant !== 'kafka-strimzi') {
    throw new UsageError(
      variant === undefined
        ? 'name a variant: kafka-zookeeper, kafka-kraft or kafka-strimzi.'
        : `unknown variant '${variant}': use kafka-zookeeper, kafka-kraft or kafka-strimzi.`,
    );
  }
  if (extra.length > 0) {
    throw new UsageError(`unexpected argument '${extra[0]}'.`);
  }
  const count = (flag: string, text: string | undefined): number | undefined => {
    if (text === undefined) {
      return undefined;
    }
    const value = parseCount(text);
    if (value === undefined) {
      throw new UsageError(`${flag} expects a whole number, got '${text}'.`);
    }
    return value;
  };
  const antiAffinity = values['anti-affinity'];
  if (antiAffinity !== undefined && antiAffinity !== 'required' && antiAffinity !== 'preferred') {
    throw new UsageError(`--anti-affinity expects required or preferred, got '${antiAffinity}'.`);
  }
  return {
    variant: variant satisfies ScaffoldVariant,
    namespace: values.namespace,
    zookeeperReplicas: count('--zookeeper-replicas', values['zookeeper-replicas']),
    controllers: count('--controllers', values.controllers),
    brokers: count('--brokers', values.brokers),
    storageClass: storageChoice(values['storage-class-provider'], values['storage-class']),
    kafkaVolumeSize: values['kafka-volume-size'],
    zookeeperVolumeSize: values['zookeeper-volume-size'],
    controllerVolumeSize: values['controller-volume-size'],
    kafkaMemory: values['kafka-memory'],
    zookeeperMemory: values['zookeeper-memory'],
    controllerMemory: values['controller-memory'],
    kafkaImage: values['kafka-image'],
    zookeeperImage: values['zookeeper-image'],
    antiAffinity,
    clusterId: values['cluster-id'],
    clusterDomain: values['cluster-domain'],
  };
}

function storageChoice(
  provider: string | undefined,
  existing: string | undefined,
): StorageClassChoice | undefined {
  if (provider !== undefined && existing !== undefined) {
    throw new UsageError(
      'use either --storage-class-provider (create a StorageClass) or --storage-class (use an existing one), not both.',
    );
  }
  if (existing !== undefined) {
    return { existing };
  }
  if (provider === undefined) {
    return undefined;
  }
  const create = providers[provider];
  if (!create) {
    throw new UsageError(`--storage-class-provider expects azure, aws or gce, got '${provider}'.`);
  }
  return { create };
}

function writeScaffold(input: ScaffoldOptionsInput, out: string, force: boolean): number {
  const result = generateKafkaManifests(input);
  if (result.errors.length > 0) {
    const lines = result.errors.map((issue) => `  ${flagOf[issue.option]}: ${issue.message}`);
    process.stderr.write(`kube-stateful scaffold: invalid options:\n${lines.join('\n')}\n`);
    return 2;
  }
  if (existsSync(out) && !statSync(out).isDirectory()) {
    process.stderr.write(`kube-stateful scaffold: ${out} exists and is not a folder.\n`);
    return 1;
  }
  // Check every target before writing anything, so a refusal leaves the folder untouched.
  const existing = existingPaths(result.files, (path) => existsSync(join(out, path)));
  const plan = planWrites(result.files, existing, force ? 'overwrite' : 'cancel');
  if (!plan) {
    process.stderr.write(
      `kube-stateful scaffold: refusing to overwrite ${existing.length} existing file(s) in ${out}: ${existing.join(', ')}.\nNothing was written. Use --force to overwrite them, or choose another --out folder.\n`,
    );
    return 1;
  }
  try {
    writeAllOrNothing(out, [...plan.create, ...plan.overwrite]);
  } catch (error) {
    if (error instanceof WriteError) {
      process.stderr.write(`kube-stateful scaffold: ${error.message} Nothing was written.\n`);
      return 2;
    }
    throw error;
  }
  for (const warning of result.warnings) {
    process.stderr.write(`warning: ${warning}\n`);
  }
  process.stdout.write(`${describePlan(plan, out)}\nMain file: ${join(out, result.mainFile)}\n`);
  return 0;
}
