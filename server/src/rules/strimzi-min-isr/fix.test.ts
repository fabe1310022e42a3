// Strict checks (checkFix) of this rule's quick fix: after the fix the rule no longer reports at
// the fixed place, and no new error or warning appears anywhere in the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFix, mainUri } from '../../../../test/support/quick-fix-check';
import { kafkaCluster } from '../../../../test/support/strimzi-manifests';

test('strimzi-min-isr: one less than the replication factor', () => {
  const config = (isr: string): string =>
    kafkaCluster(
      '  annotations:\n    strimzi.io/kraft: enabled\n    strimzi.io/node-pools: enabled\n',
    ).replace(
      '        tls: false\n',
      `        tls: false\n    config:\n      default.replication.factor: 3\n      min.insync.replicas: ${isr}\n`,
    );
  assert.equal(checkFix(config('"3"'), 'strimzi-min-isr', 'Set to 2')[mainUri], config('2'));
});
