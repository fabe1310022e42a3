// Strict checks (checkFix) of this rule's quick fix: after the fix the rule no longer reports at
// the fixed place, and no new error or warning appears anywhere in the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFix, mainUri } from '../../../../test/support/quick-fix-check';
import { nodePool } from '../../../../test/support/strimzi-manifests';

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
    'file:///test/pool.yaml': nodePool('    type: persistent-claim\n    size: 100Gi\n', 2),
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
