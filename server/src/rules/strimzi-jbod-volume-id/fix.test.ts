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

test('strimzi-jbod-volume-id: add the first free id', () => {
  const volumes = (second: string): string =>
    `    type: jbod\n    volumes:\n      - id: 0\n        type: persistent-claim\n        size: 100Gi\n      - type: persistent-claim\n        size: 100Gi\n${second}`;
  assert.equal(
    checkFix(pool(volumes('')), 'strimzi-jbod-volume-id', 'Add id: 1')[mainUri],
    pool(volumes('        id: 1\n')),
  );
});
