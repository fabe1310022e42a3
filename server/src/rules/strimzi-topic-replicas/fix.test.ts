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
