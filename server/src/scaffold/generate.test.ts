// Generates every variant of the scaffold and checks it three ways: a representative set against
// golden files, every variant for its internal consistency, and with every rule on main (zero
// errors, zero warnings). properties.test.ts checks the facts that matter on every variant.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getIn, parseFile, scalarText } from '../model';
import type { FileModel } from '../model';
import type { ScaffoldOptionsInput, ScaffoldResult } from '../protocol';
import { normalizeSettings } from '../protocol';
import { indexForFixture } from '../../../test/support/fixture-index';
import { runRules } from '../rules/run-rules';
import { loadSchema } from '../schema';
import {
  goldenVariants,
  scaffoldMatrix,
  strimziMatrix,
} from '../../../test/support/scaffold-variants';
import { generateKafkaManifests } from './generate';

const goldenRoot = resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'scaffold');
const schema = loadSchema();
// A user who picks an existing StorageClass says it exists in the cluster; the setting says the same.
const settings = normalizeSettings({ knownStorageClasses: ['managed-csi-premium'] });

function generate(input: ScaffoldOptionsInput): ScaffoldResult {
  const result = generateKafkaManifests(input);
  assert.deepEqual(result.errors, [], JSON.stringify(input));
  return result;
}

function parseAll(result: ScaffoldResult): FileModel[] {
  return result.files.map((file) => parseFile(`file:///scaffold/${file.path}`, 1, file.content));
}

for (const [name, input] of Object.entries(goldenVariants)) {
  test(`golden files: ${name}`, () => {
    const folder = join(goldenRoot, name);
    const { files } = generate(input);
    if (process.env.UPDATE_GOLDEN === '1') {
      rmSync(folder, { recursive: true, force: true });
      mkdirSync(folder, { recursive: true });
      for (const file of files) {
        writeFileSync(join(folder, file.path), file.content);
      }
    }
    assert.ok(existsSync(folder), `missing ${folder}; run with UPDATE_GOLDEN=1 to create it`);
    assert.deepEqual(readdirSync(folder).sort(), files.map((file) => file.path).sort());
    for (const file of files) {
      assert.equal(
        file.content,
        readFileSync(join(folder, file.path), 'utf8'),
        `${name}/${file.path} differs from its golden file (UPDATE_GOLDEN=1 rewrites it)`,
      );
    }
  });
}

test('every golden folder belongs to a golden variant', () => {
  assert.deepEqual(readdirSync(goldenRoot).sort(), Object.keys(goldenVariants).sort());
});

const matrix = [...scaffoldMatrix, ...strimziMatrix];

test('every variant passes every rule with no error and no warning', () => {
  for (const input of matrix) {
    const models = parseAll(generate(input));
    const index = indexForFixture(models);
    for (const model of models) {
      const findings = runRules(model, { schema, settings, index }).filter(
        (finding) => finding.severity === 'error' || finding.severity === 'warning',
      );
      assert.deepEqual(
        findings.map((finding) => `${finding.ruleId}: ${finding.message}`),
        [],
        `${model.uri} for ${JSON.stringify(input)}`,
      );
    }
  }
});

/** Rule ids reported on a generated set after replacing `from` with `to` in every file. */
function findingsAfter(input: ScaffoldOptionsInput, from: string, to: string): string[] {
  const models = generate(input).files.map((file) =>
    parseFile(`file:///scaffold/${file.path}`, 1, file.content.replace(from, to)),
  );
  const index = indexForFixture(models);
  return models.flatMap((model) =>
    runRules(model, { schema, settings, index }).map((finding) => finding.ruleId),
  );
}

