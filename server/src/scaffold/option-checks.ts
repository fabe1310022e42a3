// Field-by-field checks of scaffold options. Pure and dependency-free (image-reference.ts is too)
// so the client can import it by path to validate input boxes as the user types, with the same messages as the server.
import type { ScaffoldVariant } from '../protocol';
import { imageVersion, parseImage } from '../schema/image-reference';

const dnsLabel = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const dnsSubdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Whole numbers written as digits only; anything else (`3.5`, `3e0`, ` 3`) is not a count. */
export function parseCount(text: string): number | undefined {
  return /^[0-9]{1,6}$/.test(text.trim()) ? Number(text.trim()) : undefined;
}

export function checkNamespace(name: string): string | undefined {
  if (name.length === 0 || name.length > 63 || !dnsLabel.test(name)) {
    return `'${name}' is not a valid namespace: use at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit.`;
  }
  return undefined;
}

/** ZooKeeper ensembles and KRaft quorums: an odd size of at least 3. */
export function checkQuorumSize(size: number, what: string): string | undefined {
  if (!Number.isInteger(size) || size < 3) {
    return `${what} must be an odd number of at least 3 (got ${size}): fewer cannot survive the loss of one server.`;
  }
  if (size % 2 === 0) {
    return `${what} must be odd (got ${size}): ${size} servers tolerate no more failures than ${size - 1} and need a larger majority.`;
  }
  if (size > 255) {
    return `${what} must be at most 255 (ZooKeeper server ids run from 1 to 255).`;
  }
  return undefined;
}

export function checkBrokers(brokers: number): string | undefined {
  if (!Number.isInteger(brokers) || brokers < 1 || brokers > 999) {
    return `Kafka brokers must be a whole number from 1 to 999 (got ${brokers}).`;
  }
  return undefined;
}

/** Fewer than 3 brokers works but cannot keep replication factor 3 with min.insync.replicas 2. */
export function brokersWarning(brokers: number): string | undefined {
  if (brokers >= 3) {
    return undefined;
  }
  return `${brokers} Kafka broker${brokers === 1 ? '' : 's'}: topics get replication factor ${brokers} and min.insync.replicas 1, so losing one broker makes partitions unavailable or loses acknowledged writes. Use at least 3 brokers in production.`;
}

export function checkStorageClassName(name: string): string | undefined {
  if (name.length === 0 || name.length > 253 || !dnsSubdomain.test(name)) {
    return `'${name}' is not a valid StorageClass name: use lower-case letters, digits, '-' and '.'.`;
  }
  return undefined;
}

const quantityUnits: Readonly<Record<string, number>> = {
  Ki: 1 / 1024,
  Mi: 1,
  Gi: 1024,
  Ti: 1024 * 1024,
  k: 1000 / 1024 / 1024,
  M: 1e6 / 1024 / 1024,
  G: 1e9 / 1024 / 1024,
  T: 1e12 / 1024 / 1024,
};

/** A Kubernetes memory/storage quantity such as `10Gi` or `512Mi`, in MiB; undefined if malformed. */
export function quantityMebibytes(text: string): number | undefined {
  const match = /^([0-9]+(?:\.[0-9]+)?)(Ki|Mi|Gi|Ti|k|M|G|T)$/.exec(text);
  if (!match) {
    return undefined;
  }
  return Number(match[1]) * quantityUnits[match[2]!]!;
}

/** Checks a size with a unit and a sensible minimum, e.g. volume sizes and memory limits. */
export function checkQuantity(text: string, what: string, minimumMi: number): string | undefined {
  const mebibytes = quantityMebibytes(text);
  if (mebibytes === undefined) {
    return `${what} '${text}' is not a size: write a number with a unit, e.g. 10Gi or 512Mi.`;
  }
  if (mebibytes < minimumMi) {
    const minimum = minimumMi >= 1024 ? `${minimumMi / 1024}Gi` : `${minimumMi}Mi`;
    return `${what} ${text} is too small: use at least ${minimum}.`;
  }
  return undefined;
}

