// Strict checks (checkFix) of this rule's quick fix: after the fix the rule no longer reports at
// the fixed place, and no new error or warning appears anywhere in the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFix, mainUri } from '../../../../test/support/quick-fix-check';

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