test('the rule check is not vacuous: the Kafka and ZooKeeper rules recognise the generated set', () => {
  const zk: ScaffoldOptionsInput = { variant: 'kafka-zookeeper' };
  const cases: [ScaffoldOptionsInput, string, string, string][] = [
    [zk, 'serviceName: kafka-headless', 'serviceName: kafka-missing', 'sts-service-not-found'],
    [
      zk,
      'replicas: 3\n  podManagementPolicy',
      'replicas: 4\n  podManagementPolicy',
      'zk-ensemble-size',
    ],
    [
      zk,
      'zookeeper-1.zookeeper-headless.kafka',
      'zookeeper-1.zookeeper-headless.other',
      'zk-servers-mismatch',
    ],
    [zk, 'value: srvr,ruok', 'value: srvr', 'zk-4lw-probe'],
    [zk, 'maxUnavailable: 1', 'maxUnavailable: 2', 'zk-pdb-quorum'],
    [
      zk,
      "MIN_INSYNC_REPLICAS\n              value: '2'",
      "MIN_INSYNC_REPLICAS\n              value: '3'",
      'kafka-replication-factor',
    ],
    [zk, 'apache/kafka:3.9.2', 'apache/kafka:4.0.1', 'kafka-zookeeper-mode-removed'],
    [zk, 'KAFKA_BROKER_ID=${HOSTNAME##*-}', 'KAFKA_BROKER_ID=0', 'kafka-broker-id-fixed'],
    [zk, 'value: /var/lib/kafka/data/logs', 'value: /tmp/kafka-logs', 'kafka-log-dirs-ephemeral'],
    [
      zk,
      'zookeeper-0.zookeeper-headless',
      'zookeeper-0.zk-gone',
      'kafka-zookeeper-connect-unresolved',
    ],
  ];
  const strimzi: ScaffoldOptionsInput = { variant: 'kafka-strimzi' };
  cases.push(
    [strimzi, 'deleteClaim: false', 'deleteClaim: true', 'strimzi-delete-claim'],
    [strimzi, 'type: persistent-claim', 'type: ephemeral', 'strimzi-ephemeral-storage'],
    [
      strimzi,
      'replicas: 3\n  roles:\n    - controller',
      'replicas: 4\n  roles:\n    - controller',
      'strimzi-controller-quorum',
    ],
    [
      strimzi,
      'min.insync.replicas: 2\n      unclean',
      'min.insync.replicas: 3\n      unclean',
      'strimzi-min-isr',
    ],
    [
      strimzi,
      'strimzi.io/cluster: kafka\nspec:\n  partitions',
      'strimzi.io/cluster: kafak\nspec:\n  partitions',
      'strimzi-cluster-not-found',
    ],
    [strimzi, 'size: 100Gi', 'size: 100GB', 'strimzi-storage-size'],
    [strimzi, '      - id: 0\n', '      - ', 'strimzi-jbod-volume-id'],
  );
  for (const [input, from, to, ruleId] of cases) {
    assert.ok(
      findingsAfter(input, from, to).includes(ruleId),
      `${ruleId} after '${from}' → '${to}'`,
    );
  }
});

test('every file parses as one Kubernetes object in the chosen namespace', () => {
  for (const input of matrix) {
    const namespace = `ns-${input.brokers}`;
    for (const model of parseAll(generate({ ...input, namespace }))) {
      assert.equal(model.documents.length, 1, model.uri);
      const [document] = model.documents;
      assert.equal(document!.classification, 'kubernetes', model.uri);
      const kind = document!.kind;
      const objectNamespace = scalarText(getIn(document!.root, ['metadata', 'namespace']));
      const clusterScoped = ['Namespace', 'StorageClass', 'Kustomization'].includes(kind ?? '');
      assert.equal(objectNamespace, clusterScoped ? undefined : namespace, model.uri);
    }
  }
});

test('the kustomization lists every other file, and the main file exists', () => {
  for (const input of matrix) {
    const result = generate(input);
    const kustomization = result.files.find((file) => file.path === 'kustomization.yaml');
    const listed = [...(kustomization?.content.matchAll(/^ {2}- (.+)$/gm) ?? [])].map((m) => m[1]);
    const others = result.files
      .map((file) => file.path)
      .filter((path) => path !== 'kustomization.yaml');
    assert.deepEqual(listed, others);
    assert.ok(others.includes(result.mainFile));
  }
});

test('a StorageClass file exists only when one is created, and claims use its name', () => {
  const created = generate({ variant: 'kafka-kraft', storageClass: { create: 'aws-ebs-csi' } });
  const storageClass = created.files.find((file) => file.path === 'storage-class.yaml');
  assert.match(storageClass?.content ?? '', /provisioner: ebs\.csi\.aws\.com/);
  assert.match(
    storageClass?.content ?? '',
    /reclaimPolicy: Retain\nvolumeBindingMode: WaitForFirstConsumer\nallowVolumeExpansion: true/,
  );
  const existing = generate({ variant: 'kafka-kraft', storageClass: { existing: 'gp3' } });
  assert.ok(!existing.files.some((file) => file.path === 'storage-class.yaml'));
  assert.match(
    existing.files.find((file) => file.path === existing.mainFile)!.content,
    /storageClassName: gp3\n/,
  );
});

test('replication settings follow the broker count', () => {
  const expectations: Record<number, [string, string]> = {
    1: ['1', '1'],
    2: ['2', '1'],
    3: ['3', '2'],
    5: ['3', '2'],
  };
  for (const [brokers, [factor, minIsr]] of Object.entries(expectations)) {
    const result = generate({ variant: 'kafka-zookeeper', brokers: Number(brokers) });
    const broker = result.files.find((file) => file.path === result.mainFile)!.content;
    assert.match(broker, new RegExp(`KAFKA_DEFAULT_REPLICATION_FACTOR\\n\\s+value: '${factor}'`));
    assert.match(broker, new RegExp(`KAFKA_MIN_INSYNC_REPLICAS\\n\\s+value: '${minIsr}'`));
  }
});

