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
