import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFix, fixesFor, mainUri } from '../../../../test/support/quick-fix-check';

const pool = (storage: string, replicas = 3, name = 'broker', cluster = 'my-cluster'): string =>
  `apiVersion: kafka.strimzi.io/v1
kind: KafkaNodePool
metadata:
  name: ${name}
  labels:
    strimzi.io/cluster: ${cluster}
spec:
  replicas: ${replicas}
  roles: [broker]
  storage:
${storage}`;

const kafka = (metadata = '', spec = ''): string => `apiVersion: kafka.strimzi.io/v1beta2
kind: Kafka
metadata:
  name: my-cluster
${metadata}spec:
  kafka:
    version: 3.9.0
    listeners:
      - name: plain
        port: 9092
        type: internal
        tls: false
${spec}`;

test('strimzi-ephemeral-storage: switch to persistent-claim storage', () => {
  const text = pool(
    '    type: jbod\n    volumes:\n      - id: 0\n        type: ephemeral\n        sizeLimit: 1Gi\n',
  );
  assert.equal(
    checkFix(text, 'strimzi-ephemeral-storage', 'Use persistent-claim storage')[mainUri],
    pool(
      '    type: jbod\n    volumes:\n      - id: 0\n        type: persistent-claim\n        size: 100Gi\n        deleteClaim: false\n',
    ),
  );
});

test('strimzi-delete-claim: keep the claims', () => {
  const text = pool('    type: persistent-claim\n    size: 100Gi\n    deleteClaim: true\n');
  assert.equal(
    checkFix(text, 'strimzi-delete-claim', 'Set deleteClaim: false')[mainUri],
    pool('    type: persistent-claim\n    size: 100Gi\n    deleteClaim: false\n'),
  );
});

test('strimzi-jbod-volume-id: add the first free id', () => {
  const volumes = (second: string): string =>
    `    type: jbod\n    volumes:\n      - id: 0\n        type: persistent-claim\n        size: 100Gi\n      - type: persistent-claim\n        size: 100Gi\n${second}`;
  assert.equal(
    checkFix(pool(volumes('')), 'strimzi-jbod-volume-id', 'Add id: 1')[mainUri],
    pool(volumes('        id: 1\n')),
  );
});

test('strimzi-storage-size: correct the quantity, or add a missing size', () => {
  assert.equal(
    checkFix(
      pool('    type: persistent-claim\n    size: 100GB\n'),
      'strimzi-storage-size',
      "Change to '100Gi'",
    )[mainUri],
    pool('    type: persistent-claim\n    size: 100Gi\n'),
  );
  assert.equal(
    checkFix(pool('    type: persistent-claim\n'), 'strimzi-storage-size', 'Add size: 100Gi')[
      mainUri
    ],
    pool('    type: persistent-claim\n    size: 100Gi\n'),
  );
});

test('strimzi-kraft-annotations: add the missing annotations, or set the one that is wrong', () => {
  const broker = pool('    type: persistent-claim\n    size: 100Gi\n')
    .replace('kafka.strimzi.io/v1', 'kafka.strimzi.io/v1beta2')
    .replace('roles: [broker]', 'roles: [controller, broker]');
  const files = (text: string): Record<string, string> => ({
    [mainUri]: text,
    'file:///test/pool.yaml': broker,
  });
  const fixed = checkFix(
    files(kafka()),
    'strimzi-kraft-annotations',
    'Add strimzi.io/kraft: enabled, strimzi.io/node-pools: enabled',
  )[mainUri];
  assert.equal(
    fixed,
    kafka('  annotations:\n    strimzi.io/kraft: enabled\n    strimzi.io/node-pools: enabled\n'),
  );
  const partly = kafka(
    '  annotations:\n    strimzi.io/kraft: disabled\n    strimzi.io/node-pools: enabled\n',
  );
  assert.equal(
    checkFix(files(partly), 'strimzi-kraft-annotations', 'Add strimzi.io/kraft: enabled')[mainUri],
    kafka('  annotations:\n    strimzi.io/kraft: enabled\n    strimzi.io/node-pools: enabled\n'),
  );
});

test('strimzi-cluster-not-found: change the label to the Kafka it most likely means', () => {
  const files = {
    [mainUri]: pool('    type: persistent-claim\n    size: 100Gi\n', 3, 'broker', 'my-clustr'),
    'file:///test/kafka.yaml': kafka(
      '  annotations:\n    strimzi.io/kraft: enabled\n    strimzi.io/node-pools: enabled\n',
    ),
  };
  assert.equal(
    checkFix(files, 'strimzi-cluster-not-found', "Change to 'my-cluster'")[mainUri],
    pool('    type: persistent-claim\n    size: 100Gi\n'),
  );
});

test('strimzi-rack-topology-key: the intended well-known label; none for a custom label', () => {
  const rack = (key: string): string =>
    kafka(
      '  annotations:\n    strimzi.io/kraft: enabled\n    strimzi.io/node-pools: enabled\n',
      `    rack:\n      topologyKey: ${key}\n`,
    );
  assert.equal(
    checkFix(
      rack('failure-domain.beta.kubernetes.io/zone'),
      'strimzi-rack-topology-key',
      "Change to 'topology.kubernetes.io/zone'",
    )[mainUri],
    rack('topology.kubernetes.io/zone'),
  );
  assert.deepEqual(
    fixesFor(rack('example.com/rack'), 'strimzi-rack-topology-key').map((fix) => fix.title),
    ['Disable strimzi-rack-topology-key for this line'],
  );
});

test('strimzi-controller-quorum: an odd quorum of three or more for a single controller pool', () => {
  const controllers = (replicas: number): string =>
    pool('    type: persistent-claim\n    size: 10Gi\n', replicas, 'controller').replace(
      'roles: [broker]',
      'roles: [controller]',
    );
  assert.deepEqual(
    fixesFor(controllers(4), 'strimzi-controller-quorum').map((fix) => fix.title),
    ['Set replicas: 3', 'Set replicas: 5', 'Disable strimzi-controller-quorum for this line'],
  );
  assert.equal(
    checkFix(controllers(2), 'strimzi-controller-quorum', 'Set replicas: 3')[mainUri],
    controllers(3),
  );
});

test('strimzi-topic-replicas: as many replicas as the cluster has brokers', () => {
  const topic = (replicas: number): string => `apiVersion: kafka.strimzi.io/v1
kind: KafkaTopic
metadata:
  name: orders
  labels:
    strimzi.io/cluster: my-cluster
spec:
  partitions: 6
  replicas: ${replicas}
`;
  const files = (replicas: number): Record<string, string> => ({
    [mainUri]: topic(replicas),
    'file:///test/pool.yaml': pool('    type: persistent-claim\n    size: 100Gi\n', 2),
    'file:///test/kafka.yaml': `apiVersion: kafka.strimzi.io/v1
kind: Kafka
metadata:
  name: my-cluster
spec:
  kafka:
    listeners: []
`,
  });
  assert.equal(checkFix(files(3), 'strimzi-topic-replicas', 'Set replicas: 2')[mainUri], topic(2));
});

test('strimzi-min-isr: one less than the replication factor', () => {
  const config = (isr: string): string =>
    kafka(
      '  annotations:\n    strimzi.io/kraft: enabled\n    strimzi.io/node-pools: enabled\n',
    ).replace(
      '        tls: false\n',
      `        tls: false\n    config:\n      default.replication.factor: 3\n      min.insync.replicas: ${isr}\n`,
    );
  assert.equal(checkFix(config('"3"'), 'strimzi-min-isr', 'Set to 2')[mainUri], config('2'));
});