test('server lists, zookeeper.connect and quorum voters use the pod DNS names of the namespace', () => {
  const zk = generate({ variant: 'kafka-zookeeper', namespace: 'streaming', zookeeperReplicas: 5 });
  const ensemble = zk.files.find((file) => file.path === 'zookeeper-statefulset.yaml')!.content;
  const servers = /ZOO_SERVERS\n\s+value: (.+)/.exec(ensemble)?.[1] ?? '';
  assert.deepEqual(
    servers.split(' '),
    [0, 1, 2, 3, 4].map(
      (i) =>
        `server.${i + 1}=zookeeper-${i}.zookeeper-headless.streaming.svc.cluster.local:2888:3888;2181`,
    ),
  );
  const broker = zk.files.find((file) => file.path === zk.mainFile)!.content;
  assert.match(
    broker,
    /KAFKA_ZOOKEEPER_CONNECT\n\s+value: zookeeper-0\.zookeeper-headless\.streaming\.svc\.cluster\.local:2181,.*zookeeper-4\.zookeeper-headless\.streaming\.svc\.cluster\.local:2181\n/,
  );
  assert.match(broker, /export KAFKA_BROKER_ID=\$\{HOSTNAME##\*-\}/);
  const kraft = generate({ variant: 'kafka-kraft', namespace: 'streaming' });
  const controllers = kraft.files.find(
    (file) => file.path === 'kafka-controller-statefulset.yaml',
  )!.content;
  assert.match(
    controllers,
    /KAFKA_CONTROLLER_QUORUM_VOTERS\n\s+value: 1000@kafka-controller-0\.kafka-controller-headless\.streaming\.svc\.cluster\.local:9093,1001@.*,1002@kafka-controller-2\.kafka-controller-headless\.streaming\.svc\.cluster\.local:9093\n/,
  );
  assert.doesNotMatch(controllers, /ADVERTISED_LISTENERS/);
});

test('the ZooKeeper variant says in its files that Kafka 3.9.x is the last line with ZooKeeper', () => {
  const result = generate({ variant: 'kafka-zookeeper' });
  const broker = result.files.find((file) => file.path === result.mainFile)!.content;
  assert.match(
    broker,
    /# Kafka 3\.9\.x is the last line with ZooKeeper mode: Kafka 4\.0 removed it\./,
  );
  assert.match(broker, /image: apache\/kafka:3\.9\.\d+\n/);
  assert.ok(result.files.every((file) => !/bitnami/i.test(file.content)));
});

test('the Strimzi variant: v1 resources of the pinned release, pools on the chosen class', () => {
  const result = generate({
    variant: 'kafka-strimzi',
    namespace: 'streaming',
    brokers: 5,
    controllers: 5,
    storageClass: { existing: 'gp3' },
  });
  assert.equal(result.mainFile, 'kafka.yaml');
  const text = (path: string): string => result.files.find((file) => file.path === path)!.content;
  assert.deepEqual(
    result.files.map((file) => file.path),
    [
      'namespace.yaml',
      'kafka-controller-nodepool.yaml',
      'kafka-broker-nodepool.yaml',
      'kafka.yaml',
      'kafka-topic.yaml',
      'kustomization.yaml',
    ],
  );
  for (const pool of ['controller', 'broker']) {
    const content = text(`kafka-${pool}-nodepool.yaml`);
    assert.match(content, /^apiVersion: kafka\.strimzi\.io\/v1$/m);
    assert.match(content, /replicas: 5\n {2}roles:\n/);
    assert.match(content, /type: persistent-claim\n\s+size: \d+Gi\n\s+class: gp3\n/);
    assert.match(content, /deleteClaim: false/);
  }
  assert.match(text('kafka.yaml'), /version: 4\.3\.1\n\s+metadataVersion: 4\.3-IV0\n/);
  assert.match(text('kafka.yaml'), /--version 1\.2\.0 .*\n.*watchNamespaces=\{streaming\}/);
  assert.match(
    text('kafka.yaml'),
    /default\.replication\.factor: 3\n\s+min\.insync\.replicas: 2\n/,
  );
  assert.ok(
    !/zookeeper|strimzi\.io\/(kraft|node-pools)/.test(result.files.map((f) => f.content).join('')),
  );
});

test('invalid options produce errors and no files', () => {
  const result = generateKafkaManifests({ variant: 'kafka-zookeeper', zookeeperReplicas: 4 });
  assert.deepEqual(result.files, []);
  assert.deepEqual(
    result.errors.map((issue) => issue.option),
    ['zookeeperReplicas'],
  );
});
