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

test('strimzi-delete-claim: keep the claims', () => {
  const text = pool('    type: persistent-claim\n    size: 100Gi\n    deleteClaim: true\n');
  assert.equal(
    checkFix(text, 'strimzi-delete-claim', 'Set deleteClaim: false')[mainUri],
    pool('    type: persistent-claim\n    size: 100Gi\n    deleteClaim: false\n'),
  );
});