function isBitnami(reference: string): boolean {
  return /(^|\/)bitnami[^/]*\//.test(parseImage(reference)?.repository ?? reference);
}

/** The last two path components, so mirrors such as `registry.example/apache/kafka` match. */
function repositoryTail(reference: string, components: number): string {
  return (parseImage(reference)?.repository ?? '').split('/').slice(-components).join('/');
}

function checkImageShape(reference: string, what: string): string | undefined {
  if (!parseImage(reference)) {
    return `${what} '${reference}' is not an image reference such as apache/kafka:3.9.2.`;
  }
  if (isBitnami(reference)) {
    return `${what} '${reference}': Bitnami images are no longer freely published or updated (bitnami/containers#83267), and the generated configuration targets the official images. Use apache/kafka and zookeeper.`;
  }
  return undefined;
}

export function checkKafkaImage(reference: string, variant: ScaffoldVariant): string | undefined {
  const shape = checkImageShape(reference, 'Kafka image');
  if (shape) {
    return shape;
  }
  const version = imageVersion(reference);
  if (variant === 'kafka-zookeeper' && version && version[0] >= 4) {
    return `Kafka ${version.join('.')} cannot run with ZooKeeper: Kafka 4.0 removed ZooKeeper mode. Use apache/kafka:3.9.x, or the KRaft variant.`;
  }
  if (
    variant === 'kafka-kraft' &&
    version &&
    (version[0] < 3 || (version[0] === 3 && version[1] < 7))
  ) {
    return `Kafka ${version.join('.')} is older than the first apache/kafka image (3.7); use apache/kafka:4.x for KRaft.`;
  }
  return undefined;
}

export function kafkaImageWarning(reference: string): string | undefined {
  if (repositoryTail(reference, 2) !== 'apache/kafka') {
    return `Kafka image '${reference}' is not apache/kafka: the manifests start /etc/kafka/docker/run and configure it through KAFKA_* variables as that image does; check that '${reference}' works the same way.`;
  }
  if (!imageVersion(reference) && !parseImage(reference)?.digest) {
    return `Kafka image '${reference}' has no version tag: pin one (e.g. apache/kafka:3.9.2) so every broker runs the same version.`;
  }
  return undefined;
}

export function checkZookeeperImage(reference: string): string | undefined {
  return checkImageShape(reference, 'ZooKeeper image');
}

export function zookeeperImageWarning(reference: string): string | undefined {
  if (repositoryTail(reference, 1) !== 'zookeeper') {
    return `ZooKeeper image '${reference}' is not the official zookeeper image: the manifests rely on its entrypoint and ZOO_* variables; check that '${reference}' works the same way.`;
  }
  const version = imageVersion(reference);
  if (!version && !parseImage(reference)?.digest) {
    return `ZooKeeper image '${reference}' has no version tag: pin one (e.g. zookeeper:3.8.6).`;
  }
  if (version && (version[0] < 3 || (version[0] === 3 && version[1] < 5))) {
    return `ZooKeeper ${version.join('.')} predates the four-letter-word whitelist and ZOO_SERVERS client ports (3.5); use zookeeper:3.8 or 3.9.`;
  }
  return undefined;
}

export function checkClusterId(id: string): string | undefined {
  if (!/^[A-Za-z0-9_-]{22}$/.test(id)) {
    return `Cluster id '${id}' must be 22 characters of base64url (what kafka-storage.sh random-uuid prints).`;
  }
  return undefined;
}

export function checkClusterDomain(domain: string): string | undefined {
  if (!dnsSubdomain.test(domain)) {
    return `Cluster domain '${domain}' is not a DNS name such as cluster.local.`;
  }
  return undefined;
}

/** A target folder relative to a workspace folder, which must stay inside it. */
export function checkRelativeFolder(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) {
    return 'Enter a folder relative to the workspace folder, e.g. k8s/kafka.';
  }
  if (/^([a-zA-Z]:)?[\\/]/.test(trimmed) || trimmed.split(/[\\/]/).includes('..')) {
    return 'Use a relative folder inside the workspace folder (no leading / and no ..).';
  }
  return undefined;
}
